"""Files for the world around the package: Read the Docs, pre-commit, the changelog, the README."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import yaml

import sphinxext_httpstatus

ROOT = Path(__file__).parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_read_the_docs_builds_the_guide_with_what_it_needs():
    config = yaml.safe_load((ROOT / ".readthedocs.yaml").read_text(encoding="utf-8"))
    assert config["version"] == 2
    assert config["build"]["os"].startswith("ubuntu-")
    assert config["build"]["tools"]["python"] == "3.12"
    assert config["formats"] == ["pdf"]
    conf = ROOT / config["sphinx"]["configuration"]
    assert conf == ROOT / "example_docs" / "conf.py"
    (install,) = config["python"]["install"]
    assert (install["method"], install["path"]) == ("pip", ".")
    extras = PYPROJECT["project"]["optional-dependencies"]
    requirements = [
        requirement for extra in install["extra_requirements"] for requirement in extras[extra]
    ]
    # Every extension the guide loads comes with the package or from those extras.
    module = ast.parse(conf.read_text(encoding="utf-8"))
    (extensions,) = (
        ast.literal_eval(node.value)
        for node in module.body
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "extensions"
    )
    distributions = {
        "myst_parser": "myst-parser",
        "sphinx_design": "sphinx-design",
        "sphinxcontrib.httpdomain": "sphinxcontrib-httpdomain",
        "sphinxcontrib.openapi": "sphinxcontrib-openapi",
    }
    local = {path.stem for path in (ROOT / "example_docs" / "_ext").glob("*.py")}
    for extension in extensions:
        if extension.startswith(("sphinx.", "sphinxext_httpstatus")) or extension in local:
            continue
        assert any(
            re.match(rf"{distributions[extension]}\b", requirement) for requirement in requirements
        ), extension


def test_pre_commit_hook_runs_the_installed_check(tmp_path):
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "sphinx-httpstatus-check"
    assert hook["language"] == "python"
    assert hook["require_serial"] is True
    command, *arguments = hook["entry"].split()
    assert command in PYPROJECT["project"]["scripts"]
    bad = tmp_path / "api-status.yaml"
    bad.write_text("codes:\n  403:\n    summry: A typo.\n", encoding="utf-8")
    result = subprocess.run(
        [str(Path(sys.executable).with_name(command)), *arguments, str(bad)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stdout.startswith(f"{bad}:3: codes.403.summry: unknown key")


def test_changelog_has_the_current_version_and_unreleased_changes():
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## \[([^\]]+)\]", changelog, flags=re.MULTILINE)
    assert headings[0] == "Unreleased"
    # A version bump comes with its changelog heading.
    assert sphinxext_httpstatus.__version__ in headings
    for heading in headings:
        assert f"\n[{heading}]: https://" in changelog, heading


def test_readme_examples_agree():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = readme[readme.index("```rst") : readme.index("```", readme.index("```rst") + 3)]
    compared = set(re.search(r"http-compare:: (\d+) (\d+)", example).groups())
    referenced = set(re.findall(r":httpcode:`(\d+)`", example))
    assert compared == referenced
    # Enabling the extension adds it to a project's list; it does not replace the list.
    assert 'extensions = ["sphinxext_httpstatus"]' not in readme
    assert re.search(r"extensions = \[\n\s+# .*\n\s+\"sphinxext_httpstatus\",\n\]", readme)
