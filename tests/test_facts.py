"""Protocol facts per code: headers, caching, retry, a raw example and who sends it."""

from __future__ import annotations

import gettext
import importlib.util
import re
from pathlib import Path

import pytest
from conftest import build

from sphinxext_httpstatus.catalog import CACHING_VERDICTS, FACT_FIELDS
from sphinxext_httpstatus.datafiles import shipped_catalog

LOCALE_DIR = Path(__file__).parent.parent / "sphinxext_httpstatus" / "locale"
LABELS = ["Headers", "Caching", "Retry", "Example", "Who sends it"]
COMPARE = """\
Facts
=====

.. http-compare:: 401 405
   :fields: headers caching retry example who_sends_it
"""
OUTPUTS = {"html": "index.html", "latex": "test.tex", "text": "index.txt", "man": "test.1"}

# RFC 9110, Section 15.1: the codes this specification defines as heuristically cacheable;
# RFC 7725, Section 3 adds 451.
HEURISTICALLY_CACHEABLE = {200, 203, 204, 206, 300, 301, 308, 404, 405, 410, 414, 451, 501}

# Codes that never reach a client as a response, so there is no exchange to show:
WITHOUT_EXAMPLE = {
    306,  # unused since RFC 2616; RFC 9110, Section 15.4.7 keeps it reserved
    444,  # nginx closes the connection without sending anything
    460,  # AWS ALB writes it to its access log after the client has gone
    499,  # nginx writes it to its access log after the client has gone
}

# Codes whose example shows them inside another status: what the client really receives.
SENT_AS = {
    208: 207,  # a binding already listed in the same Multi-Status body (RFC 5842, Section 7.1)
    424: 207,  # WebDAV reports it per resource or property in a Multi-Status body
    494: 400,  # nginx replaces its internal 494-497 with 400 (ngx_http_special_response.c)
    495: 400,
    496: 400,
    497: 400,
}


def label_in(language: str, label: str) -> str:
    """The label as the shipped catalog translates it (English until a translator has)."""
    if language == "en":
        return label
    return gettext.translation(
        "sphinxext_httpstatus", LOCALE_DIR, [language], fallback=True
    ).gettext(label)


def flat(text: str) -> str:
    # Undo line wrapping and the escapes of LaTeX and roff, enough to find the short texts.
    text = text.replace("\\-", "-").replace("\\(dq", '"').replace(r"\sphinxhyphen{}", "-")
    return " ".join(text.split())


@pytest.mark.parametrize("language", ["en", "id"])
@pytest.mark.parametrize("builder", list(OUTPUTS))
def test_compare_shows_every_fact_row(project, builder, language):
    built = build(project(COMPARE), builder, language=language)
    # Docutils itself has no Indonesian and says so; nothing else may warn.
    assert all(line.endswith("[docutils]") for line in built.warnings.splitlines())
    output = flat(built.read(OUTPUTS[builder]))
    for label in LABELS:
        expected = label_in(language, label)
        if builder == "text":  # the label column is narrow: the text writer wraps long labels
            assert all(word in output for word in expected.split()), label
        else:
            assert expected in output, label
    verdict = label_in(language, shipped_catalog().codes[405].caching)
    assert " ".join(verdict.split()[:3]) in output
    # The example is wire text, the same in every language; LaTeX splits it into highlighting
    # macros, and the text writer re-wraps table cells, so look for short pieces.
    if builder == "latex":
        assert output.count(r"\begin{sphinxVerbatimintable}") == 4  # a request and a response each
        assert r"\PYG{n+nf}{DELETE}" in output
    elif builder == "html":
        assert '<span class="nf">DELETE</span> <span class="nn">/v1/invoices/42</span>' in output
    else:
        assert "DELETE /v1/invoices/42" in output
        assert "Allow: GET, HEAD" in output


def test_example_is_an_http_literal_block(project):
    html = build(project(COMPARE)).read("index.html")
    # One block per message, each highlighted by Pygments' HTTP lexer: the request's method and
    # the response's status line and header names are all marked up.
    assert html.count('class="httpstatus-example highlight-http notranslate"') == 4
    assert '<span class="nf">DELETE</span>' in html
    assert '<span class="ne">Method Not Allowed</span>' in html
    assert '<span class="na">Allow</span>' in html
    tex = build(project(COMPARE), "latex").read("test.tex")
    assert tex.count(r"\begin{sphinxVerbatimintable}") == 4


