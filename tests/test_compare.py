"""The http-compare directive, as readers see it in each builder."""

from __future__ import annotations

import re

import pytest
from conftest import build


def text_of(html: str) -> str:
    """Visible text of an HTML fragment, whitespace folded."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@pytest.mark.sphinx("html", testroot="compare")
def test_html_table_rows_and_notes(app, warning):
    app.build()
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert warning.getvalue() == ""
    first = html[html.index('id="httpstatus-compare-202-403"') :]
    first = first[: first.index("</table>")]
    header = text_of(first[first.index("<thead") : first.index("</thead>")])
    assert header == "Status 202 Accepted 403 Forbidden"
    labels = re.findall(r'<th[^>]*class="stub"[^>]*>\s*<p>([^<]+)</p>', first)
    assert labels == ["Class", "Description", "When you see it", "How to fix"]
    body = text_of(first)
    assert "2xx Success" in body
    assert "4xx Client Error" in body
    # Cells hold the catalog's own texts for each code.
    assert "The server received the request and queued it" in body
    assert "A valid token lacks the required scope or role" in body
    # Both notes follow the table, from the curated 202/403 pair note.
    after = html[html.index('id="httpstatus-compare-202-403"') :]
    after = after[: after.index("Gateway failures")]
    assert "Key difference" in after
    assert "When to use which" in after
    assert "accepted the request for later processing" in text_of(after)
    assert "Before the tables." in html
    assert "After the tables." in html


@pytest.mark.sphinx("html", testroot="compare")
def test_html_options(app, warning):
    app.build()
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    table = html[html.index("Gateway failures") - 600 :]
    table = table[: table.index("</table>")]
    assert 'id="gateway-table"' in table or 'id="httpstatus-compare-500-502-503-504"' in table
    assert text_of(table[table.index("<thead") : table.index("</thead>")]) == (
        "Status 500 Internal Server Error 502 Bad Gateway 503 Service Unavailable "
        "504 Gateway Timeout"
    )
    assert re.findall(r'<th[^>]*class="stub"[^>]*>\s*<p>([^<]+)</p>', table) == [
        "Class",
        "How to fix",
    ]
    assert 'class="httpstatus-compare wide' in html
    # :ref: to the :name: uses the caption as its text.
    assert re.search(
        r'<a class="reference internal" href="#gateway-table">'
        r'<span class="std std-ref">Gateway failures</span>',
        html,
    )
    # Four codes: six pairs under "Key difference", none under "When to use which".
    notes = html[html.index('id="httpstatus-compare-500-502-503-504"') :]
    notes = notes[: notes.index("See ")]
    assert notes.count("<li>") == 6
    assert "When to use which" not in notes
    # A pair without a curated note (500/504 is in no family) gets a generated difference.
    generated = "Both 500 Internal Server Error and 504 Gateway Timeout are 5xx Server Error"
    assert generated in text_of(notes)
    # The pair 500/503 has a curated note.
    assert "a meaning that RFC 9110 defines for 503 but not for 500" in text_of(notes)


@pytest.mark.sphinx("text", testroot="compare")
def test_text_builder(app, warning):
    app.build()
    text = (app.outdir / "index.txt").read_text(encoding="utf-8")
    assert warning.getvalue() == ""
    assert "| Status" in text
    assert "202 Accepted" in text
    assert "403 Forbidden" in text
    for label in ("Class", "Description", "When you see it", "How to fix"):
        assert f"| {label}" in text
    assert "Key difference" in text
    assert "When to use which" in text
    assert "RFC 9233" in text or "RFC 9110, Section 15.3.7" in text


@pytest.mark.sphinx("latex", testroot="compare")
def test_latex_builder(app, warning):
    app.build()
    tex = (app.outdir / "compare.tex").read_text(encoding="utf-8")
    assert warning.getvalue() == ""
    assert r"\sphinxstyletheadfamily" in tex
    assert "202 Accepted" in tex
    assert "403 Forbidden" in tex
    assert "When you see it" in tex
    assert "How to fix" in tex
    assert r"\sphinxstylestrong{Key difference}" in tex or "Key difference" in tex
    assert r"\label{\detokenize{index:gateway-table}}" in tex


@pytest.mark.parametrize(
    "builder", ["html", "dirhtml", "singlehtml", "epub", "latex", "text", "man", "texinfo"]
)
def test_every_builder_renders(builder, rootdir, tmp_path):
    import shutil

    srcdir = tmp_path / "compare"
    shutil.copytree(rootdir / "test-compare", srcdir)
    built = build(srcdir, builder)
    # epub complains about metadata defaults we do not set; nothing of ours may warn.
    assert "httpstatus" not in built.warnings
    assert "Traceback" not in built.warnings
    outputs = [path for path in built.outdir.rglob("*") if path.is_file()]
    joined = "\n".join(
        path.read_text(encoding="utf-8", errors="replace")
        for path in outputs
        if path.suffix in {".html", ".xhtml", ".tex", ".txt", ".1", ".texi"}
    )
    assert "403 Forbidden" in joined
    assert "When you see it" in joined


BAD_INPUT = """\
Page
====

