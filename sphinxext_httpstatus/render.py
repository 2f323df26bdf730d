"""Shared views of the records: the pieces that tables, entries, the catalog and tooltips reuse.

Every function returns docutils nodes or translated strings, so each builder renders the result
with its own visitors. Texts from data are inserted as ``Text`` nodes, never parsed as markup,
which is what keeps a data file's ``<script>`` a harmless string in every output.
"""

from __future__ import annotations

import re
from typing import Any, TypeVar

from docutils import nodes
from sphinx import addnodes

from .catalog import WIRE_FIELDS, Catalog, StatusCode
from .i18n import _

ElementT = TypeVar("ElementT", bound=nodes.Element)


def N_(message: str) -> str:  # noqa: N802 - the conventional name for "mark for extraction"
    """Mark a constant for message extraction; it is translated where it is used."""
    return message


CLASS_NAMES = {
    1: N_("1xx Informational"),
    2: N_("2xx Success"),
    3: N_("3xx Redirection"),
    4: N_("4xx Client Error"),
    5: N_("5xx Server Error"),
}

FIELD_LABELS = {
    "status": N_("Status"),
    "class": N_("Class"),
    "summary": N_("Summary"),
    "description": N_("Description"),
    "when_you_see_it": N_("When you see it"),
    "how_to_fix": N_("How to fix"),
    "headers": N_("Headers"),
    "caching": N_("Caching"),
    "retry": N_("Retry"),
    "example": N_("Example"),
    "who_sends_it": N_("Who sends it"),
    "spec": N_("Specification"),
    "key_difference": N_("Key difference"),
    "when_to_use_which": N_("When to use which"),
}

REGISTRY_STATE_NOTES = {
    "unused": N_("Reserved in the IANA registry, with no meaning assigned."),
    "temporary": N_("Temporary IANA registration; details may still change."),
    "obsoleted": N_("Obsoleted: its specification is now historic."),
}

# No "xref" class: the text and man writers would wrap the reference in asterisks, and readers
# of those formats should see plain "403 Forbidden".
XREF_CLASSES = ["httpstatus", "httpstatus-code"]
#: A resolved status reference: what it is (as the text of a no-link ``!403``) and that it has a
#: tooltip (``httpstatus-ref``, which the script looks for).
DECORATED_CLASSES = (*XREF_CLASSES, "httpstatus-ref")


def class_name(status: StatusCode) -> str:
    return _(CLASS_NAMES[status.status_class])


def field_label(name: str) -> str:
    return _(FIELD_LABELS[name])


def summary(status: StatusCode) -> str:
    """The one-line meaning, falling back to the description; "" when neither is known.

    Never the phrase: "470 Good Code means: Good Code" tells a reader nothing.
    """
    return _(status.summary or status.description)


def tooltip_text(status: StatusCode) -> str:
    meaning = summary(status)
    if not meaning:  # a project's code with only a phrase, or a code from an inventory
        return _("{status} ({class_name})").format(
            status=status.label, class_name=class_name(status)
        )
    return _("{status} ({class_name}): {summary}").format(
        status=status.label, class_name=class_name(status), summary=meaning
    )


def registry_note(status: StatusCode) -> str:
    """A short note for codes outside the plain registry: unofficial, temporary, unused..."""
    if status.unofficial:
        return _("Unofficial, not in the IANA registry; used by {who}.").format(
            who=status.unofficial
        )
    if status.registry_state == "temporary" and status.registry_expires:
        return _(
            "Temporary IANA registration (the registry copy gives {date} as its expiry date, "
            "unless it is extended); details may still change."
        ).format(date=status.registry_expires)
    if status.registry_state:
        return _(REGISTRY_STATE_NOTES[status.registry_state])
    return ""


#: What a cell shows for a text the data does not have: a deliberate mark, not an empty cell.
MISSING_TEXT = "\N{EM DASH}"


def keep_quotes(node: ElementT) -> ElementT:
    """Keep SmartQuotes away: labels and data texts read as written, in every place they show.

    Without it "418 I'm a Teapot" got a curly apostrophe in references and a straight one in the
    entry heading (desc_name is never smart-quoted).
    """
    node["support_smartquotes"] = False
    return node


def text_paragraph(text: str, classes: list[str] | None = None) -> nodes.paragraph:
    """A paragraph of generated text; marked so the gettext builder does not extract it."""
    paragraph = nodes.paragraph("", "", nodes.Text(text), classes=classes or [])
    paragraph["translatable"] = False
    return keep_quotes(paragraph)


def missing_text() -> nodes.paragraph:
    """The mark for a field the data leaves empty (e.g. a project's code with only a phrase)."""
    return text_paragraph(MISSING_TEXT, ["httpstatus-missing"])


def text_or_missing(text: str) -> nodes.paragraph:
    return text_paragraph(text) if text else missing_text()


class header_entry(nodes.entry):  # noqa: N801 - docutils node classes are lower case
    """A table header cell that says what it heads (``scope="col"`` or ``scope="row"``).

    Other builders render it as the plain ``entry`` it is (Sphinx dispatches visitors along the
    class hierarchy); HTML adds the ``scope`` through :func:`visit_header_entry`.
    """


def visit_header_entry(translator: Any, node: header_entry) -> None:
    translator.visit_entry(node)
    # docutils writes the start tag without a way to pass extra attributes: add ours to it.
    start = translator.body[-1]
    if start.startswith("<th") and node.get("scope") in ("col", "row"):
        translator.body[-1] = f'<th scope="{node["scope"]}"' + start[len("<th") :]