def test_every_shipped_example_highlights_cleanly(project):
    # A lexing failure is a warning; "-W" builds would fail on it.
    built = build(project(".. http-status-catalog::\n"), "html")
    assert built.warnings == ""


def test_entries_show_the_facts_a_code_has_and_omit_the_rest(project):
    # Every shipped code has its facts, so the code without any is a project's own.
    srcdir = project(
        ".. http-status:: 429\n\n.. http-status:: 470\n",
        conf='httpstatus_data_files = ["codes.yaml"]\n',
        **{
            "codes.yaml": "codes:\n  470:\n    phrase: Client Closed Connection\n"
            "    unofficial: AWS ALB\n    description: The client hung up first.\n"
        },
    )
    built = build(srcdir, "text")
    assert built.warnings == ""
    text = built.read("index.txt")
    first, second = text.split("470 Client Closed Connection")
    for label in LABELS:
        assert f"{label}:" in first, label
        assert f"{label}:" not in second, label
    assert "Retry-After: 30" in first


def test_catalog_page_shows_the_facts(project):
    built = build(project(".. http-status-catalog::\n   :codes: 304 206\n"), "text")
    text = built.read("index.txt")
    assert text.count("Who sends it:") == 2
    assert '      If-None-Match: "5d8c72a5"' in text  # the example, indented as a literal block
    assert "Content-Range: bytes 1048576-5242879/5242880" in text


@pytest.mark.parametrize("field", FACT_FIELDS)
def test_a_project_file_overrides_each_fact(project, field):
    value = (
        "Not cacheable by default, since our gateway marks it private."
        if field == "caching"
        else "HTTP/1.1 401 Unauthorized\nWWW-Authenticate: ApiKey"
        if field == "example"
        else f"Our own {field} text."
    )
    block = "|-\n      " + value.replace("\n", "\n      ") if field == "example" else value
    srcdir = project(
        ".. http-status:: 401\n",
        conf='httpstatus_data_files = ["codes.yaml"]\n',
        **{"codes.yaml": f"codes:\n  401:\n    {field}: {block}\n"},
    )
    built = build(srcdir, "text")
    assert built.warnings == ""
    text = built.read("index.txt")
    for line in value.split("\n"):
        assert line in text
    # Only that field changed: the others keep the shipped texts.
    other = next(name for name in ("headers", "retry") if name != field)
    assert " ".join(getattr(shipped_catalog().codes[401], other).split()[:6]) in flat(text)


BAD_FACTS = """\
codes:
  401:
    caching: Cacheable, sometimes.
  405:
    caching: Not cacheable by defaultness.
  104:
    registry_expires: next year
  429:
    caching: Not cacheable by default; RFC 6585 forbids storing it.
"""


def test_bad_caching_verdicts_are_located(project):
    srcdir = project(
        ".. http-status:: 429\n",
        conf='httpstatus_data_files = ["codes.yaml"]\n',
        **{"codes.yaml": BAD_FACTS},
    )
    built = build(srcdir, "text")
    path = re.escape(str(srcdir / "codes.yaml"))
    verdicts = "'Cacheable by default' or 'Not cacheable by default'"
    for line, key, message in [
        (3, "codes.401.caching", f"must start with {verdicts}"),
        (5, "codes.405.caching", f"must start with {verdicts}"),
        (7, "codes.104.registry_expires", "must be a date written as YYYY-MM-DD"),
    ]:
        assert re.search(
            rf"{path}:{line}: WARNING: {re.escape(key)}: {re.escape(message)}.*"
            r"\[httpstatus\.data\]",
            built.warnings,
        ), (key, built.warnings)
    assert built.warnings.count("WARNING") == 3
    assert "Not cacheable by default; RFC 6585 forbids storing it." in built.read("index.txt")


def test_example_keeps_its_lines_and_is_never_a_message():
    spec = importlib.util.spec_from_file_location(
        "messages", Path(__file__).parent.parent / "tools" / "messages.py"
    )
    messages = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(messages)
    template = {message.id for message in messages.extract() if message.id}
    status = shipped_catalog().codes[401]
    assert "\n" in status.example
    assert status.example.splitlines()[0] == "GET /v1/orders HTTP/1.1"
    assert status.example not in template
    for field in ("headers", "caching", "retry", "who_sends_it"):
        assert getattr(status, field) in template, field
    assert {"Headers", "Caching", "Retry", "Example", "Who sends it"} <= template


