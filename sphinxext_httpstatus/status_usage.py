"""Where does this API return 409? ``.. http-status-usage::`` and "Returned by" in entries.

Both list what the project's own endpoints say about a code (``endpoints.py`` collects it). They
are placeholders while reading, since an endpoint may be in a document read later (or by
another process), and become tables and lists in a post-transform, once every document is read.
That runs before references are resolved, so the code references in them get the same links and
tooltips as ``:httpcode:``, and the endpoints' own descriptions keep their markup and links.
"""

from __future__ import annotations

from typing import Any, ClassVar, cast

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import make_refnode

from . import render
from .endpoints import EndpointStatus
from .i18n import _
from .resolve import current_builder
from .usage import catalog_for, check_code, httpstatus_domain, split_words, status_classes, warn


class usage_placeholder(nodes.General, nodes.Element):  # noqa: N801 - docutils node naming
    """What the post-transform expands once every endpoint is known: one class, one walk."""


class status_usage(usage_placeholder):  # noqa: N801
    """Placeholder for an ``http-status-usage`` table (``codes``, ``classes``, ``group_by``)."""


class returned_by(usage_placeholder):  # noqa: N801
    """Placeholder for the "Returned by" field of the entry for ``code``."""


class HTTPStatusUsage(SphinxDirective):
    """``.. http-status-usage::`` with ``:codes:``, ``:classes:`` and ``:group-by: endpoint``."""

    option_spec: ClassVar[dict] = {
        "codes": directives.unchanged,
        "classes": directives.unchanged,  # checked in run(): a bad class is our own warning
        "group-by": directives.unchanged,
        "class": directives.class_option,
    }

    def run(self) -> list[nodes.Node]:
        catalog = catalog_for(self.env)
        node = status_usage(classes=["httpstatus-usage", *self.options.get("class", [])])
        self.set_source_info(node)
        codes = []
        for word in split_words(self.options.get("codes", "")):
            code, status = check_code(word, catalog, self.get_location())
            if status is not None and code is not None:
                codes.append(code)
        if "codes" in self.options and not codes:
            return []
        classes = sorted(status_classes(self.options.get("classes", ""), self.get_location()))
        group_by = self.options.get("group-by", "code").strip() or "code"
        if group_by not in ("code", "endpoint"):
            warn(
                ":group-by: must be 'code' or 'endpoint', not %r; grouping by code",
                group_by,
                location=self.get_location(),
                subtype="bad-option",
            )
            group_by = "code"
        node["codes"], node["status_classes"], node["group_by"] = codes, classes, group_by
        httpstatus_domain(self.env).note_usage(self.env.docname)
        return [node]


def returned_by_field(code: int, docname: str, env: Any) -> nodes.field:
    """The "Returned by" field of an entry; it disappears when no endpoint returns the code."""
    httpstatus_domain(env).note_usage(docname)
    label = _("Returned by")
    name = nodes.field_name(label, label)
    name["translatable"] = False
    field = nodes.field("", name, nodes.field_body("", returned_by(code=code)))
    field["classes"].append("httpstatus-returned-by")
    return field


