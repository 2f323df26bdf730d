"""The ``http-compare`` directive: two or more codes side by side, then how they differ."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import combinations
from typing import ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.transforms import SphinxTransform
from sphinx.util.docutils import SphinxDirective

from . import render
from .catalog import FACT_FIELDS, Catalog, StatusCode
from .i18n import _
from .usage import catalog_for, check_code, httpstatus_domain, split_words, warn

ROW_FIELDS = (
    "class",
    "summary",
    "description",
    "when_you_see_it",
    "how_to_fix",
    *FACT_FIELDS,
    "spec",
)
NOTE_FIELDS = ("key_difference", "when_to_use_which")
LABEL_WIDTH = 20  # percent of the table for the row labels
DEFAULT_FIELDS = ("class", "description", "when_you_see_it", "how_to_fix", *NOTE_FIELDS)
ALL_FIELDS = ("status", *ROW_FIELDS, *NOTE_FIELDS)


def split_fields(words: Iterable[object]) -> tuple[list[str], list[str], list[str]]:
    """Requested fields -> (table rows, notes, unknown words); shared with the terminal view."""
    rows: list[str] = []
    notes: list[str] = []
    unknown: list[str] = []
    for word in (str(word).replace("-", "_") for word in words):
        if word in ROW_FIELDS and word not in rows:
            rows.append(word)
        elif word in NOTE_FIELDS and word not in notes:
            notes.append(word)
        elif word != "status":  # the Status row is always the header
            unknown.append(word)
    return rows, notes, unknown


def caption_text(statuses: Iterable[StatusCode]) -> str:
    """The default caption; shared with the terminal view.

    Codes only: with phrases, four codes made a caption longer than a phone's screen, and the
    header row right below names them anyway. The separator is translatable ("、").
    """
    return _("Comparison: {codes}").format(
        codes=_(", ").join(str(status.code) for status in statuses)
    )


def pair_heading(first: StatusCode, second: StatusCode) -> str:
    """What leads each pair's note when more than two codes are compared."""
    return _("{first} and {second}:").format(first=first.label, second=second.label)