def test_caching_verdicts_follow_rfc_9110_section_15_1():
    checked = 0
    for code, status in shipped_catalog().codes.items():
        if not status.caching:
            continue
        expected = CACHING_VERDICTS[0 if code in HEURISTICALLY_CACHEABLE else 1]
        assert status.caching.startswith(expected), code
        checked += 1
    assert checked >= 8


def test_shipped_examples_are_well_formed():
    """A status line that names its own code, and the headers the RFC requires for it."""
    required = {
        401: "WWW-Authenticate:",
        405: "Allow:",
        206: "Content-Range:",
        301: "Location:",
        416: "Content-Range:",
        426: "Upgrade:",
        201: "Location:",
    }
    for code, status in shipped_catalog().codes.items():
        if not status.example:
            continue
        lines = status.example.splitlines()
        if code in SENT_AS:
            # The code itself never heads a response: show what the client does receive.
            assert any(re.match(rf"HTTP/[0-9.]+ {SENT_AS[code]}\b", line) for line in lines), code
            if SENT_AS[code] == 207:
                assert re.search(rf"<D:status>HTTP/1.1 {code}\b", status.example), code
            continue
        assert any(re.match(rf"HTTP/[0-9.]+ {code}\b", line) for line in lines), code
        assert all(len(line) <= 60 for line in lines), code  # fits a PDF table column
        if code in required:
            assert required[code] in status.example, code


def test_every_shipped_code_has_all_five_facts():
    missing = {
        code: [field for field in FACT_FIELDS if not getattr(status, field)]
        for code, status in shipped_catalog().codes.items()
    }
    missing = {code: fields for code, fields in missing.items() if fields}
    # Whatever is missing may only be the example, and only of these codes.
    assert missing == {code: ["example"] for code in WITHOUT_EXAMPLE}


def test_a_status_line_without_reason_phrase_keeps_its_space():
    # RFC 9112, Section 4: the space after the code is sent even when the reason phrase is empty.
    lines = shipped_catalog().codes[530].example.splitlines()
    assert "HTTP/1.1 530 " in lines
    assert "HTTP/1.1 530" not in lines
    assert all(line == line.rstrip() for line in lines if not line.startswith("HTTP/1.1 530"))


def test_shipped_examples_frame_their_content():
    """Content shown in an example is exactly as long as its Content-Length says."""
    checked = 0
    for code, status in shipped_catalog().codes.items():
        for message in re.split(r"\n\n(?=HTTP/\d|[A-Z]+ \S+ HTTP/\d)", status.example):
            head, _, body = message.partition("\n\n")
            fields = dict(line.split(": ", 1) for line in head.splitlines()[1:])
            if "Transfer-Encoding" in fields:
                size, data, last = body.splitlines()
                assert (int(size, 16), last) == (len(data.encode()), "0"), code
            elif body:
                assert int(fields["Content-Length"]) == len(body.encode()), code
                checked += 1
            else:
                assert "Content-Type" not in fields or "Content-Length" in fields, code
    assert checked >= 20


def test_temporary_registration_shows_its_expiry(project):
    built = build(project(".. http-status:: 104\n\n.. http-compare:: 104 100\n"), "text")
    assert built.warnings == ""
    text = flat(built.read("index.txt"))
    assert (
        "Temporary IANA registration (the registry copy gives 2026-11-13 as its expiry date, "
        "unless it is extended)"
    ) in text


def test_wire_text_from_data_is_escaped(project):
    srcdir = project(
        ".. http-status:: 401\n",
        conf='httpstatus_data_files = ["codes.yaml"]\n',
        **{
            "codes.yaml": "codes:\n  401:\n    example: |-\n"
            "      HTTP/1.1 401 Unauthorized\n      X-Note: <script>alert(1)</script>\n"
            "    headers: <img src=x onerror=alert(1)>\n"
        },
    )
    html = build(srcdir).read("index.html")
    assert "<script>alert(1)</script>" not in html
    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