class ExpandStatusUsage(SphinxPostTransform):
    """Turn the placeholders into tables and lists, before references are resolved."""

    default_priority = 4  # before our resolver (5) and Sphinx's (10)

    def run(self, **kwargs: Any) -> None:
        placeholders = cast(
            list[status_usage | returned_by], list(self.document.findall(usage_placeholder))
        )
        if not placeholders:
            return
        domain = httpstatus_domain(self.env)
        by_code = domain.endpoints_by_code()
        for node in placeholders:
            if isinstance(node, returned_by):
                found = by_code.get(node["code"], [])
                if found:
                    node.replace_self(self.endpoint_list(found))
                else:  # leave the field out entirely
                    field = node.parent.parent
                    field.parent.remove(field)
                continue
            wanted = {
                code: statuses
                for code, statuses in sorted(by_code.items())
                if (not node["codes"] or code in node["codes"])
                and (not node["status_classes"] or code // 100 in node["status_classes"])
            }
            if node["group_by"] == "endpoint":
                node.replace_self(self.endpoint_table(node, wanted))
            else:
                node.replace_self(self.code_table(node, wanted))

    # -- pieces ---------------------------------------------------------------------------

    def endpoint_link(self, status: EndpointStatus) -> nodes.Element:
        text = nodes.literal(status.endpoint, status.endpoint, classes=["httpstatus-endpoint"])
        return make_refnode(
            current_builder(self.env), self.env.docname, status.docname, status.anchor, text
        )

    def description(self, status: EndpointStatus) -> list[nodes.Node]:
        copied = [node.deepcopy() for node in status.description]
        for node in copied:
            if isinstance(node, nodes.Element):
                # References inside resolve from the page that now shows them.
                for xref in node.findall(addnodes.pending_xref):
                    xref["refdoc"] = self.env.docname
                for reference in node.findall(render.is_pending_reference):
                    cast(nodes.reference, reference)[render.PENDING_DOC] = self.env.docname
        return copied

    def described_item(self, lead: nodes.Node, status: EndpointStatus) -> nodes.list_item:
        """``lead: what the endpoint says about the code``, as a list item."""
        paragraph = nodes.paragraph("", "", lead)
        paragraph["translatable"] = False
        description = self.description(status)
        if description:
            paragraph += nodes.Text(": ")
            paragraph += description
        return nodes.list_item("", paragraph)

    def code_reference(self, code: int) -> nodes.Node:
        """The code as ``:httpcode:`` shows it (a project may list a code no catalog has)."""
        status = httpstatus_domain(self.env).get_catalog().get(code)
        return render.code_reference(code, status.label if status else str(code))

    def endpoint_list(self, statuses: list[EndpointStatus]) -> nodes.bullet_list:
        items = nodes.bullet_list(classes=["httpstatus-endpoints"])
        for status in statuses:
            items += self.described_item(self.endpoint_link(status), status)
        return items

    def code_cell(self, code: int) -> list[nodes.Node]:
        status = httpstatus_domain(self.env).get_catalog().get(code)
        paragraph = nodes.paragraph("", "", self.code_reference(code))
        paragraph["translatable"] = False
        if status is None:
            return [paragraph]
        return [paragraph, render.text_paragraph(render.summary(status), ["httpstatus-summary"])]

    def table(
        self, node: status_usage, headers: tuple[str, str], widths: tuple[int, int]
    ) -> tuple[nodes.container, nodes.tbody]:
        table = nodes.table(classes=["httpstatus-usage-table", "colwidths-given"])
        table.source, table.line = node.source, node.line
        group = nodes.tgroup(cols=2)
        table += group
        for width in widths:
            group += nodes.colspec(colwidth=width)
        head = nodes.thead()
        group += head
        row = nodes.row()
        for header in headers:
            row += nodes.entry("", render.text_paragraph(header))
        head += row
        body = nodes.tbody()
        group += body
        container = nodes.container(classes=node["classes"])
        container += table
        return container, body

    def code_table(self, node: status_usage, wanted: dict[int, list[EndpointStatus]]) -> nodes.Node:
        if not wanted:
            return render.text_paragraph(_("No endpoint documents these status codes."))
        container, body = self.table(node, (_("Status"), _("Returned by")), (30, 70))
        for code, statuses in wanted.items():
            row = nodes.row()
            row += nodes.entry("", *self.code_cell(code))
            row += nodes.entry("", self.endpoint_list(statuses))
            body += row
        return container

    def endpoint_table(
        self, node: status_usage, wanted: dict[int, list[EndpointStatus]]
    ) -> nodes.Node:
        if not wanted:
            return render.text_paragraph(_("No endpoint documents these status codes."))
        endpoints: dict[tuple[str, str], list[EndpointStatus]] = {}
        for status in sorted(
            (status for statuses in wanted.values() for status in statuses),
            key=lambda status: (status.docname, status.anchor, status.code),
        ):
            endpoints.setdefault((status.docname, status.anchor), []).append(status)
        container, body = self.table(node, (_("Endpoint"), _("Status codes")), (35, 65))
        for statuses in endpoints.values():
            row = nodes.row()
            link = nodes.paragraph("", "", self.endpoint_link(statuses[0]))
            link["translatable"] = False
            row += nodes.entry("", link)
            items = nodes.bullet_list(classes=["httpstatus-endpoint-codes"])
            for status in statuses:
                items += self.described_item(self.code_reference(status.code), status)
            row += nodes.entry("", items)
            body += row
        return container


def setup(app: Sphinx) -> None:
    app.add_node(status_usage)
    app.add_node(returned_by)
    app.add_directive("http-status-usage", HTTPStatusUsage)
    app.add_post_transform(ExpandStatusUsage)
