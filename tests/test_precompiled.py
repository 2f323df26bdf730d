"""The precompiled copy of the shipped catalog: fresh, equal to the YAML, ignored when stale."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

from sphinxext_httpstatus import precompiled
from sphinxext_httpstatus.datafiles import (
    SHIPPED_DATA_DIR,
    catalog_in,
    data_sources,
    parse_catalog,
    shipped_catalog,
)

ROOT = Path(__file__).resolve().parent.parent


def test_the_committed_copy_matches_the_yaml():
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "precompile.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    sources = data_sources(SHIPPED_DATA_DIR)
    loaded = precompiled.load(SHIPPED_DATA_DIR / precompiled.FILE_NAME, sources)
    assert loaded is not None
    parsed = parse_catalog(sources)
    # Field by field, including tuples (related, former_phrases) and the registry dates.
    assert dict(loaded.codes) == dict(parsed.codes)
    assert dict(loaded.pairs) == dict(parsed.pairs)
    assert dict(shipped_catalog().codes) == dict(parsed.codes)


def _data_copy(tmp_path: Path) -> Path:
    directory = tmp_path / "data"
    shutil.copytree(SHIPPED_DATA_DIR, directory)
    return directory


def test_an_edited_yaml_file_wins_over_a_stale_copy(tmp_path):
    directory = _data_copy(tmp_path)
    path = directory / "status-4xx.yaml"
    text = path.read_text(encoding="utf-8")
    old = shipped_catalog().codes[418].summary
    first_words = " ".join(old.split()[:3])
    assert first_words in text
    path.write_text(text.replace(first_words, "Edited: " + first_words, 1), encoding="utf-8")
    assert catalog_in(directory).codes[418].summary.startswith("Edited: ")


def test_a_checkout_with_crlf_line_endings_still_uses_the_copy(tmp_path):
    directory = _data_copy(tmp_path)
    for path in data_sources(directory):
        path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    copy = directory / precompiled.FILE_NAME
    assert precompiled.load(copy, data_sources(directory)) is not None
    # ... and still not when the text itself differs.
    path = directory / "pairs.yaml"
    path.write_bytes(path.read_bytes() + b"\r\n")
    assert precompiled.load(copy, data_sources(directory)) is None


def test_a_broken_copy_is_ignored(tmp_path):
    directory = _data_copy(tmp_path)
    copy = directory / precompiled.FILE_NAME
    data = json.loads(copy.read_text(encoding="utf-8"))
    data["codes"][0]["no_such_field"] = "x"  # digest still matches: the record is what is wrong
    copy.write_text(json.dumps(data), encoding="utf-8")
    assert catalog_in(directory).codes == shipped_catalog().codes
    copy.write_text("{not json", encoding="utf-8")
    assert catalog_in(directory).codes == shipped_catalog().codes
    copy.unlink()
    assert catalog_in(directory).codes == shipped_catalog().codes


BUILD = textwrap.dedent("""\
    import sys
    from sphinx.cmd.build import main
    status = main(["-q", "-b", "html", sys.argv[1], sys.argv[2]])
    print(status, "yaml" in sys.modules)
""")


def test_a_build_without_project_data_never_imports_pyyaml(tmp_path):
    def build(conf: str) -> str:
        srcdir = tmp_path / str(len(list(tmp_path.iterdir())))
        srcdir.mkdir()
        (srcdir / "conf.py").write_text(
            'extensions = ["sphinxext_httpstatus"]\n' + conf, encoding="utf-8"
        )
        (srcdir / "own.yaml").write_text("codes:\n  299:\n    phrase: Own\n", encoding="utf-8")
        (srcdir / "index.rst").write_text("Title\n=====\n\n:httpcode:`404`\n", encoding="utf-8")
        result = subprocess.run(
            [sys.executable, "-c", BUILD, str(srcdir), str(srcdir / "_build")],
            capture_output=True,
            text=True,
            check=False,
            cwd=tmp_path,
        )
        assert result.returncode == 0, result.stderr
        html = (srcdir / "_build" / "index.html").read_text(encoding="utf-8")
        assert "404 Not Found" in html
        return result.stdout.strip().splitlines()[-1]

    assert build("") == "0 False"
    # The same check sees PyYAML when a project's own file needs it.
    assert build('httpstatus_data_files = ["own.yaml"]\n') == "0 True"
