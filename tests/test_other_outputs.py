"""Codes from other projects (intersphinx), man and text output, English rewording, nitpicky."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import build, links, published_inventory

PLATFORM_DATA = """\
codes:
  470:
    phrase: Client Closed Connection
    description: The client went away before the platform answered.
    how_to_fix: Raise the client timeout.
"""


def platform_inventory(tmp_path: Path) -> Path:
    """A first project, "Platform", that adds 470 and documents it: its objects.inv."""
    return published_inventory(
        tmp_path,
        "Platform",
        PLATFORM_DATA,
        "Platform\n========\n\n.. http-status:: 470\n\n.. http-status:: 403\n",
    )


def consumer_conf(inventory: Path) -> str:
    return (
        'extensions.append("sphinx.ext.intersphinx")\n'
        f'intersphinx_mapping = {{"platform": ("https://platform.example/", {str(inventory)!r})}}\n'
    )


def test_a_code_from_an_inventory_is_known(project, tmp_path):
    inventory = platform_inventory(tmp_path)
    srcdir = project(
        "Consumer\n========\n\nSee :httpcode:`470`.\n\n.. http-compare:: 403 470\n",
        conf=consumer_conf(inventory),
    )
    built = build(srcdir)
    assert built.warnings == ""
    html = built.read("index.html")
    target = "https://platform.example/index.html#httpstatus-470"
    found = [link for link in links(html) if link.get("href") == target]
    # The role and the table header, named as the inventory names the code.
    assert [link["text"] for link in found] == ["470 Client Closed Connection"] * 2
    # The tooltip gives what is known (code, name, class), not intersphinx's "(in Platform)".
    assert found[0]["title"] == "470 Client Closed Connection (4xx Client Error)"
    assert "in Platform" not in html
    # The table renders; 470's wording stays in the platform project (a dash here).
    part = html[html.index('id="httpstatus-compare-403-470"') :]
    part = part[: part.index("</table>")]
    assert "403 Forbidden" in part
    assert "4xx Client Error" in part
    assert "The client went away" not in part
    assert '<p class="httpstatus-missing">' in part


def test_a_shared_data_file_brings_the_wording(project, tmp_path):
    inventory = platform_inventory(tmp_path)
    srcdir = project(
        ".. http-compare:: 403 470\n",
        conf=consumer_conf(inventory) + 'httpstatus_data_files = ["codes.yaml"]\n',
        **{"codes.yaml": PLATFORM_DATA},
    )
    built = build(srcdir)
    assert built.warnings == ""
    assert "The client went away" in built.read("index.html")


PAGE = """\
Page
====

See :httpcode:`429`, :httpcode:`403` and :ref:`below <below>`.

.. _below:

Below
-----

.. http-compare:: 401 403

.. http-status:: 403
"""


def test_man_page_reads_references_as_plain_text(project):
    built = build(project(PAGE), "man")
    page = next(built.outdir.glob("*.1")).read_text(encoding="utf-8")
    # (How the :ref: after them looks is the man writer's business: italic in Sphinx 7.4.)
    assert "See 429 Too Many Requests, 403 Forbidden and " in page
    assert "<#httpstatus" not in page
    assert "rfc6585" not in page  # the fallback link of 429 is not printed after it
    assert "Full advice" not in page
    # Header cells too: "401 Unauthorized" without its specification's address.
    assert re.search(r"^401 Unauthorized$", page, re.MULTILINE)


def test_text_output_reads_references_as_plain_text(project):
    text = build(project(PAGE), "text").read("index.txt")
    assert "See 429 Too Many Requests, 403 Forbidden and below." in " ".join(text.split())
    assert "<#" not in text and "https://" not in text.split("Specification")[0]


def test_html_keeps_the_links(project):
    html = build(project(PAGE)).read("index.html")
    assert 'href="https://www.rfc-editor.org/rfc/rfc6585#section-4"' in html


ENGLISH_PO = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "Key difference"
msgstr "What sets them apart"

msgid "How to fix"
msgstr "What to do"
"""


def test_an_english_project_rewords_labels(project):
    srcdir = project(
        ".. http-compare:: 202 403\n",
        conf='locale_dirs = ["locale"]\n',
        **{"locale__en__LC_MESSAGES__sphinxext_httpstatus.po": ENGLISH_PO},
    )
    built = build(srcdir)
    assert built.warnings == ""
    html = built.read("index.html")
    assert "What sets them apart" in html
    assert "What to do" in html
    assert "Key difference" not in html
    assert "When to use which" in html  # not reworded: stays as shipped
    # Without the override, the shipped words.
    plain = build(project(".. http-compare:: 202 403\n", conf='locale_dirs = ["nowhere"]\n'))
    assert "Key difference" in plain.read("index.html")


def test_nitpicky_hint_for_a_known_code_without_target(project):
    srcdir = project(
        ":httpcode:`470` and :httpcode:`404`\n",
        conf='httpstatus_data_files = ["codes.yaml"]\n',
        **{"codes.yaml": "codes:\n  470:\n    phrase: Good Code\n"},
    )
    assert build(srcdir).warnings == ""
    warnings = build(srcdir, nitpicky=True).warnings
    found = [line for line in warnings.splitlines() if "WARNING" in line]
    assert len(found) == 1, warnings
    assert "index.rst:1: WARNING: httpstatus:code reference target not found: 470" in found[0]
    assert "add '.. http-status:: 470', or a spec_url" in found[0]
    assert "[ref.code]" in found[0]
    ignored = build(srcdir, nitpicky=True, nitpick_ignore=[("httpstatus:code", "470")])
    assert ignored.warnings == ""


def test_nitpicky_hint_when_the_fallback_is_off(project):
    # 404 has a spec URL: only the switched-off fallback explains why it links nowhere.
    srcdir = project(":httpcode:`404`\n", conf="httpstatus_fallback_url = None\n")
    warnings = build(srcdir, nitpicky=True).warnings
    assert "add '.. http-status:: 404', or set httpstatus_fallback_url)" in warnings
    assert "spec_url in the data file" not in warnings
