"""Details of tables and entries that readers noticed: captions, options, missing texts, notes."""

from __future__ import annotations

import re

from conftest import build, links


def text_of(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def table(html: str, anchor: str) -> str:
    part = html[html.index(f'id="{anchor}"') :]
    return part[: part.index("</table>")]


def warnings_at(warnings: str, line: int) -> list[str]:
    return [text for text in warnings.splitlines() if f"index.rst:{line}: WARNING" in text]


def test_default_caption_names_the_codes_only(project):
    html = build(project(".. http-compare:: 401 403 404\n")).read("index.html")
    caption = re.search(r'<span class="caption-text">([^<]*)</span>', html)
    assert caption is not None
    assert caption.group(1) == "Comparison: 401, 403, 404"


def test_caption_separator_is_translated(project):
    html = build(project(".. http-compare:: 401 403\n"), language="ja").read("index.html")
    assert re.search(r'<span class="caption-text">[^<]*401、403</span>', html)


def test_header_cells_have_a_scope(project):
    html = build(project(".. http-compare:: 401 403\n")).read("index.html")
    part = table(html, "httpstatus-compare-401-403")
    head = part[part.index("<thead") : part.index("</thead>")]
    assert head.count('<th scope="col"') == 3
    body = part[part.index("<tbody") :]
    assert body.count('<th scope="row" class="stub"') == 4
    assert "<td" in body and 'scope="' not in re.sub(r'<th scope="row"', "", body)


def test_fields_option_forms(project):
    srcdir = project(
        ".. http-compare:: 401 403\n   :fields: class, how-to-fix\n\n"
        ".. http-compare:: 404 410\n   :fields: status\n\n"
        ".. http-compare:: 500 503\n   :fields:\n"
    )
    built = build(srcdir)
    html = built.read("index.html")
    stubs = re.compile(r'<th[^>]*class="stub"[^>]*>\s*<p>([^<]+)</p>')
    assert stubs.findall(table(html, "httpstatus-compare-401-403")) == ["Class", "How to fix"]
    # "status" alone: the codes and nothing else (the header row is always there).
    only_codes = table(html, "httpstatus-compare-404-410")
    assert stubs.findall(only_codes) == []
    assert "404 Not Found" in only_codes
    # Empty: warned once, then the configured fields.
    assert stubs.findall(table(html, "httpstatus-compare-500-503")) == [
        "Class",
        "Description",
        "When you see it",
        "How to fix",
    ]
    found = warnings_at(built.warnings, 7)
    assert len(found) == 1, built.warnings
    assert "the :fields: option is empty" in found[0]
    assert "[httpstatus.bad-option]" in found[0]
    assert warnings_at(built.warnings, 1) == []
    assert warnings_at(built.warnings, 4) == []


NEW_CODE = """\
codes:
  470:
    phrase: Good Code
"""


def test_a_code_with_only_a_phrase(project):
    srcdir = project(
        ".. http-compare:: 400 470\n   :fields: class description spec key_difference "
        "when_to_use_which\n\n:httpcode:`470`\n\n.. http-status:: 470\n",
        conf='httpstatus_data_files = ["codes.yaml"]\n',
        **{"codes.yaml": NEW_CODE},
    )
    built = build(srcdir)
    assert built.warnings == ""
    html = built.read("index.html")
    part = table(html, "httpstatus-compare-400-470")
    # Missing texts show a deliberate mark, never an empty cell.
    assert part.count('<p class="httpstatus-missing">\u2014</p>') == 2
    assert not re.search(r"<td>\s*</td>", part)
    notes = text_of(html[html.index("</table>") : html.index('id="httpstatus-470"')])
    # The generated note says what is known about 470, and nothing made up from its name.
    assert "Good Code means" not in notes
    assert "Both 400 Bad Request and 470 Good Code are 4xx Client Error responses" in notes
    assert "400 Bad Request means:" in notes
    # Generated notes are not repeated under "When to use which".
    assert "When to use which" not in notes
    # The tooltip names the code and its class, without an empty meaning.
    tooltip = next(link["title"] for link in links(html) if link["text"] == "470 Good Code")
    assert tooltip == "470 Good Code (4xx Client Error)"
    # The entry leaves out what it does not know.
    entry = html[html.index('id="httpstatus-470"') :]
    entry = entry[: entry.index("</dl>")]  # the signature and the entry's field list
    assert "Description" not in text_of(entry)
    assert "4xx Client Error" in text_of(entry)


def test_generated_notes_say_different_things(project):
    html = build(
        project(".. http-compare:: 400 404\n   :fields: key_difference when_to_use_which\n")
    ).read("index.html")
    after = text_of(html[html.index("</table>") :])
    assert "Key difference" in after
    # 400/404 has no curated note: the generated difference is given once, not twice.
    assert "When to use which" not in after
    assert after.count("400 Bad Request means:") == 1


def test_note_headings_are_real_headings(project):
    page = "Top\n===\n\nSub\n---\n\n.. http-compare:: 202 403\n"
    html = build(project(page)).read("index.html")
    assert re.search(r'<h3 class="httpstatus-note-heading rubric">Key difference', html)
    assert re.search(r'<h3 class="httpstatus-note-heading rubric">When to use which', html)


def test_catalog_bad_class_is_our_warning_and_the_rest_renders(project):
    page = (
        "Catalog\n=======\n\n.. http-status-catalog::\n   :classes: 1xx 6xx\n\n"
        ".. http-status-catalog::\n   :classes: 6xx\n\nAfter.\n"
    )
    built = build(project(page))
    found = warnings_at(built.warnings, 4)
    assert len(found) == 1, built.warnings
    assert "'6xx' is not a status class" in found[0]
    assert "[httpstatus.bad-option]" in found[0]
    assert "ERROR" not in built.warnings
    html = built.read("index.html")
    ids = re.findall(r'<dt class="sig sig-object[^"]*" id="httpstatus-(\d+)"', html)
    # 1xx from the first; the second (only a bad value) renders nothing, not the whole catalog.
    assert ids == ["100", "101", "102", "103", "104"]
    assert "After." in html
    silenced = build(project(page, conf='suppress_warnings = ["httpstatus"]\n'))
    assert silenced.warnings == ""


def test_catalog_codes_outside_the_classes_are_warned(project):
    page = "Catalog\n=======\n\n.. http-status-catalog::\n   :classes: 4xx\n   :codes: 200 404\n"
    built = build(project(page))
    found = warnings_at(built.warnings, 4)
    assert len(found) == 1, built.warnings
    assert "200 is not in the listed :classes:, so it is left out" in found[0]
    ids = re.findall(r'id="httpstatus-(\d+)"', built.read("index.html"))
    assert ids == ["404"]


TEAPOT = """\
codes:
  418:
    phrase: I'm a Teapot
"""


def test_labels_keep_their_apostrophe_everywhere(project):
    srcdir = project(
        ":httpcode:`418`, :httpcode:`!418` and it's ours.\n\n.. http-compare:: 418 400\n\n"
        ".. http-status:: 418\n",
        conf='httpstatus_data_files = ["codes.yaml"]\n',
        **{"codes.yaml": TEAPOT},
    )
    html = build(srcdir).read("index.html")
    assert "I\u2019m a Teapot" not in html
    # Reference, unlinked reference, table header, entry heading (and the generated note).
    assert html.count("418 I&#39;m a Teapot") + html.count("418 I'm a Teapot") >= 5
    # The author's own prose is still smart-quoted as before.
    assert "it\u2019s ours" in html


def test_418_shows_the_registry_phrase(project):
    html = build(project(":httpcode:`418`\n")).read("index.html")
    link = next(link for link in links(html) if link["text"].startswith("418"))
    # The registry's name (what RFC 9110 lists); the tooltip tells the teapot story.
    assert link["text"] == "418 (Unused)"
    assert "I'm a teapot" in link["title"]
