"""Shared fixtures: real Sphinx projects built with sphinx.testing."""

from __future__ import annotations

import io
import re
import textwrap
from html.parser import HTMLParser
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

pytest_plugins = ("sphinx.testing.fixtures",)

ROOTS = Path(__file__).parent / "roots"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return ROOTS


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium, shared by every browser test (Playwright allows one at a time)."""
    from browser import launch

    with launch() as instance:
        yield instance


@pytest.fixture(scope="session")
def sites(tmp_path_factory):
    """The guide (example_docs) built once per theme, on first use, shared by browser tests."""
    import shutil
    import subprocess
    import sys

    from browser import THEMES

    built: dict[str, Path] = {}

    def site(theme: str) -> Path:
        if theme not in built:
            pytest.importorskip(THEMES[theme])
            srcdir = tmp_path_factory.mktemp(theme) / "docs"
            shutil.copytree(
                Path(__file__).parent.parent / "example_docs",
                srcdir,
                ignore=shutil.ignore_patterns("_build", "*.mo"),
            )
            outdir = srcdir / "_build" / "html"
            result = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "sphinx",
                    "-b",
                    "html",
                    "-q",
                    "-D",
                    f"html_theme={THEMES[theme]}",
                    str(srcdir),
                    str(outdir),
                ],
                capture_output=True,
                text=True,
                check=False,
            )
            assert result.returncode == 0, result.stderr
            built[theme] = outdir
        return built[theme]

    return site


class Built:
    """A finished build: where it went and what it said."""

    def __init__(self, app: SphinxTestApp, warnings: str, status: str = "") -> None:
        self.app = app
        self.outdir = Path(app.outdir)
        self.warnings = warnings
        self.status = status

    def read(self, name: str) -> str:
        return (self.outdir / name).read_text(encoding="utf-8")


def strip_ansi(text: str) -> str:
    return ANSI.sub("", text)


def build(
    srcdir: Path,
    builder: str = "html",
    *,
    freshenv: bool = True,
    parallel: int = 0,
    builddir: Path | None = None,
    **confoverrides: object,
) -> Built:
    """Build ``srcdir`` with ``builder``; returns the output and the warnings as text."""
    warning, status = io.StringIO(), io.StringIO()
    # Sphinx 7.4 does not show "[type.subtype]" after warnings unless asked to.
    confoverrides.setdefault("show_warning_types", True)
    app = SphinxTestApp(
        builder,
        srcdir=srcdir,
        builddir=builddir or srcdir / "_build",
        confoverrides=confoverrides,
        status=status,
        warning=warning,
        freshenv=freshenv,
        parallel=parallel,
    )
    try:
        app.build()
    finally:
        app.cleanup()
    return Built(app, strip_ansi(warning.getvalue()), strip_ansi(status.getvalue()))


@pytest.fixture
def project(tmp_path: Path):
    """Write a small project: ``project(index=rst, conf=extra conf.py lines, **files)``."""

    def write(index: str = "", conf: str = "", **files: str) -> Path:
        srcdir = tmp_path / "src"
        srcdir.mkdir(exist_ok=True)
        (srcdir / "conf.py").write_text(
            'extensions = ["sphinxext_httpstatus"]\nproject = "Test"\n' + textwrap.dedent(conf),
            encoding="utf-8",
        )
        (srcdir / "index.rst").write_text(textwrap.dedent(index), encoding="utf-8")
        for name, text in files.items():
            path = srcdir / name.replace("__", "/")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(textwrap.dedent(text), encoding="utf-8")
        return srcdir

    return write


class _LinkParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[dict[str, str]] = []
        self._open: list[dict[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            link = {name: value or "" for name, value in attrs}
            link["text"] = ""
            self._open.append(link)
            self.links.append(link)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._open:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        for link in self._open:
            link["text"] += data


def published_inventory(tmp_path: Path, name: str, codes_yaml: str, index: str) -> Path:
    """Build a first project ``name`` with its own data file; its ``objects.inv``, for
    intersphinx tests of a second project."""
    srcdir = tmp_path / name.lower()
    srcdir.mkdir()
    (srcdir / "conf.py").write_text(
        f'extensions = ["sphinxext_httpstatus"]\nproject = "{name}"\n'
        'httpstatus_data_files = ["codes.yaml"]\n',
        encoding="utf-8",
    )
    (srcdir / "codes.yaml").write_text(codes_yaml, encoding="utf-8")
    (srcdir / "index.rst").write_text(index, encoding="utf-8")
    built = build(srcdir)
    assert built.warnings == ""
    return built.outdir / "objects.inv"


def links(html: str) -> list[dict[str, str]]:
    """Every ``<a>`` of a page: its attributes (unescaped) plus its visible ``text``."""
    parser = _LinkParser()
    parser.feed(html)
    return parser.links


def link_to(html: str, href: str) -> dict[str, str]:
    found = [link for link in links(html) if link.get("href") == href]
    assert found, f"no link to {href}"
    return found[0]
