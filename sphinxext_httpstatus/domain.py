"""The ``httpstatus`` domain: where entries and comparisons live, and how references find them.

``sphinxcontrib-httpdomain`` owns the ``http`` domain, so ours has its own name. Entries are the
domain's objects, which puts them in ``objects.inv`` (hence intersphinx) and the general index.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Set
from typing import Any, TypeVar

from docutils import nodes
from docutils.nodes import Element
from sphinx.addnodes import pending_xref
from sphinx.builders import Builder
from sphinx.domains import Domain, ObjType
from sphinx.environment import BuildEnvironment
from sphinx.util.nodes import make_refnode

from . import render
from .catalog import Catalog
from .datafiles import shipped_catalog
from .endpoints import EndpointStatus
from .i18n import __
from .roles import HTTPCodeRole
from .usage import Location, httpstatus_domain, parse_code, warn

_Ref = TypeVar("_Ref", bound=Element)


def entry_anchor(code: int) -> str:
    return f"httpstatus-{code}"


def advice_anchor(code: int) -> str:
    return f"httpstatus-{code}-fix"


class HTTPStatusDomain(Domain):
    name = "httpstatus"
    label = "HTTP status codes"
    object_types = {
        # "advice" is the role behind the "Full advice" links of comparison tables; it targets the
        # same objects, so intersphinx can resolve it too.
        "code": ObjType(__("status code"), "code", "advice"),
    }
    roles = {"code": HTTPCodeRole()}
    initial_data = {
        "entries": {},  # code -> (docname, anchor)
        "comparisons": {},  # docname -> {anchor: tuple of codes}, so clear_doc is one pop
        "references": {},  # docname -> set of codes the document references
        "endpoints": {},  # docname -> list of EndpointStatus, in document order
        "usage": set(),  # documents whose output lists endpoints (usage tables, entries)
    }
    # 4: endpoint records are slotted; an environment pickled with the old ones is read anew.
    data_version = 4

    #: Set at ``builder-inited``; transient (domains are not pickled with the environment).
    catalog: Catalog | None = None
    #: Absolute paths of the project's data files, noted as dependencies of documents using them.
    data_files: tuple[str, ...] = ()
    #: The entries before a rebuild reads documents (see ``documents_with_moved_targets``).
    entries_before_read: dict[int, tuple[str, str]] | None = None
    endpoints_before_read: list[EndpointStatus] = []

    def __init__(self, env: BuildEnvironment) -> None:
        super().__init__(env)
        self._tooltips: dict[int, str | None] = {}
        self._fallback_urls: dict[int, str | None] = {}
        #: Pair of codes -> first comparison showing both; built on first use while writing.
        self._pair_index: dict[frozenset[int], tuple[str, str]] | None = None
        #: Code -> endpoints returning it; built on first use while writing.
        self._by_code: dict[int, list[EndpointStatus]] | None = None

    def use_catalog(self, catalog: Catalog, data_files: tuple[str, ...]) -> None:
        self.catalog = catalog
        self.data_files = data_files
        self._tooltips.clear()
        self._fallback_urls.clear()

    def get_catalog(self) -> Catalog:
        return self.catalog if self.catalog is not None else shipped_catalog()

    @property
    def entries(self) -> dict[int, tuple[str, str]]:
        return self.data["entries"]

    @property
    def comparisons(self) -> dict[str, dict[str, tuple[int, ...]]]:
        return self.data["comparisons"]

    def warn_duplicate(self, code: int, other_docname: str, location: Location) -> None:
        warn(
            "duplicate entry for HTTP status %s, also in %s; use :no-index: on one",
            code,
            self.env.doc2path(other_docname),
            location=location,
            subtype="duplicate-entry",
        )

    def note_entry(self, code: int, docname: str, location: Element | None) -> bool:
        """Record an entry; False (with a warning) when another document already has one."""
        existing = self.entries.get(code)
        if existing:
            self.warn_duplicate(code, existing[0], location)
            return False
        self.entries[code] = (docname, entry_anchor(code))
        return True

    def note_comparison(self, codes: Iterable[int], docname: str, anchor: str) -> None:
        self.comparisons.setdefault(docname, {})[anchor] = tuple(codes)
        self._pair_index = None

    def note_references(self, docname: str, codes: Iterable[int]) -> None:
        self.data["references"].setdefault(docname, set()).update(codes)

    def note_endpoints(self, docname: str, statuses: list[EndpointStatus]) -> None:
        self._by_code = None
        if statuses:
            self.data["endpoints"][docname] = statuses
        else:
            self.data["endpoints"].pop(docname, None)

    def note_usage(self, docname: str) -> None:
        """``docname`` shows what endpoints return: rewrite it when that changes."""
        self.data["usage"].add(docname)

    def endpoint_statuses(self) -> list[EndpointStatus]:
        """Every endpoint's status fields, in document order then order on the page."""
        return [
            status
            for docname in sorted(self.data["endpoints"])
            for status in self.data["endpoints"][docname]
        ]

    def endpoints_by_code(self) -> dict[int, list[EndpointStatus]]:
        """The endpoints returning each code, in document order; built once per build, not per
        page that lists them (every entry's "Returned by" does)."""
        if self._by_code is None:
            by_code: dict[int, list[EndpointStatus]] = {}
            for status in self.endpoint_statuses():
                by_code.setdefault(status.code, []).append(status)
            self._by_code = by_code
        return self._by_code

    def clear_doc(self, docname: str) -> None:
        for code, (entry_doc, _anchor) in list(self.entries.items()):
            if entry_doc == docname:
                del self.entries[code]
        self.comparisons.pop(docname, None)
        self.data["references"].pop(docname, None)
        self.data["endpoints"].pop(docname, None)
        self.data["usage"].discard(docname)
        self._pair_index = None
        self._by_code = None

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for code, (docname, anchor) in otherdata["entries"].items():
            if docname not in docnames:
                continue
            existing = self.entries.get(code)
            if existing and existing[0] != docname:
                # Two documents read by different processes: keep one, as a serial build would.
                first, second = sorted((existing[0], docname))
                self.warn_duplicate(code, first, (second, None))
                self.entries[code] = (first, entry_anchor(code))
            else:
                self.entries[code] = (docname, anchor)
        for docname, anchors in otherdata["comparisons"].items():
            if docname in docnames:
                self.comparisons[docname] = anchors
        for docname, codes in otherdata["references"].items():
            if docname in docnames:
                self.data["references"][docname] = codes
        for docname, statuses in otherdata["endpoints"].items():
            if docname in docnames:
                self.data["endpoints"][docname] = statuses
        self.data["usage"].update(otherdata["usage"] & docnames)
        self._pair_index = None
        self._by_code = None

    def find_comparison(self, first: int, second: int) -> tuple[str, str] | None:
        """The first comparison (in document order) that shows both codes.

        Looked up for every "(comparison)" link of every entry, so the pairs are indexed once
        instead of sorting and scanning every comparison per lookup.
        """
        if self._pair_index is None:
            index: dict[frozenset[int], tuple[str, str]] = {}
            for docname in sorted(self.comparisons):
                for anchor, codes in sorted(self.comparisons[docname].items()):
                    key = (docname, anchor)
                    for one in codes:
                        for other in codes:
                            if one != other:
                                index.setdefault(frozenset((one, other)), key)
            self._pair_index = index
        return self._pair_index.get(frozenset((first, second)))

    def tooltip(self, code: int) -> str | None:
        """The hover text for a code, built once per build (the language cannot change)."""
        if code not in self._tooltips:
            status = self.get_catalog().get(code)
            self._tooltips[code] = render.tooltip_text(status) if status else None
        return self._tooltips[code]

    def decorate(self, reference: _Ref, target: str, code: int | None = None) -> _Ref:
        """Mark a resolved status reference for the tooltip; one place for every resolver."""
        if code is None:
            code = parse_code(target)
        title = self.tooltip(code) if code is not None else None
        if title:
            reference["reftitle"] = title
        reference["classes"].extend(render.DECORATED_CLASSES)
        return reference

    def in_inventory(self, target: str) -> bool:
        inventory = getattr(self.env, "intersphinx_inventory", None) or {}
        return target in inventory.get("httpstatus:code", {})

    def fallback_url(self, code: int) -> str | None:
        """The external link of last resort (``httpstatus_fallback_url``), once per code."""
        if code not in self._fallback_urls:
            self._fallback_urls[code] = self._make_fallback_url(code)
        return self._fallback_urls[code]

    def _make_fallback_url(self, code: int) -> str | None:
        template = self.env.config.httpstatus_fallback_url
        status = self.get_catalog().get(code)
        if status is None or not template:
            return None
        try:
            url = status.spec_url if template == "spec" else template.format(code=status.code)
        except (KeyError, IndexError, ValueError):  # reported once, at config-inited
            return None
        return url or None

    def resolve_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: pending_xref,
        contnode: Element,
    ) -> nodes.reference | None:
        """Own entry first; then intersphinx; then the fallback link (see ``resolve.py``).

        Intersphinx only runs on ``missing-reference``, so we step aside (return None) exactly
        when an inventory has the code, and otherwise link the fallback here: emitting an event
        per reference would cost more than the rest of the resolution together.
        """
        if typ == "compare":
            first, _sep, second = (parse_code(part) for part in target.partition(" "))
            found = self.find_comparison(first, second) if first and second else None
            if found is None:
                return None
            return make_refnode(builder, fromdocname, found[0], found[1], contnode)
        code = parse_code(target)
        entry = self.entries.get(code) if code is not None else None
        if code is not None and entry is not None:
            anchor = advice_anchor(code) if typ == "advice" else entry[1]
            return self.decorate(
                make_refnode(builder, fromdocname, entry[0], anchor, contnode), target, code
            )
        if code is None or typ != "code" or self.in_inventory(target):
            return None
        url = self.fallback_url(code)
        if url is None:
            return None
        fallback = nodes.reference("", "", contnode, internal=False, refuri=url)
        return self.decorate(fallback, target, code)

    def resolve_any_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: pending_xref,
        contnode: Element,
    ) -> list[tuple[str, nodes.reference]]:
        found = self.resolve_xref(env, fromdocname, builder, "code", target, node, contnode)
        return [("httpstatus:code", found)] if found is not None else []

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        catalog = self.get_catalog()
        for code, (docname, anchor) in sorted(self.entries.items()):
            status = catalog.get(code)
            display = status.label if status else str(code)
            yield str(code), display, "code", docname, anchor, 1


# Incremental builds: Sphinx rewrites only the documents it re-read. When an entry appears,
# moves or disappears, documents that reference that code were not re-read but their links
# changed, so we ask Sphinx to write them too.


def snapshot_entries(app: object, env: BuildEnvironment, docnames: list[str]) -> None:
    domain = httpstatus_domain(env)
    domain.entries_before_read = dict(domain.entries)
    domain.endpoints_before_read = domain.endpoint_statuses()


def documents_with_moved_targets(app: object, env: BuildEnvironment) -> list[str]:
    domain = httpstatus_domain(env)
    before = getattr(domain, "entries_before_read", None)
    if before is None:
        return []
    after = domain.entries
    changed = {code for code in before.keys() | after.keys() if before.get(code) != after.get(code)}
    outdated = {
        docname
        for docname, codes in domain.data["references"].items()
        if changed.intersection(codes)
    }
    # Pages listing endpoints (usage tables, "Returned by") follow every change of an endpoint,
    # and of an entry their code links lead to.
    endpoints_before = [status.key for status in domain.endpoints_before_read]
    if changed or endpoints_before != [status.key for status in domain.endpoint_statuses()]:
        outdated.update(domain.data["usage"])
    return sorted(outdated)