class HTTPCompare(SphinxDirective):
    """``.. http-compare:: 202 403`` (any number of codes from two up)."""

    optional_arguments = 1
    final_argument_whitespace = True
    option_spec: ClassVar[dict] = {
        "fields": directives.unchanged,
        "caption": directives.unchanged,
        "name": directives.unchanged,
        "class": directives.class_option,
    }

    def run(self) -> list[nodes.Node]:
        catalog = catalog_for(self.env)
        statuses, rejected = self.parse_codes(catalog)
        if len(statuses) < 2:
            if not rejected:  # a rejected code was warned about already: one slip, one warning
                warn(
                    "http-compare needs at least two known status codes; got %d",
                    len(statuses),
                    location=self.get_location(),
                    subtype="too-few-codes",
                )
            return []
        rows, notes = self.parse_fields()
        anchor = self.make_anchor(statuses)
        table = self.build_table(statuses, rows, anchor)
        httpstatus_domain(self.env).note_comparison(
            (status.code for status in statuses), self.env.docname, anchor
        )
        httpstatus_domain(self.env).note_references(
            self.env.docname, (status.code for status in statuses)
        )
        container = nodes.container(classes=["httpstatus-compare", *self.options.get("class", [])])
        container += table
        container += self.build_notes(catalog, statuses, notes)
        return [container]

    def parse_codes(self, catalog: Catalog) -> tuple[list[StatusCode], bool]:
        """The known codes, in order, and whether any word was rejected (with its warning)."""
        statuses: list[StatusCode] = []
        rejected = False
        for word in split_words(self.arguments[0] if self.arguments else ""):
            _code, status = check_code(word, catalog, self.get_location())
            if status is not None and status in statuses:
                warn(
                    "status code %s is listed twice",
                    status.code,
                    location=self.get_location(),
                    subtype="duplicate-code",
                )
            elif status is not None:
                statuses.append(status)
            else:
                rejected = True
        return statuses, rejected

    def parse_fields(self) -> tuple[list[str], list[str]]:
        """Rows and notes from ``:fields:`` or ``httpstatus_compare_fields``.

        Names are separated by spaces or commas, with ``-`` or ``_``. ``status`` (the header row,
        always shown) is accepted, so ``:fields: status`` is a table of just the codes. An empty
        option is a slip: warned, and the configured fields are used.
        """
        configured = self.options.get("fields", self.config.httpstatus_compare_fields)
        if isinstance(configured, str):  # the option, or a config value given as one string
            configured = split_words(configured)
            if not configured and "fields" in self.options:
                warn(
                    "http-compare: the :fields: option is empty; showing the configured fields",
                    location=self.get_location(),
                    subtype="bad-option",
                )
                configured = self.config.httpstatus_compare_fields
        rows, notes, unknown = split_fields(configured)
        for word in unknown:
            warn(
                "unknown field %r; expected some of: %s",
                word,
                ", ".join(ALL_FIELDS),
                location=self.get_location(),
                subtype="unknown-field",
            )
        return rows, notes

    def make_anchor(self, statuses: list[StatusCode]) -> str:
        """``httpstatus-compare-401-403``, with ``-2``, ``-3``... for repeats on one page.

        The next serial per base is kept for the page being read, so the hundredth table of the
        same codes does not try the ninety-nine ids before it.
        """
        base = "httpstatus-compare-" + "-".join(str(status.code) for status in statuses)
        serials = self.env.temp_data.get(ANCHOR_SERIALS)
        if serials is None:
            serials = self.env.temp_data[ANCHOR_SERIALS] = {}
        serial = serials.get(base, 0)
        anchor = base if serial == 0 else f"{base}-{serial}"
        while anchor in self.state.document.ids:  # an id the author wrote (rare): step past it
            serial = max(serial, 1) + 1
            anchor = f"{base}-{serial}"
        serials[base] = max(serial, 1) + 1
        return anchor

    def build_table(self, statuses: list[StatusCode], rows: list[str], anchor: str) -> nodes.table:
        # "colwidths-given" makes LaTeX honour the widths below instead of squeezing the label
        # column to a few letters, and gives HTML a stable layout.
        table = nodes.table(classes=["httpstatus-compare-table", "colwidths-given"])
        self.set_source_info(table)
        caption = self.options.get("caption") or caption_text(statuses)
        title = nodes.title(caption, caption)
        title["translatable"] = "caption" in self.options
        table += title
        group = nodes.tgroup(cols=len(statuses) + 1)
        table += group
        group += nodes.colspec(colwidth=LABEL_WIDTH, stub=1)
        for _status in statuses:
            group += nodes.colspec(colwidth=(100 - LABEL_WIDTH) // len(statuses))
        head = nodes.thead()
        group += head
        head += self.row(
            render.field_label("status"),
            [self.status_cell(status) for status in statuses],
            scope="col",
        )
        body = nodes.tbody()
        group += body
        for field in rows:
            body += self.row(
                render.field_label(field), [self.field_cell(status, field) for status in statuses]
            )
        self.add_name(table)  # first, so a :name: is the table's primary id
        table["ids"].append(anchor)
        self.state.document.ids[anchor] = table
        return table

    @staticmethod
    def row(label: str, cells: list[list[nodes.Node]], scope: str = "row") -> nodes.row:
        """A row: its label (a header cell for its row, or its column in the head), then cells.

        Header cells carry an explicit ``scope``, so assistive technology never has to guess.
        """
        row = nodes.row()
        row += render.header_entry("", render.text_paragraph(label), scope=scope)
        for cell in cells:
            row += (
                render.header_entry("", *cell, scope="col")
                if scope == "col"
                else nodes.entry("", *cell)
            )
        return row

    @staticmethod
    def status_cell(status: StatusCode) -> list[nodes.Node]:
        paragraph = nodes.paragraph("", "", render.status_reference(status))
        paragraph["translatable"] = False
        note = render.registry_note(status)
        return (
            [paragraph, render.text_paragraph(note, ["httpstatus-note"])] if note else [paragraph]
        )

    @staticmethod
    def field_cell(status: StatusCode, field: str) -> list[nodes.Node]:
        # No "Full advice" link here any more: the entry repeats this very text, and the header
        # cell above already links to the entry when the project has one.
        if field == "spec":
            if not (status.spec or status.spec_url):
                return [render.missing_text()]
            paragraph = nodes.paragraph("", "", render.spec_reference(status))
            paragraph["translatable"] = False
            return [paragraph]
        return render.field_nodes(status, field)

    def build_notes(
        self, catalog: Catalog, statuses: list[StatusCode], notes: list[str]
    ) -> list[nodes.Node]:
        pairs = list(combinations(statuses, 2))
        texts = [render.pair_texts(catalog, first, second) for first, second in pairs]
        result: list[nodes.Node] = []
        for field in notes:
            index = NOTE_FIELDS.index(field)
            shown = [(pair, text[index]) for pair, text in zip(pairs, texts, strict=True)]
            shown = [(pair, text) for pair, text in shown if text]
            if not shown:  # nothing written for it (see render.pair_texts): no empty heading
                continue
            # A real heading in HTML (its level set by NoteHeadingLevels); still a rubric, so it
            # stays out of the toctree.
            heading = nodes.rubric(
                "", render.field_label(field), classes=["httpstatus-note-heading"]
            )
            heading["translatable"] = False
            result.append(heading)
            self.env.temp_data[NOTE_HEADINGS] = True
            if len(pairs) == 1:
                result.append(render.text_paragraph(shown[0][1]))
                continue
            items = nodes.bullet_list(classes=["httpstatus-pair-notes"])
            for (first, second), pair_text in shown:
                pair = pair_heading(first, second)
                paragraph = render.text_paragraph("")
                paragraph.children = []
                paragraph += nodes.strong(pair, pair)
                paragraph += nodes.Text(" " + pair_text)
                items += nodes.list_item("", paragraph)
            result.append(items)
        return result


#: Next serial per anchor base, for the document being read (``make_anchor``).
ANCHOR_SERIALS = "httpstatus_anchor_serials"
#: Set while a document is read when it has note headings; pages without skip the walk.
NOTE_HEADINGS = "httpstatus_note_headings"


class NoteHeadingLevels(SphinxTransform):
    """Make "Key difference" and "When to use which" real headings, one level below their section.

    Sphinx renders a rubric with ``heading-level`` as ``<h2>``...``<h6>``, so screen reader users
    can jump to the notes. Set here, once the document's sections exist (a directive cannot know
    its depth under MyST).
    """

    default_priority = 500

    def apply(self, **kwargs: object) -> None:
        if not self.env.temp_data.get(NOTE_HEADINGS):
            return
        for rubric in self.document.findall(nodes.rubric):
            if "httpstatus-note-heading" in rubric["classes"]:
                depth = sum(
                    1 for ancestor in _ancestors(rubric) if isinstance(ancestor, nodes.section)
                )
                rubric["heading-level"] = min(depth + 1, 6)


def _ancestors(node: nodes.Node) -> Iterator[nodes.Element]:
    node = node.parent
    while node is not None:
        yield node
        node = node.parent
