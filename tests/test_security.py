"""Text from documents and data files is escaped everywhere; builds run no code, use no network."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from conftest import build, links

HOSTILE = '<script>alert(1)</script> "onmouseover=alert(2) x=" </a><b>'
DATA = f"""\
codes:
  460:
    phrase: '{HOSTILE.replace("'", "''")}'
    unofficial: '{HOSTILE.replace("'", "''")}'
    summary: '{HOSTILE.replace("'", "''")}'
    description: '{HOSTILE.replace("'", "''")}'
pairs:
  - codes: [403, 460]
    key_difference: '{HOSTILE.replace("'", "''")}'
"""
ROLE_TITLE = HOSTILE.replace("<", "\\<")  # a literal "<" would start the role's target
PAGE = f"""\
Page
====

:httpcode:`460` and :httpcode:`{ROLE_TITLE} <403>`.

.. http-compare:: 403 460
   :caption: {HOSTILE}

.. http-status:: 460
"""


@pytest.fixture
def hostile_site(project):
    srcdir = project(PAGE, conf='httpstatus_data_files = ["codes.yaml"]\n', **{"codes.yaml": DATA})
    return build(srcdir)


def test_page_escapes_data_and_role_text(hostile_site):
    html = hostile_site.read("index.html")
    assert "<script>alert(1)</script>" not in html
    assert "</a><b>" not in html
    assert '"onmouseover=' not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;/a&gt;&lt;b&gt;" in html


def test_title_attribute_keeps_the_text_as_text(hostile_site):
    html = hostile_site.read("index.html")
    titles = [link["title"] for link in links(html) if link.get("title", "").startswith("460 ")]
    assert titles
    # The parser unescapes attribute values: the hostile text is intact *inside* the attribute.
    assert all(HOSTILE in title for title in titles)
    texts = [link["text"] for link in links(html) if "alert(1)" in link["text"]]
    assert texts  # the role's own title, shown as text


def test_tooltip_script_never_parses_data_as_html():
    script = (
        Path(__file__).parent.parent / "sphinxext_httpstatus" / "static" / "httpstatus.js"
    ).read_text()
    assert "innerHTML" not in script
    assert "insertAdjacentHTML" not in script
    assert "textContent" in script


@pytest.mark.browser
def test_tooltip_shows_hostile_text_literally(hostile_site, browser):
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto((hostile_site.outdir / "index.html").as_uri())
    page.locator("a.httpstatus-ref").first.hover()
    tip = page.locator("#httpstatus-tooltip")
    tip.wait_for(state="visible")
    assert HOSTILE in tip.inner_text()
    assert tip.locator("script, b").count() == 0
    # The data's "</a><b>" never became an element anywhere on the page.
    assert page.locator("b").count() == 0
    page.close()
    assert dialogs == []


def test_yaml_cannot_construct_python_objects(project, tmp_path):
    marker = tmp_path / "executed"
    data = f'codes:\n  460: !!python/object/apply:os.system ["touch {marker}"]\n'
    srcdir = project(
        "Page\n====\n", conf='httpstatus_data_files = ["codes.yaml"]\n', **{"codes.yaml": data}
    )
    built = build(srcdir)
    assert not marker.exists()
    assert "codes.yaml:2: WARNING: data: invalid YAML" in built.warnings


def test_spec_url_must_be_http(project):
    data = "codes:\n  460:\n    phrase: X\n    spec_url: javascript:alert(1)\n"
    srcdir = project(
        ":httpcode:`460`\n", conf='httpstatus_data_files = ["codes.yaml"]\n', **{"codes.yaml": data}
    )
    built = build(srcdir)
    assert "codes.460.spec_url: must be an http:// or https:// URL" in built.warnings
    assert "javascript:" not in built.read("index.html")


def test_build_opens_no_network_connection(project, monkeypatch):
    attempts: list[object] = []

    def refuse(self, address, *args):
        attempts.append(address)
        raise OSError("network access during a docs build")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    srcdir = project(PAGE, conf='httpstatus_data_files = ["codes.yaml"]\n', **{"codes.yaml": DATA})
    for builder in ("html", "latex", "text"):
        build(srcdir, builder)
    assert attempts == []
