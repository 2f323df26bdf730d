"""``:httpcode:`` references, entries, the catalog directive and how references resolve."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest
from conftest import build, link_to, links, published_inventory

ROLE_FORMS = """\
References
==========

Plain :httpcode:`403`, titled :httpcode:`the forbidden case <403>`, unlinked :httpcode:`!404`,
prefixed :httpstatus:code:`429`.

Bad :httpcode:`4O4` and unknown :httpcode:`299`.

.. http-status:: 403

   Our gateway answers 403 when the key lacks the billing scope.
"""


def test_role_forms_html(project):
    srcdir = project(ROLE_FORMS)
    built = build(srcdir)
    html = built.read("index.html")
    # Resolved to the entry on the same page, reading "403 Forbidden", with the meaning as title.
    to_entry = [
        link
        for link in links(html)
        if link.get("href") == "#httpstatus-403" and "httpstatus-ref" in link["class"].split()
    ]
    assert [link["text"] for link in to_entry] == ["403 Forbidden", "the forbidden case"]
    assert to_entry[0]["title"].startswith("403 Forbidden (4xx Client Error): ")
    # "!" renders the text without a link.
    assert '<span class="httpstatus httpstatus-code">404 Not Found</span>' in html
    paragraph = html[html.index("<p>Plain") :]
    paragraph = paragraph[: paragraph.index("</p>")]
    assert not [link for link in links(paragraph) if link["text"] == "404 Not Found"]
    # 429 has no entry here: it falls back to the specification.
    fallback = link_to(html, "https://www.rfc-editor.org/rfc/rfc6585#section-4")
    assert fallback["text"] == "429 Too Many Requests"
    assert fallback["title"].startswith("429 Too Many Requests (4xx Client Error): ")
    # Bad input warns with its location and still renders the text.
    index = re.escape(str(srcdir / "index.rst"))
    assert re.search(
        rf"{index}:7: WARNING: '4O4' is not an HTTP status code.*"
        r"\[httpstatus\.bad-code\]",
        built.warnings,
    )
    assert re.search(
        rf"{index}:7: WARNING: unknown HTTP status code 299.*"
        r"\[httpstatus\.unknown-code\]",
        built.warnings,
    )
    assert ">4O4<" in html
    assert ">299<" in html


def test_role_in_text_and_latex(project):
    srcdir = project(ROLE_FORMS)
    text = " ".join(build(srcdir, "text").read("index.txt").split())
    assert "Plain 403 Forbidden, titled the forbidden case, unlinked 404 Not Found" in text
    tex = build(srcdir, "latex").read("test.tex")
    assert r"\hyperref[\detokenize{index:httpstatus-403}]" in tex
    assert r"\sphinxhref{https://www.rfc-editor.org/rfc/rfc6585\#section-4}" in tex


def test_entry_fields_and_own_prose(project):
    srcdir = project(ROLE_FORMS)
    html = build(srcdir).read("index.html")
    entry = html[html.index('id="httpstatus-403"') :]
    entry = entry[: entry.index("Our gateway answers")]
    for label in (
        "Class",
        "Description",
        "When you see it",
        "How to fix",
        "Specification",
        "Related",
    ):
        assert f">{label}<" in entry, label
    assert "4xx Client Error" in entry
    assert 'href="https://www.rfc-editor.org/rfc/rfc9110#section-15.5.4"' in entry
    assert 'id="httpstatus-403-fix"' in entry
    assert "Our gateway answers 403 when the key lacks the billing scope." in html
    # Related codes link on (401 has no entry: its link goes to the specification).
    assert "401 Unauthorized" in entry


def test_entry_in_index_and_inventory(project):
    srcdir = project(ROLE_FORMS)
    built = build(srcdir)
    genindex = built.read("genindex.html")
    assert "HTTP status code" in genindex
    assert "403 Forbidden" in genindex
    from sphinx.util.inventory import InventoryFile

    with open(built.outdir / "objects.inv", "rb") as stream:
        inventory = InventoryFile.load(stream, "https://example.org", posixpath.join)
    if not isinstance(inventory, dict):  # Sphinx 8.2+ returns an object
        inventory = inventory.data
    assert "httpstatus:code" in inventory
    entry = inventory["httpstatus:code"]["403"]
    uri = entry.uri if hasattr(entry, "uri") else entry[2]
    assert uri == "https://example.org/index.html#httpstatus-403"


CATALOG_PAGE = """\
Catalog
=======

.. http-status-catalog::
   :classes: 1xx

.. http-status-catalog::
   :codes: 401 429 999
