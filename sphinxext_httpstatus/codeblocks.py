"""Status lines of HTTP examples (``.. code-block:: http``) link to their codes in HTML.

``HTTP/1.1 403 Forbidden`` in a block highlighted as ``http`` gets "403" linked and explained on
hover exactly like ``:httpcode:`403```. The block stays a literal block, so every other builder
renders it as before; for HTML a post-transform marks it as :class:`http_example`, whose visitor
lets Sphinx highlight the block as usual and then wraps the code's digits in the link. The text
of the block is unchanged (copy buttons copy the same characters), and so is its highlighting.
"""

from __future__ import annotations

import html
import re
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.writers.html5 import HTML5Translator

from .resolve import resolve_code
from .usage import httpstatus_domain

#: A response's status line (RFC 9112, Section 4; HTTP/2 and HTTP/3 as curl prints them).
STATUS_LINE = re.compile(r"^HTTP/\d(?:\.\d)? +([1-5]\d\d)(?![0-9])", re.MULTILINE)
#: The same inside highlighted output, where line numbers may come first.
_HIGHLIGHTED_STATUS = re.compile(r"HTTP/\d(?:\.\d)? +([1-5]\d\d)(?![0-9])")
#: Highlighted HTML as tags, entities and plain runs of text.
_HTML_TOKEN = re.compile(r"<[^>]*>|&[#\w]+;|[^<&]+")


def is_http_block(block: nodes.Element) -> bool:
    """A literal block highlighted as HTTP (Pygments' lexer names are case-insensitive)."""
    return str(block.get("language", "")).lower() == "http"


class http_example(nodes.literal_block):  # noqa: N801 - docutils node classes are lower case
    """An ``http`` literal block whose status lines have targets (``links``: code -> start tag).

    Only HTML builders ever see it: it is made by a post-transform for the ``html`` format.
    """


class LinkStatusLines(SphinxPostTransform):
    """Mark ``http`` literal blocks that show a status line, and resolve each code's link."""

    default_priority = 20  # after ReferencesResolver, like the links of ordinary references
    formats = ("html",)

    def is_supported(self) -> bool:
        return self.config.httpstatus_code_blocks is True and super().is_supported()

    def run(self, **kwargs: Any) -> None:
        domain = httpstatus_domain(self.env)
        catalog = domain.get_catalog()
        resolved: dict[int, nodes.Element | None] = {}  # once per code and page, not per block
        for block in list(self.document.findall(nodes.literal_block)):
            if not is_http_block(block) or isinstance(block, http_example):
                continue
            if "httpstatus-example" in block["classes"]:
                # Our own facts: the example sits in the entry or column of the very code it
                # shows, whose heading is already the link.
                continue
            text = block.astext()
            if block.rawsource != text:  # a parsed literal: Sphinx does not highlight it
                continue
            references = {}
            for match in STATUS_LINE.finditer(text):
                code = int(match.group(1))
                status = catalog.get(code)
                if status is None:
                    continue
                if code not in resolved:
                    resolved[code] = resolve_code(self.env, self.env.docname, status)
                if resolved[code] is not None:
                    references[code] = resolved[code]
            if references:
                example = http_example(block.rawsource, "", *block.children, **block.attributes)
                example.source, example.line = block.source, block.line
                example["httpstatus_references"] = references
                block.replace_self(example)


def _start_tag(translator: HTML5Translator, reference: nodes.Element, code: int) -> str:
    """The ``<a ...>`` that Sphinx's own writer makes for the resolved reference."""
    link = reference.deepcopy()
    link.children = []
    link += nodes.Text(str(code))
    holder = nodes.inline("", "", link)  # the writer wants a reference inside a text element
    mark = len(translator.body)
    link.walkabout(translator)
    rendered = "".join(translator.body[mark:])
    del translator.body[mark:]
    del holder
    return rendered[: rendered.index(">") + 1]


def link_status_codes(markup: str, tags: dict[int, str]) -> str:
    """Wrap each status line's code in highlighted ``markup`` in its link's start tag."""
    tokens = _HTML_TOKEN.findall(markup)
    plain: list[str] = []  # the text each token shows
    for token in tokens:
        if token.startswith("<"):
            plain.append("")
        elif token.startswith("&"):
            plain.append(html.unescape(token))
        else:
            plain.append(token)
    text = "".join(plain)
    starts, offset = [], 0
    for shown in plain:
        starts.append(offset)
        offset += len(shown)
    wraps: dict[int, tuple[int, int, str]] = {}  # token index -> (start, end, tag)
    for match in _HIGHLIGHTED_STATUS.finditer(text):
        tag = tags.get(int(match.group(1)))
        begin, end = match.span(1)
        for index, shown in enumerate(plain):
            # Only a code that sits within one run of text: never split a tag or an entity.
            if (
                shown
                and tokens[index] == shown
                and starts[index] <= begin < starts[index] + len(shown)
            ):
                if tag and end <= starts[index] + len(shown) and index not in wraps:
                    wraps[index] = (begin - starts[index], end - starts[index], tag)
                break
    for index, (begin, end, tag) in wraps.items():
        token = tokens[index]
        tokens[index] = f"{token[:begin]}{tag}{token[begin:end]}</a>{token[end:]}"
    return "".join(tokens)


def visit_http_example(translator: HTML5Translator, node: http_example) -> None:
    tags = {
        code: _start_tag(translator, reference, code)
        for code, reference in node["httpstatus_references"].items()
    }
    mark = len(translator.body)
    try:
        translator.visit_literal_block(node)
    except nodes.SkipNode:
        highlighted = "".join(translator.body[mark:])
        translator.body[mark:] = [link_status_codes(highlighted, tags)]
        raise
    # Not highlighted after all (never expected): let the writer go on as for any literal block.


def depart_http_example(translator: HTML5Translator, node: http_example) -> None:
    translator.depart_literal_block(node)


def setup(app: Sphinx) -> None:
    app.add_node(http_example, html=(visit_http_example, depart_http_example))
    app.add_post_transform(LinkStatusLines)
