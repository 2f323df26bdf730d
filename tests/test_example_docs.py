"""The user guide itself: strict in every builder, reproducible, parallel-safe, and a real PDF."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

EXAMPLE_DOCS = Path(__file__).parent.parent / "example_docs"


def sphinx_build(
    srcdir: Path, outdir: Path, builder: str, *options: str
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", builder, "-q", *options, str(srcdir), str(outdir)],
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture
def docs(tmp_path) -> Path:
    srcdir = tmp_path / "docs"
    shutil.copytree(EXAMPLE_DOCS, srcdir, ignore=shutil.ignore_patterns("_build", "*.mo"))
    return srcdir


@pytest.mark.parametrize("builder", ["html", "latex", "text", "man"])
def test_strict_nitpicky_build_is_clean(docs, tmp_path, builder):
    result = sphinx_build(docs, tmp_path / builder, builder, "-W", "--keep-going", "-n")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


def html_pages(outdir: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(outdir)): path.read_bytes() for path in sorted(outdir.rglob("*.html"))
    }


def test_two_builds_are_byte_identical(docs, tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    for outdir in (first, second):
        assert sphinx_build(docs, outdir, "html", "-E").returncode == 0
    pages = html_pages(first)
    assert len(pages) >= 10
    assert pages == html_pages(second)


def test_parallel_build_gives_the_same_pages(docs, tmp_path):
    serial, parallel = tmp_path / "j1", tmp_path / "j2"
    assert sphinx_build(docs, serial, "html", "-j", "1").returncode == 0
    assert sphinx_build(docs, parallel, "html", "-j", "2").returncode == 0
    assert html_pages(serial) == html_pages(parallel)


def test_indonesian_guide(docs, tmp_path):
    result = sphinx_build(docs, tmp_path / "id", "html", "-D", "language=id")
    assert result.returncode == 0, result.stderr
    index = (tmp_path / "id" / "index.html").read_text(encoding="utf-8")
    for label in (
        "Deskripsi",
        "Ketika Anda Melihatnya",
        "Cara Memperbaiki",
        "Perbedaan Utama",
        "Kapan Menggunakan Yang Mana",
    ):
        assert label in index
    # The guide's own data file is translated by the guide's own catalog.
    data_page = (tmp_path / "id" / "project-data.html").read_text(encoding="utf-8")
    assert "Klien menutup koneksi sebelum idle timeout load balancer berakhir." in data_page
    # A protocol fact the data file rewords (460's retry) is translated by it too.
    assert "Library klien kami mengulangi permintaan" in data_page


def require_latexmk() -> None:
    if not shutil.which("latexmk"):
        if os.environ.get("CI") == "true":
            pytest.fail("latexmk not found (apt-get install latexmk texlive-latex-extra)")
        pytest.skip("latexmk not found")


def test_pdf_compiles_with_fitting_tables_and_links(docs, tmp_path):
    require_latexmk()
    outdir = tmp_path / "latex"
    assert sphinx_build(docs, outdir, "latex", "-W").returncode == 0
    result = subprocess.run(
        [
            "latexmk",
            "-pdf",
            "-interaction=nonstopmode",
            "-halt-on-error",
            "sphinxext-httpstatus.tex",
        ],
        cwd=outdir,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:]
    pdf = (outdir / "sphinxext-httpstatus.pdf").read_bytes()
    assert pdf.startswith(b"%PDF")
    log = (outdir / "sphinxext-httpstatus.log").read_text(encoding="latin-1")
    # Tables fit the page: TeX reports nothing wider than the text block.
    assert "Overfull \\hbox" not in log
    assert "undefined references" not in log
    # Links work: external ones to the RFCs, internal ones to named destinations that exist.
    from pypdf import PdfReader

    reader = PdfReader(outdir / "sphinxext-httpstatus.pdf")
    uris, destinations = set(), set()
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A") or {}
            if "/URI" in action:
                uris.add(str(action["/URI"]))
            if "/D" in action:
                destinations.add(str(action["/D"]))
    assert "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.4" in uris
    # Status references and related-code links jump into the catalog chapter's pages.
    assert len(destinations) >= 20
    assert destinations <= set(reader.named_destinations), destinations - set(
        reader.named_destinations
    )


def test_reader_facing_pages_have_no_repository_paths(docs, tmp_path):
    outdir = tmp_path / "html"
    assert sphinx_build(docs, outdir, "html").returncode == 0
    for name, page in html_pages(outdir).items():
        assert b"example_docs" not in page, name
    # The explanation's lists come from the shipped catalog (example_docs/_ext/catalog_facts.py).
    from sphinxext_httpstatus.datafiles import shipped_catalog

    catalog = shipped_catalog()
    explanation = (outdir / "explanation.html").read_text(encoding="utf-8")
    assert f"These {len(catalog.pairs)} pairs have written notes" in explanation
    for first, second in (sorted(note.codes) for note in catalog.pairs.values()):
        assert f"{first} and {second}" in explanation
    unofficial = [status for status in catalog.codes.values() if status.unofficial]
    assert f"all {len(catalog.codes) - len(unofficial)} codes of the registry" in explanation
    for status in unofficial:
        assert f"{status.unofficial}: " in explanation and str(status.code) in explanation
    # So does the registry's date: the dated copy's own (tools/iana_registry.py refreshes it).
    import yaml

    from sphinxext_httpstatus.datafiles import SHIPPED_DATA_DIR

    registry = SHIPPED_DATA_DIR / "iana" / "http-status-codes.yaml"
    snapshot = yaml.safe_load(registry.read_text(encoding="utf-8"))["snapshot_date"]
    when = f"{snapshot.day} {snapshot:%B %Y}"  # pytest leaves the C locale: English month names
    assert f"as last updated on {when}" in explanation
    # The protocol facts example: wire text as HTTP blocks, the request line kept as written.
    compare = (outdir / "compare.html").read_text(encoding="utf-8")
    assert 'class="httpstatus-example highlight-http notranslate"' in compare
    assert '<span class="nn">/v1/orders</span>' in compare