"""


def test_catalog_filters(project):
    srcdir = project(CATALOG_PAGE)
    built = build(srcdir)
    html = built.read("index.html")
    ids = re.findall(r'<dt class="sig sig-object[^"]*" id="httpstatus-(\d+)"', html)
    assert ids == ["100", "101", "102", "103", "104", "401", "429"]
    assert "'999' is not an HTTP status code" in built.warnings


def test_whole_catalog_and_duplicates(project):
    srcdir = project(
        ".. http-status-catalog::\n\n.. http-status:: 403\n\n.. http-status:: 404\n   :no-index:\n"
    )
    built = build(srcdir)
    html = built.read("index.html")
    assert len(re.findall(r'id="httpstatus-\d+"', html)) >= 64
    assert re.search(
        r"index.rst:3: WARNING: duplicate entry for HTTP status 403.*"
        r"\[httpstatus\.duplicate-entry\]",
        built.warnings,
    )
    assert "duplicate entry for HTTP status 404" not in built.warnings


COMPARE_LINKS = """\
Links
=====

.. http-compare:: 401 403

.. http-status:: 403
"""


def test_compare_links_to_entries_and_related_comparisons(project):
    html = build(project(COMPARE_LINKS)).read("index.html")
    head = html[html.index("<thead") : html.index("</thead>")]
    assert 'href="#httpstatus-403"' in head
    # 401 has no entry: the header links to its specification instead.
    assert 'href="https://www.rfc-editor.org/rfc/rfc9110#section-15.5.2"' in head
    # The header is the one way on to the entry: no "Full advice" link repeating the cell, and
    # no empty paragraph where such a link could not resolve.
    assert "Full advice" not in html
    assert "httpstatus-more" not in html
    # The entry's related list links to the comparison of 401 and 403, set apart from the code.
    entry = html[html.index('id="httpstatus-403"') :]
    assert link_to(entry, "#httpstatus-compare-401-403")["text"] == "(comparison)"
    related = entry[entry.index('<ul class="httpstatus-related') :]
    item = " ".join(re.sub(r"<[^>]+>", " ", related[: related.index("</li>")]).split())
    assert item == "401 Unauthorized (comparison)"
    # Without a comparison the parenthesis vanishes with its link.
    other = related[related.index("404 Not Found") :]
    assert "(comparison)" not in other[: other.index("</li>")]


def make_inventory_project(tmp_path: Path) -> Path:
    """Project "other": entries for 403 and its own code 470, published in objects.inv."""
    return published_inventory(
        tmp_path,
        "Other",
        "codes:\n  470:\n    phrase: Client Closed Connection\n    unofficial: AWS ALB\n",
        "Other\n=====\n\n.. http-status-catalog::\n   :codes: 403 470\n",
    )


def test_resolution_order(project, tmp_path):
    inventory = make_inventory_project(tmp_path)
    srcdir = project(
        "Order\n=====\n\n:httpcode:`401` :httpcode:`403` :httpcode:`470` :httpcode:`404`\n\n"
        ".. http-status:: 401\n",
        conf='extensions.append("sphinx.ext.intersphinx")\n'
        f'intersphinx_mapping = {{"other": ("https://other.example/", {str(inventory)!r})}}\n',
    )
    built = build(srcdir)
    html = built.read("index.html")
    para = html[html.index("<p>") : html.index("</p>")]
    # 1. own entry
    assert 'href="#httpstatus-401"' in para
    # 2. intersphinx (even though a fallback would exist for 403)
    assert 'href="https://other.example/index.html#httpstatus-403"' in para
    assert 'href="https://other.example/index.html#httpstatus-470"' in para
    # 3. external fallback, the code's RFC section by default
    assert 'href="https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5"' in para
    # 470 is only in the other project's data, but its inventory makes it a known code here.
    assert built.warnings == ""


def test_fallback_template_and_off(project):
    page = "Fallback\n========\n\n:httpcode:`404`\n"
    html = build(
        project(
            page,
            conf='httpstatus_fallback_url = "https://developer.mozilla.org/docs/Status/{code}"\n',
        )
    ).read("index.html")
    assert 'href="https://developer.mozilla.org/docs/Status/404"' in html


def test_no_target_is_plain_text_and_nitpicky_warns(project):
    page = "Plain\n=====\n\n:httpcode:`404`\n"
    srcdir = project(page, conf="httpstatus_fallback_url = None\n")
    built = build(srcdir)
    assert not [link for link in links(built.read("index.html")) if link["text"] == "404 Not Found"]
    assert built.warnings == ""
    nitpicky = build(srcdir, nitpicky=True)
    assert re.search(
        r"index.rst:4: WARNING: httpstatus:code reference target not found: 404", nitpicky.warnings
    )


def test_coexists_with_sphinxcontrib_httpdomain(project):
    pytest.importorskip("sphinxcontrib.httpdomain")
    srcdir = project(
        "API\n===\n\n.. http:get:: /items/(int:item_id)\n\n   :statuscode 200: the item\n"
        "   :statuscode 404: no such item\n\nSee :http:statuscode:`404` and :httpcode:`404`.\n\n"
        ".. http-compare:: 200 404\n\n.. http-status:: 404\n",
        conf='extensions.insert(0, "sphinxcontrib.httpdomain")\n',
    )
    built = build(srcdir)
    assert "WARNING" not in built.warnings, built.warnings
    html = built.read("index.html")
    assert 'href="#httpstatus-404"' in html
    assert "/items/" in html


def test_parallel_build_equals_serial(rootdir, tmp_path):
    pages = {
        f"page{number}.rst": f"Page {number}\n{'=' * 7}\n\n:httpcode:`{403 + number % 3}` "
        f"and :httpcode:`500`.\n\n.. http-compare:: 502 504\n"
        for number in range(8)
    }
    pages["entries.rst"] = "Entries\n=======\n\n.. http-status-catalog::\n   :codes: 403 404 500\n"
    outputs = []
    for parallel in (0, 2):
        srcdir = tmp_path / f"j{parallel}"
        srcdir.mkdir()
        (srcdir / "conf.py").write_text(
            'extensions = ["sphinxext_httpstatus"]\nproject = "P"\n', encoding="utf-8"
        )
        toctree = "\n".join(f"   {name[:-4]}" for name in sorted(pages))
        (srcdir / "index.rst").write_text(
            f"Index\n=====\n\n.. toctree::\n\n{toctree}\n", encoding="utf-8"
        )
        for name, text in pages.items():
            (srcdir / name).write_text(text, encoding="utf-8")
        built = build(srcdir, parallel=parallel)
        assert built.warnings == ""
        outputs.append(
            {
                name: (built.outdir / f"{name[:-4]}.html").read_text(encoding="utf-8")
                for name in pages
            }
        )
    assert outputs[0] == outputs[1]
    assert 'href="entries.html#httpstatus-500"' in outputs[1]["page0.rst"]


def test_incremental_build_follows_a_moved_entry(tmp_path):
    srcdir = tmp_path / "inc"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text(
        'extensions = ["sphinxext_httpstatus"]\nproject = "I"\n', encoding="utf-8"
    )
    (srcdir / "index.rst").write_text(
        "Index\n=====\n\n.. toctree::\n\n   a\n   b\n   c\n", encoding="utf-8"
    )
    (srcdir / "a.rst").write_text("A\n=\n\n.. http-status:: 403\n", encoding="utf-8")
    (srcdir / "b.rst").write_text("B\n=\n\nNothing yet.\n", encoding="utf-8")
    (srcdir / "c.rst").write_text("C\n=\n\nSee :httpcode:`403`.\n", encoding="utf-8")
    build(srcdir, freshenv=True)
    assert 'href="a.html#httpstatus-403"' in (srcdir / "_build/html/c.html").read_text()
    # Move the entry from a to b; c is not edited but must follow.
    (srcdir / "a.rst").write_text("A\n=\n\nMoved away.\n", encoding="utf-8")
    (srcdir / "b.rst").write_text("B\n=\n\n.. http-status:: 403\n", encoding="utf-8")
    build(srcdir, freshenv=False)
    assert 'href="b.html#httpstatus-403"' in (srcdir / "_build/html/c.html").read_text()


def test_duplicate_entries_across_parallel_processes(tmp_path):
    srcdir = tmp_path / "dup"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text('extensions = ["sphinxext_httpstatus"]\nproject = "D"\n')
    names = [f"doc{number}" for number in range(8)]
    toctree = "\n".join(f"   {name}" for name in names)
    (srcdir / "index.rst").write_text(
        f"Index\n=====\n\nSee :httpcode:`403`.\n\n.. toctree::\n\n{toctree}\n"
    )
    for name in names:
        body = ".. http-status:: 403\n" if name in ("doc1", "doc6") else "Nothing.\n"
        (srcdir / f"{name}.rst").write_text(f"{name}\n====\n\n{body}")
    results = []
    for parallel in (0, 2):
        built = build(srcdir, parallel=parallel, builddir=tmp_path / f"out{parallel}")
        assert "duplicate entry for HTTP status 403" in built.warnings, built.warnings
        results.append(link_to(built.read("index.html"), "doc1.html#httpstatus-403")["text"])
    assert results == ["403 Forbidden", "403 Forbidden"]


def test_broken_fallback_template_is_a_config_warning(project):
    srcdir = project(
        "Page\n====\n\n:httpcode:`404`\n",
        conf='httpstatus_fallback_url = "https://example.org/{status}"\n',
    )
    built = build(srcdir)
    assert (
        "httpstatus_fallback_url: 'https://example.org/{status}' is not a URL template"
        in built.warnings
    )
    assert "Traceback" not in built.warnings
    assert "404 Not Found" in built.read("index.html")
