"""``http-status`` (one entry) and ``http-status-catalog`` (entries for many codes).

An entry is an object description of our domain: a signature "403 Forbidden" with a permalink
and an index entry, then the fields, so themes and every builder already know how to show it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.util.docutils import SphinxDirective

from . import render
from .catalog import FACT_FIELDS, Catalog, StatusCode
from .domain import advice_anchor, entry_anchor
from .i18n import _
from .status_usage import returned_by_field
from .usage import catalog_for, check_code, httpstatus_domain, split_words, status_classes, warn

ENTRY_FIELDS = ("class", "description", "when_you_see_it", "how_to_fix")
#: Labels of what an entry shows around its fields (the terminal view shows them too).
REGISTRY_LABEL = render.N_("Registry")
RELATED_LABEL = render.N_("Related")


class EntryDirective(SphinxDirective):
    """What both directives share: building entries and registering them in the domain."""

    def build_entry(
        self, catalog: Catalog, status: StatusCode, body: Sequence[nodes.Node] = ()
    ) -> list[nodes.Node]:
        domain = httpstatus_domain(self.env)
        index = "no-index" in self.options or "noindex" in self.options
        signature = addnodes.desc_signature("", "", classes=["sig", "sig-object"])
        signature += render.keep_quotes(addnodes.desc_name(status.label, status.label))
        signature["translatable"] = False
        result: list[nodes.Node] = []
        if not index and domain.note_entry(status.code, self.env.docname, signature):
            anchor = entry_anchor(status.code)
            signature["ids"].append(anchor)
            self.state.document.note_explicit_target(signature)
            entry_text = _("HTTP status code; {status}").format(status=status.label)
            result.append(addnodes.index(entries=[("single", entry_text, anchor, "", None)]))
        self.set_source_info(signature)
        content = addnodes.desc_content()
        content += self.build_fields(catalog, status, bool(signature["ids"]))
        content += body
        desc = addnodes.desc(
            domain="httpstatus",
            objtype="code",
            desctype="code",
            noindex=index,
            classes=["httpstatus", "code", "httpstatus-entry", *self.options.get("class", [])],
        )
        desc += signature
        desc += content
        result.append(desc)
        return result

    def build_fields(self, catalog: Catalog, status: StatusCode, indexed: bool) -> nodes.field_list:
        fields = nodes.field_list(classes=["httpstatus-fields"])
        note = render.registry_note(status)
        if note:
            fields += field(_(REGISTRY_LABEL), [render.text_paragraph(note)])
        for name in ENTRY_FIELDS:
            text = render.field_text(status, name)
            if not text:  # a project's code with only a phrase: leave the field out
                continue
            body: list[nodes.Node] = [render.text_paragraph(text)]
            if name == "how_to_fix" and indexed:
                body.insert(0, nodes.target("", "", ids=[advice_anchor(status.code)]))
            fields += field(render.field_label(name), body)
        for name in FACT_FIELDS:
            if getattr(status, name):  # most codes have no facts yet: leave out empty fields
                fields += field(render.field_label(name), render.field_nodes(status, name))
        if status.spec:
            spec = nodes.paragraph("", "", render.spec_reference(status))
            spec["translatable"] = False
            fields += field(render.field_label("spec"), [spec])
        related = [catalog.codes[code] for code in status.related if code in catalog]
        httpstatus_domain(self.env).note_references(
            self.env.docname, [status.code, *(other.code for other in related)]
        )
        if related:
            fields += field(_(RELATED_LABEL), [self.related_list(status, related)])
        fields += returned_by_field(status.code, self.env.docname, self.env)
        return fields

    @staticmethod
    def related_list(status: StatusCode, related: list[StatusCode]) -> nodes.bullet_list:
        items = nodes.bullet_list(classes=["httpstatus-related"])
        for other in related:
            paragraph = nodes.paragraph("", "", render.status_reference(other))
            paragraph["translatable"] = False
            first, second = sorted((status.code, other.code))
            # Links to a comparison of the two codes when the project has one; vanishes otherwise,
            # parentheses included (they are part of the link text), so "412 Precondition Failed
            # (comparison)" never reads as one link.
            compare = render.code_xref(
                other.code, _("(comparison)"), reftype="compare", target=f"{first} {second}"
            )
            paragraph += [nodes.Text(" "), compare]
            items += nodes.list_item("", paragraph)
        return items


def field(label: str, body: list[nodes.Node]) -> nodes.field:
    name = nodes.field_name(label, label)
    name["translatable"] = False
    return nodes.field("", name, nodes.field_body("", *body))


class HTTPStatus(EntryDirective):
    """``.. http-status:: 403`` with the project's own prose as optional content."""

    required_arguments = 1
    has_content = True
    option_spec: ClassVar[dict] = {
        "no-index": directives.flag,
        "noindex": directives.flag,
        "class": directives.class_option,
    }

    def run(self) -> list[nodes.Node]:
        catalog = catalog_for(self.env)
        _code, status = check_code(self.arguments[0], catalog, self.get_location())
        if status is None:
            return []
        body = self.parse_content_to_nodes() if self.content else []
        return self.build_entry(catalog, status, body)


class HTTPStatusCatalog(EntryDirective):
    """``.. http-status-catalog::`` with optional ``:classes: 4xx 5xx`` / ``:codes: 401 403``.

    Both filters together keep the codes that pass both; a listed code outside the listed classes
    is warned about rather than dropped silently.
    """

    option_spec: ClassVar[dict] = {
        # Parsed in run(): a bad value is our own located warning, and the rest still renders.
        "classes": directives.unchanged,
        "codes": directives.unchanged,
        "no-index": directives.flag,
        "noindex": directives.flag,
        "class": directives.class_option,
    }

    def run(self) -> list[nodes.Node]:
        catalog = catalog_for(self.env)
        wanted: set[int] = set()
        for word in split_words(self.options.get("codes", "")):
            _code, status = check_code(word, catalog, self.get_location())
            if status is not None:
                wanted.add(status.code)
        classes = status_classes(
            self.options.get("classes", ""), self.get_location(), "http-status-catalog: "
        )
        if ("codes" in self.options and not wanted) or ("classes" in self.options and not classes):
            return []  # every value was wrong (and warned about): not the whole catalog instead
        for code in sorted(wanted):
            if classes and code // 100 not in classes:
                warn(
                    "http-status-catalog: %s is not in the listed :classes:, so it is left out",
                    code,
                    location=self.get_location(),
                    subtype="bad-option",
                )
        statuses = catalog.select(frozenset(classes), frozenset(wanted))
        container = nodes.container(classes=["httpstatus-catalog"])
        for status in statuses:
            container += self.build_entry(catalog, status)
        return [container]
