"""The stylesheet and script: copied without touching conf.py values, linked where needed."""

from __future__ import annotations

from conftest import build

PAGES = {
    "uses.rst": "Uses\n====\n\n.. http-compare:: 401 403\n",
    "role.rst": "Role\n====\n\nSee :httpcode:`429`.\n",
    "plain.rst": "Plain\n=====\n\nNo status codes here.\n",
}
INDEX = "Index\n=====\n\n.. toctree::\n\n   uses\n   role\n   plain\n"


def test_unchanged_rebuild_reports_no_configuration_change(project):
    # "basic": sphinx.testing swaps the default theme after reading conf.py, a change of its own.
    srcdir = project(INDEX, conf='html_static_path = []\nhtml_theme = "basic"\n', **PAGES)
    first = build(srcdir, freshenv=True)
    assert (first.outdir / "_static" / "httpstatus.css").is_file()
    assert (first.outdir / "_static" / "httpstatus.js").is_file()
    second = build(srcdir, freshenv=False)
    assert "configuration has changed" not in second.status.lower(), second.status
    assert "0 changed" in second.status or "no targets are out of date" in second.status
    assert second.app.config.html_static_path == []
    assert (second.outdir / "_static" / "httpstatus.css").is_file()


def test_assets_only_on_pages_that_use_them(project):
    srcdir = project(INDEX, **PAGES)
    built = build(srcdir)
    uses, role, plain = (built.read(f"{name}.html") for name in ("uses", "role", "plain"))
    assert "_static/httpstatus.css" in uses
    # A table whose headers link to the spec has tooltips: the script comes too.
    assert "_static/httpstatus.js" in uses
    assert "_static/httpstatus.css" in role
    assert "_static/httpstatus.js" in role
    assert "httpstatus.css" not in plain
    assert "httpstatus.js" not in plain
    assert "httpstatus" not in built.read("search.html")


def test_no_script_without_tooltips(project):
    built = build(project(INDEX, conf="httpstatus_tooltips = False\n", **PAGES))
    assert "_static/httpstatus.css" in built.read("role.html")
    assert "httpstatus.js" not in built.read("role.html")


def test_assets_policy_always_links_every_page(project):
    srcdir = project(
        INDEX,
        conf="def setup(app):\n    app.set_html_assets_policy('always')\n",
        **PAGES,
    )
    plain = build(srcdir).read("plain.html")
    assert "_static/httpstatus.css" in plain
    assert "_static/httpstatus.js" in plain
