"""Tooltips in a real browser, over the built example_docs opened from file:// (no server)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import build

pytestmark = [pytest.mark.browser, pytest.mark.slow]

EXAMPLE_DOCS = Path(__file__).parent.parent / "example_docs"


@pytest.fixture(scope="module")
def example_html(tmp_path_factory) -> Path:
    srcdir = tmp_path_factory.mktemp("example") / "docs"
    shutil.copytree(EXAMPLE_DOCS, srcdir, ignore=shutil.ignore_patterns("_build"))
    built = build(srcdir, "html")
    return built.outdir


@pytest.fixture
def page(browser, example_html):
    context = browser.new_context(viewport={"width": 1100, "height": 800})
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto((example_html / "references.html").as_uri())
    yield page
    # Everything the page loaded came from the build folder: no network, no CDN.
    assert all(url.startswith("file://") for url in requests), requests
    context.close()


def tooltip(page):
    return page.locator("#httpstatus-tooltip")


def reference(page, text: str):
    return page.locator("a.httpstatus-ref", has_text=text).first


def test_hover_shows_the_meaning(page):
    link = reference(page, "304 Not Modified")
    link.hover()
    tip = tooltip(page)
    tip.wait_for(state="visible")
    assert tip.inner_text().startswith("304 Not Modified (3xx Redirection): ")
    assert tip.get_attribute("role") == "tooltip"
    assert link.get_attribute("aria-describedby") == "httpstatus-tooltip"
    # The native title moved into the tooltip, so the two never show at once.
    assert link.get_attribute("title") is None


def test_pointer_can_move_onto_the_tooltip(page):
    reference(page, "409 Conflict").hover()
    tip = tooltip(page)
    tip.wait_for(state="visible")
    tip.hover()
    page.wait_for_timeout(600)  # longer than the hide delay
    assert tip.is_visible()
    page.mouse.move(5, 5)
    tip.wait_for(state="hidden")


def test_keyboard_focus_shows_and_escape_hides(page):
    link = reference(page, "503 Service Unavailable")
    link.focus()
    tip = tooltip(page)
    tip.wait_for(state="visible")
    assert tip.inner_text().startswith("503 Service Unavailable (5xx Server Error): ")
    page.keyboard.press("Escape")
    tip.wait_for(state="hidden")
    # Focus stays on the link: Esc dismissed the tooltip without moving anything.
    assert page.evaluate("document.activeElement.textContent") == "503 Service Unavailable"


def test_tab_reaches_a_reference(page):
    page.locator("h1").first.click()
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('httpstatus-ref')"):
            break
    else:
        pytest.fail("Tab never reached a status reference")
    tooltip(page).wait_for(state="visible")
    assert " (" in tooltip(page).inner_text()


def test_without_javascript_the_title_carries_the_meaning(browser, example_html):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto((example_html / "references.html").as_uri())
    title = reference(page, "304 Not Modified").get_attribute("title")
    assert title.startswith("304 Not Modified (3xx Redirection): ")
    context.close()


@pytest.fixture(scope="module")
def two_links_html(tmp_path_factory) -> Path:
    srcdir = tmp_path_factory.mktemp("two-links")
    (srcdir / "conf.py").write_text(
        'extensions = ["sphinxext_httpstatus"]\nproject = "Two"\n', encoding="utf-8"
    )
    (srcdir / "index.rst").write_text(
        "Two\n===\n\nFirst :httpcode:`404` here.\n\n"
        + "Filler.\n\n" * 3
        + "Then :httpcode:`503`.\n",
        encoding="utf-8",
    )
    return build(srcdir, "html").outdir


def test_focus_and_hover_keep_their_own_descriptions(browser, two_links_html):
    context = browser.new_context(viewport={"width": 1100, "height": 800})
    page = context.new_page()
    try:
        page.goto((two_links_html / "index.html").as_uri())
        focused, hovered = reference(page, "404 Not Found"), reference(page, "503 Service")
        tip = tooltip(page)
        focused.focus()
        tip.wait_for(state="visible")
        assert tip.inner_text().startswith("404 Not Found")
        # Hovering another link shows its text; only that link is described by the tooltip.
        hovered.hover()
        page.wait_for_function(
            "document.getElementById('httpstatus-tooltip').textContent.startsWith('503')"
        )
        assert hovered.get_attribute("aria-describedby") == "httpstatus-tooltip"
        assert focused.get_attribute("aria-describedby") is None
        # The pointer leaves: the focused link gets its own text and description back.
        page.mouse.move(1050, 780)
        page.wait_for_function(
            "document.getElementById('httpstatus-tooltip').textContent.startsWith('404')"
        )
        assert tip.is_visible()
        assert focused.get_attribute("aria-describedby") == "httpstatus-tooltip"
        assert hovered.get_attribute("aria-describedby") is None
        assert page.evaluate("document.activeElement.textContent") == "404 Not Found"
        # Inside the main landmark (axe's "region" rule), and next to the link it describes.
        assert page.evaluate(
            "!!document.getElementById('httpstatus-tooltip').closest('main, [role=main]')"
        )
        link_box, tip_box = focused.bounding_box(), tip.bounding_box()
        assert abs(tip_box["x"] - link_box["x"]) < 2
        assert 0 < tip_box["y"] - (link_box["y"] + link_box["height"]) < 12
        # Blur: nothing is focused or hovered any more, so the tooltip goes.
        page.evaluate("document.activeElement.blur()")
        tip.wait_for(state="hidden")
        assert focused.get_attribute("aria-describedby") is None
    finally:
        context.close()
