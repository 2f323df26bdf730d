"""axe-core over the guide's comparison and entry pages: no violation inside our markup.

Four themes, light and dark, desktop (1280 px) and phone (375 px) widths, with a tooltip shown.
axe-core comes bundled in the ``axe-playwright-python`` package (nothing is downloaded). A
violation fails the test when any of its elements is ours (an ``httpstatus*`` class or the
tooltip); the themes' own violations are listed in ``KNOWN`` and left to the themes, and a new one
fails too, so the list stays true.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from browser import THEMES

pytestmark = [pytest.mark.browser, pytest.mark.slow]

MODES = ("light", "dark")
WIDTHS = (1280, 375)

#: Rule ids the themes (and Sphinx's own templates) break outside our markup, as of axe-core 4.12:
#: aria-required-attr - Sphinx's toctree captions have role="heading" without aria-level;
#: scrollable-region-focusable - Sphinx's highlighted code blocks scroll but take no focus;
#: region - footers outside any landmark; color-contrast - Pygments tokens, footers and (rtd)
#: the link colour itself; heading-order, landmark-unique, link-in-text-block, target-size (rtd's
#: sidebar expand buttons) - theme chrome.
KNOWN: dict[str, set[str]] = {
    "alabaster": {
        "aria-required-attr",
        "color-contrast",
        "heading-order",
        "region",
        "scrollable-region-focusable",
    },
    "furo": {"aria-required-attr", "landmark-unique", "region", "scrollable-region-focusable"},
    "rtd": {
        "aria-required-attr",
        "color-contrast",
        "link-in-text-block",
        "region",
        "scrollable-region-focusable",
        "target-size",
    },
    "pydata": set(),
}

OURS = "[class*='httpstatus'], #httpstatus-tooltip"

# For each element of a violation: "ours" (inside our markup, but not inside code blocks or tab
# sets an author put into an entry's body), "theirs", or "theme-link": a link
# of ours drawn in the theme's own link colour, exactly like the theme's other links (the
# colour-contrast finding is then the theme's, e.g. sphinx-rtd-theme's #2980b9 on white).
WHOSE_JS = """
([targets, ours]) => {
  const content = document.querySelector("main, [role=main]") || document;
  const plain = [...content.querySelectorAll("a.reference")].find((a) => !a.closest(ours));
  const themeColour = plain ? getComputedStyle(plain).color : null;
  return targets.map((target) => {
    const selector = Array.isArray(target) ? target[target.length - 1] : target;
    let element = null;
    try { element = document.querySelector(selector); } catch (error) { return "theirs"; }
    if (!element || !element.closest(ours)) return "theirs";
    // An entry's body is the author's content: a code block (Pygments' colours) or a
    // sphinx-design tab set there is other software's markup, unless it is our own example.
    const foreign = element.closest(".sd-tab-set, div[class*='highlight-']");
    if (foreign && !foreign.closest(".httpstatus-example")) {
      return "theirs";
    }
    if (element.closest("a") && getComputedStyle(element).color === themeColour) {
      return "theme-link";
    }
    return "ours";
  });
}
"""


def smallest_page(outdir: Path, marker: str) -> Path:
    """The guide's smallest page containing ``marker`` (quick to check, whatever its name)."""
    pages = [
        path
        for path in outdir.glob("*.html")
        if marker in path.read_text(encoding="utf-8") and path.name != "genindex.html"
    ]
    assert pages, f"no page of the guide has {marker}"
    return min(pages, key=lambda path: path.stat().st_size)


def audit(page) -> list[dict]:
    from axe_playwright_python.sync_playwright import Axe

    # target-size (WCAG 2.5.8, 24 px) is off by default in axe-core; the audit in issue 15 used it.
    options = {"resultTypes": ["violations"], "rules": {"target-size": {"enabled": True}}}
    results = Axe().run(page, options=options)
    violations = results.response["violations"]
    for violation in violations:
        targets = [node["target"] for node in violation["nodes"]]
        whose = page.evaluate(WHOSE_JS, [targets, OURS])
        if violation["id"] != "color-contrast":  # only colours can be the theme's on our nodes
            whose = ["ours" if owner == "theme-link" else owner for owner in whose]
        violation["ours"] = "ours" in whose
    return violations


def show_tooltip(page) -> None:
    """Shown by keyboard focus: hovering would also give the link the theme's hover colour,
    which in sphinx-rtd-theme is below 4.5:1 for every link of the page, ours or not."""
    link = page.locator("a.httpstatus-ref").first
    link.scroll_into_view_if_needed()
    link.focus()
    page.locator("#httpstatus-tooltip").wait_for(state="visible")


def require_axe() -> None:
    """Skip locally without axe-core's package; in CI (CI=true) that is a failure."""
    try:
        import axe_playwright_python  # noqa: F401
    except ImportError:
        if os.environ.get("CI") == "true":
            pytest.fail("axe-playwright-python is not installed (pip install -e '.[test]')")
        pytest.skip("axe-playwright-python is not installed")


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("theme", sorted(THEMES))
def test_axe_finds_nothing_in_our_markup(browser, sites, theme, mode, width):
    require_axe()
    outdir = sites(theme)
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=mode)
    page = context.new_page()
    ours, theirs = [], set()
    try:
        for marker in ("httpstatus-compare-table", "httpstatus-entry"):
            page.goto(smallest_page(outdir, marker).as_uri())
            page.wait_for_load_state("load")
            show_tooltip(page)
            for violation in audit(page):
                if violation["ours"]:
                    ours.append(
                        (
                            marker,
                            violation["id"],
                            [node["html"][:160] for node in violation["nodes"]][:3],
                        )
                    )
                else:
                    theirs.add(violation["id"])
    finally:
        context.close()
    assert not ours, ours
    assert theirs <= KNOWN[theme], f"new theme violations in {theme}: {theirs - KNOWN[theme]}"
