"""What happens to references the domain leaves unresolved.

Order for ``:httpcode:``: the project's own entry, then an intersphinx inventory, then the
external fallback link (the domain does the first and the last, see
:meth:`HTTPStatusDomain.resolve_xref`), and finally plain text, which Sphinx reports only in
nitpicky mode because our references carry ``refwarn=False``.
"""

from __future__ import annotations

from typing import Any, cast

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.environment import BuildEnvironment
from sphinx.errors import NoUri
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging

from .catalog import StatusCode
from .render import (
    DECORATED_CLASSES,
    PENDING_ATTRIBUTES,
    PENDING_DOC,
    PENDING_EXPLICIT,
    PENDING_TARGET,
    XREF_CLASSES,
    code_xref,
    is_pending_reference,
    keep_quotes,
)
from .usage import httpstatus_domain, parse_code

logger = logging.getLogger(__name__)

#: Before intersphinx's own handler (500): we call intersphinx ourselves so that what it finds
#: gets our tooltip too.
PRIORITY = 400


def resolve_missing(
    app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: nodes.TextElement
) -> nodes.Node | None:
    if node.get("refdomain") != "httpstatus":
        return None
    if "sphinx.ext.intersphinx" in app.extensions:
        from sphinx.ext.intersphinx import missing_reference

        found = missing_reference(app, env, node, contnode)
        if found is not None:
            return httpstatus_domain(env).decorate(found, node["reftarget"])
    if node.get("reftype") in ("advice", "compare"):
        # Optional links ("Full advice", "comparison") simply disappear without a target.
        return nodes.inline()
    return None


def current_builder(env: BuildEnvironment) -> Builder:
    """The builder writing now; Sphinx 8.1 made the environment's application private."""
    app = getattr(env, "_app", None) or env.app
    return app.builder


def resolve_code(
    env: BuildEnvironment, fromdocname: str, status: StatusCode
) -> nodes.Element | None:
    """The link that ``:httpcode:`NNN``` gets on ``fromdocname``, for status codes that a document
    shows as something other than a reference (the status lines of HTTP examples).

    The same two steps as Sphinx's own resolver, so the same rules apply: our domain, then the
    ``missing-reference`` event (intersphinx, through :func:`resolve_missing`).
    """
    xref = code_xref(status.code, status.label)
    xref["refdoc"] = fromdocname
    contnode = cast(nodes.Element, xref[0].deepcopy())
    domain = httpstatus_domain(env)
    try:
        found = domain.resolve_xref(
            env, fromdocname, current_builder(env), "code", str(status.code), xref, contnode
        )
        if found is None:
            found = env.events.emit_firstresult(
                "missing-reference", env, xref, contnode, allowed_exceptions=(NoUri,)
            )
    except NoUri:
        return None
    return found if isinstance(found, nodes.reference) else None


class ResolveStatusReferences(SphinxPostTransform):
    """Give status references their link: an entry, or the fallback, before Sphinx resolves.

    A status reference is already the ``reference`` node it will be written as
    (:func:`render.code_reference`); here it gets its ``refuri`` and tooltip, found once per code
    and page and copied to the code's other mentions. That is the whole cost of a reference
    while writing: Sphinx's ``ReferencesResolver`` (priority 10) would replace each one with a
    new node, after a deep copy of its content. A code the domain cannot link (one an
    intersphinx inventory has, or none) becomes a ``pending_xref`` for ``ReferencesResolver``,
    so intersphinx and nitpicky warnings work as for any cross-reference.
    """

    default_priority = 5

    def run(self, **kwargs: Any) -> None:
        links: dict[tuple[str, str], dict[str, Any] | None] = {}
        # Found by class, then filtered: a condition function would be called for every node.
        pending = [
            reference
            for reference in self.document.findall(nodes.reference)
            if is_pending_reference(reference)
        ]
        for reference in pending:
            attributes = self.link(reference, links)
            if attributes is None:
                reference.replace_self(self.handed_over(reference))
                continue
            for name in PENDING_ATTRIBUTES:
                del reference[name]
            reference.attributes.update(attributes)
            reference["classes"] = list(DECORATED_CLASSES)

    def link(
        self, reference: nodes.reference, links: dict[tuple[str, str], dict[str, Any] | None]
    ) -> dict[str, Any] | None:
        """``refuri`` or ``refid``, ``internal`` and ``reftitle`` for this reference, or None."""
        pending = reference.attributes
        key = (pending[PENDING_DOC] or self.env.docname, pending[PENDING_TARGET])
        if key not in links:
            xref = code_xref(0, "", target=key[1])
            found = httpstatus_domain(self.env).resolve_xref(
                self.env, key[0], current_builder(self.env), "code", key[1], xref, nodes.inline()
            )
            links[key] = None
            if found is not None:
                links[key] = {
                    name: value
                    for name, value in found.attributes.items()
                    if name in ("refuri", "refid", "internal", "reftitle")
                }
        return links[key]

    def handed_over(self, reference: nodes.reference) -> pending_xref:
        """The ``pending_xref`` Sphinx resolves (intersphinx) or reports (nitpicky)."""
        target = reference[PENDING_TARGET]
        content = nodes.inline("", "", *reference.children, classes=list(XREF_CLASSES))
        xref = code_xref(0, "", target=target, explicit=reference[PENDING_EXPLICIT])
        xref[:] = [keep_quotes(content)]
        xref["refdoc"] = reference[PENDING_DOC] or self.env.docname
        xref.rawsource = reference.rawsource
        xref.source, xref.line = reference.source, reference.line
        return xref


def warn_missing(app: Sphinx, domain: object, node: pending_xref) -> bool | None:
    """``warn-missing-reference`` (nitpicky only): say why a known code has no target.

    Sphinx's own "reference target not found: 460" gives no hint; a project code without an
    entry and without ``spec_url`` is the usual reason. Same type and subtype as Sphinx's warning,
    so ``nitpick_ignore`` and ``suppress_warnings = ["ref.code"]`` treat it alike.
    """
    if node.get("refdomain") != "httpstatus" or node.get("reftype") != "code":
        return None
    code = parse_code(node["reftarget"])
    httpstatus = httpstatus_domain(app.env)
    status = httpstatus.get_catalog().get(code) if code is not None else None
    if status is None:
        return None
    # With a spec URL, only a switched-off fallback explains the miss; without, the data does.
    remedy = (
        "or set httpstatus_fallback_url"
        if status.spec_url and not app.config.httpstatus_fallback_url
        else "or a spec_url in the data file"
    )
    logger.warning(
        "httpstatus:code reference target not found: %s (the project has no entry for it and "
        "httpstatus_fallback_url gives no link; add '.. http-status:: %s', %s)",
        code,
        code,
        remedy,
        location=node,
        type="ref",
        subtype="code",
    )
    return True