def depart_header_entry(translator: nodes.NodeVisitor, node: header_entry) -> None:
    translator.depart_entry(node)


def code_xref(
    code: int,
    text: str,
    *,
    reftype: str = "code",
    target: str | None = None,
    explicit: bool = False,
) -> addnodes.pending_xref:
    """A cross-reference Sphinx resolves: "advice" and "compare" links (which vanish unresolved,
    see resolve.py), and a status reference :mod:`.resolve` hands over to Sphinx."""
    xref = addnodes.pending_xref("", nodes.Text(text))
    # Set at once rather than as keyword arguments, which docutils checks one by one.
    # support_smartquotes is keep_quotes, inlined.
    xref.attributes.update(
        refdomain="httpstatus",
        reftype=reftype,
        reftarget=target or str(code),
        refexplicit=explicit,
        refwarn=False,
        support_smartquotes=False,
    )
    return xref


#: The attributes that make a ``reference`` a status reference whose link is still to come.
PENDING_TARGET = "httpstatus_target"
PENDING_EXPLICIT = "httpstatus_explicit"
PENDING_DOC = "httpstatus_refdoc"
PENDING_ATTRIBUTES = (PENDING_TARGET, PENDING_EXPLICIT, PENDING_DOC)


def code_reference(
    code: int, text: str, *, explicit: bool = False, docname: str | None = None
) -> nodes.reference:
    """A status reference: the link node itself, whose target :mod:`.resolve` fills in.

    An API reference has thousands of status codes. A ``pending_xref`` would be replaced by a
    new ``reference`` on every page written; this node is written as it is, once its ``refuri``
    and tooltip are set, and only a code the project cannot link itself (an intersphinx target,
    or none) becomes a ``pending_xref`` for Sphinx to resolve.
    """
    reference = nodes.reference("", "", nodes.Text(text))
    reference.attributes.update(
        {
            PENDING_TARGET: str(code),
            PENDING_EXPLICIT: explicit,
            PENDING_DOC: docname,
            "support_smartquotes": False,
        }
    )
    return reference


def is_pending_reference(node: nodes.Node) -> bool:
    return isinstance(node, nodes.reference) and PENDING_TARGET in node.attributes


def status_reference(status: StatusCode) -> nodes.reference:
    return code_reference(status.code, status.label)


def spec_reference(status: StatusCode) -> nodes.Node:
    text = status.spec or status.spec_url
    if not status.spec_url:
        return nodes.Text(text)
    return nodes.reference(text, text, refuri=status.spec_url, internal=False)


def field_text(status: StatusCode, name: str) -> str:
    """The translated text of a text field, or the class name for ``class``; "" when missing."""
    if name == "class":
        return class_name(status)
    return _(getattr(status, name))


def field_paragraph(status: StatusCode, name: str) -> nodes.paragraph:
    return text_or_missing(field_text(status, name))


# Where the next message of an example exchange starts: a status line or a request line after
# a blank line.
_NEXT_MESSAGE = re.compile(r"\n\n(?=HTTP/\d(?:\.\d)? \d{3}\b|[A-Z]+ \S+ HTTP/\d)")


def field_nodes(status: StatusCode, name: str) -> list[nodes.Node]:
    """A field as body elements: wire text as HTTP literal blocks, anything else as text."""
    if name not in WIRE_FIELDS:
        return [field_paragraph(status, name)]
    text = getattr(status, name)
    if not text:
        return [text_or_missing("")]
    # Raw protocol text: never translated, kept line for line, one block per message. Pygments'
    # HTTP lexer reads everything after the first blank line as that message's body, so a
    # response in the same block would lose its highlighting (or fail to lex as JSON).
    blocks: list[nodes.Node] = []
    for message in _NEXT_MESSAGE.split(text):
        block = nodes.literal_block(
            message, message, language="http", classes=["httpstatus-example"]
        )
        block["translatable"] = False
        blocks.append(block)
    return blocks


def pair_texts(catalog: Catalog, first: StatusCode, second: StatusCode) -> tuple[str, str]:
    """Key difference and when to use which: the curated note, or a generated key difference.

    A generated note only restates what the data says about each code, so it is given once:
    "When to use which" stays empty ("") unless a note was written for the pair, instead of
    repeating the same sentences under a second heading.
    """
    note = catalog.pair(first.code, second.code)
    key_difference = _(note.key_difference) if note else ""
    when_to_use = _(note.when_to_use_which) if note else ""
    if not key_difference:
        if first.status_class == second.status_class:
            lead = _(
                "Both {first} and {second} are {class_name} responses, with different meanings."
            ).format(first=first.label, second=second.label, class_name=class_name(first))
        else:
            lead = _(
                "{first} is a {first_class} response, while {second} is a {second_class} response."
            ).format(
                first=first.label,
                first_class=class_name(first),
                second=second.label,
                second_class=class_name(second),
            )
        key_difference = join_sentences(
            [
                lead,
                *(
                    _("{status} means: {summary}").format(
                        status=status.label, summary=summary(status)
                    )
                    for status in (first, second)
                    if summary(status)
                ),
            ]
        )
    return key_difference, when_to_use


def join_sentences(sentences: list[str]) -> str:
    """Sentences one after the other, the way the language writes them.

    English separates them with a space; Japanese and Chinese end a sentence with "。" and
    write the next one right after it, so the joining is a translatable template.
    """
    text = sentences[0]
    for sentence in sentences[1:]:
        # Translators: two sentences in a row; keep both placeholders.
        text = _("{sentence} {next_sentence}").format(sentence=text, next_sentence=sentence)
    return text