First paragraph stays.

.. http-compare:: 202 abc

.. http-compare:: 404 404 410

.. http-compare:: 202 299

.. http-compare:: 401

.. http-compare:: 401 403
   :fields: class colour

Last paragraph stays.
"""


def test_bad_input_warns_with_location(project):
    srcdir = project(BAD_INPUT)
    built = build(srcdir, "html")
    warnings = built.warnings
    index = str(srcdir / "index.rst")
    expected = [
        (6, "'abc' is not an HTTP status code", "bad-code"),
        (8, "status code 404 is listed twice", "duplicate-code"),
        (10, "unknown HTTP status code 299", "unknown-code"),
        (12, "http-compare needs at least two known status codes; got 1", "too-few-codes"),
        (14, "unknown field 'colour'", "unknown-field"),
    ]
    for line, message, subtype in expected:
        assert re.search(
            rf"{re.escape(index)}:{line}: WARNING: {re.escape(message)}.*"
            rf"\[httpstatus\.{subtype}\]",
            warnings,
        ), (message, warnings)
    # One slip, one warning: a rejected code does not also count as "too few codes".
    for line in (6, 10):
        assert len(re.findall(rf"{re.escape(index)}:{line}: WARNING", warnings)) == 1, warnings
    assert "Traceback" not in warnings
    html = built.read("index.html")
    assert "First paragraph stays." in html
    assert "Last paragraph stays." in html
    # The valid parts still render: 404/410 despite the duplicate, 401/403 despite the field.
    assert 'id="httpstatus-compare-404-410"' in html
    assert 'id="httpstatus-compare-401-403"' in html


def test_suppress_warnings_silences_a_subtype(project):
    srcdir = project(BAD_INPUT, conf='suppress_warnings = ["httpstatus.unknown-code"]\n')
    warnings = build(srcdir, "html").warnings
    assert "unknown-code" not in warnings
    assert "bad-code" in warnings


def test_generated_text_is_escaped(project):
    srcdir = project(".. http-compare:: 202 403\n   :caption: <script>alert(1)</script>\n")
    html = build(srcdir, "html").read("index.html")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_default_fields_from_config(project):
    srcdir = project(
        ".. http-compare:: 202 403\n", conf='httpstatus_compare_fields = ["class", "how-to-fix"]\n'
    )
    built = build(srcdir)
    labels = re.findall(r'<th[^>]*class="stub"[^>]*>\s*<p>([^<]+)</p>', built.read("index.html"))
    assert labels == ["Class", "How to fix"]
    assert "Key difference" not in built.read("index.html")
    assert built.warnings == ""


REPEATED = """\
Repeats
=======

.. _httpstatus-compare-401-403-2:

A section whose label takes the id the second table would get.

.. http-compare:: 401 403

.. http-compare:: 401 403

.. http-compare:: 401 403

.. http-compare:: 403 401
"""


def test_repeated_comparisons_get_distinct_anchors(project):
    built = build(project(REPEATED))
    html = built.read("index.html")
    ids = re.findall(r'<table [^>]*id="(httpstatus-compare-[^"]+)"', html)
    # First, then -2 taken by the author's label so -3, then -4; the order of codes is the
    # author's, so 403 401 is a base of its own.
    assert ids == [
        "httpstatus-compare-401-403",
        "httpstatus-compare-401-403-3",
        "httpstatus-compare-401-403-4",
        "httpstatus-compare-403-401",
    ]
    assert 'id="httpstatus-compare-401-403-2"' in html  # the label's section keeps its id
    assert "WARNING" not in built.warnings
