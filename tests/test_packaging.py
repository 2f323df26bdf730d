"""The release files: an sdist and a wheel that PyPI accepts and that carry everything needed."""

from __future__ import annotations

import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).parent.parent
LANGUAGES = ("de", "es", "fr", "id", "ja", "pt_BR", "zh_CN")


@pytest.fixture(scope="module")
def release_python(tmp_path_factory) -> str:
    """A venv of its own with the "release" extra (build, twine), away from the test venv."""
    venv = tmp_path_factory.mktemp("release-venv")
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = str(venv / "bin" / "python")
    result = subprocess.run(
        [python, "-m", "pip", "install", "-q", "build>=1.2", "twine>=5.1"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return python


@pytest.fixture(scope="module")
def dist(tmp_path_factory, release_python) -> Path:
    """``python -m build``: the sdist, then the wheel built from that sdist (as pip would)."""
    outdir = tmp_path_factory.mktemp("dist")
    result = subprocess.run(
        [release_python, "-m", "build", "--outdir", str(outdir), str(ROOT)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return outdir


def test_twine_accepts_both(dist, release_python):
    files = sorted(dist.iterdir())
    assert sorted(path.suffix for path in files) == [".gz", ".whl"]
    result = subprocess.run(
        [release_python, "-m", "twine", "check", "--strict", *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("PASSED") == 2


def test_wheel_carries_translations_data_and_the_command(dist):
    (wheel,) = dist.glob("sphinxext_httpstatus-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for language in LANGUAGES:
        assert (
            f"sphinxext_httpstatus/locale/{language}/LC_MESSAGES/sphinxext_httpstatus.mo" in names
        )
    shipped = {path.name for path in (ROOT / "sphinxext_httpstatus" / "data").glob("*.yaml")}
    assert shipped
    assert {f"sphinxext_httpstatus/data/{name}" for name in shipped} <= names
    assert "sphinxext_httpstatus/data/catalog.json" in names  # installs load it, not the YAML
    assert {"sphinxext_httpstatus/static/httpstatus.css", "sphinxext_httpstatus/cli.py"} <= names
    assert not any(name.startswith(("tests/", "example_docs/")) for name in names)
    (entry_points,) = (name for name in names if name.endswith(".dist-info/entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "sphinx-httpstatus = sphinxext_httpstatus.cli:main" in text
    (metadata,) = (name for name in names if name.endswith(".dist-info/METADATA"))
    metadata_text = zipfile.ZipFile(wheel).read(metadata).decode()
    assert "Requires-Dist: sphinx>=7.4\n" in metadata_text  # a lower bound, no upper one
    assert "Classifier: Programming Language :: Python :: 3.13" in metadata_text


def test_sdist_carries_the_tests_and_the_guide(dist):
    (sdist,) = dist.glob("sphinxext_httpstatus-*.tar.gz")
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    for name in (
        "CHANGELOG.md",
        "README.md",
        "tests/test_cli.py",
        "example_docs/conf.py",
        "sphinxext_httpstatus/locale/id/LC_MESSAGES/sphinxext_httpstatus.mo",
    ):
        assert name in names, name
