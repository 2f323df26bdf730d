"""The stylesheet and script, on the pages that show our output and nowhere else.

The files are copied into ``_static`` by us instead of being added to ``html_static_path``:
changing the user's configuration made Sphinx report "The configuration has changed" on every
rebuild. They are linked per page, the way ``sphinx.ext.mathjax`` does it, so a page without a
status code loads nothing extra; ``app.set_html_assets_policy("always")`` restores every page.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

from .codeblocks import http_example

STATIC_DIR = Path(__file__).parent / "static"
STYLESHEET = "httpstatus.css"
SCRIPT = "httpstatus.js"


def copy_static_files(app: Sphinx) -> None:
    """``builder-inited``: put our two files into the build's ``_static``.

    Before any page is written: Sphinx 7.4 adds the ``?v=`` checksum to a page's link only when
    the file is already there, so copying later (with Sphinx's own static files) made a first
    build's pages differ from every later build's.
    """
    if app.builder.format == "html":
        destination = Path(app.outdir, "_static")
        destination.mkdir(parents=True, exist_ok=True)
        for name in (STYLESHEET, SCRIPT):
            shutil.copyfile(STATIC_DIR / name, destination / name)


def _ours(node: nodes.Node) -> bool:
    if isinstance(node, http_example):
        return True
    classes: list[str] = node.get("classes", []) if isinstance(node, nodes.Element) else []
    return any(name.startswith("httpstatus") for name in classes)


def _shows_link(node: nodes.Node) -> bool:
    if isinstance(node, nodes.reference):
        return "httpstatus-ref" in node["classes"]
    return isinstance(node, http_example)


def _has_references(doctree: nodes.document) -> bool:
    """Links with a tooltip: status references, and the status lines of HTTP examples.

    One walk that stops at the first: on a page of status references that is its first one.
    """
    return doctree.next_node(_shows_link) is not None


def add_page_assets(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``html-page-context``: link the files from this page if it shows anything of ours."""
    if app.builder.format != "html":
        return
    always = app.registry.html_assets_policy == "always"
    if not always and not (
        isinstance(doctree, nodes.document) and doctree.next_node(_ours) is not None
    ):
        return
    builder: Any = app.builder
    builder.add_css_file(STYLESHEET)
    if app.config.httpstatus_tooltips and (always or _has_references(doctree)):
        builder.add_js_file(SCRIPT, loading_method="defer")
