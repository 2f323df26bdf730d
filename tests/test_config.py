"""Slips in conf.py: one located ``[httpstatus.config]`` warning each, then a value that works."""

from __future__ import annotations

import re

import pytest
from conftest import build, link_to

PAGE = "Page\n====\n\n:httpcode:`429`\n\n.. http-compare:: 401 403\n"
SPEC_429 = "https://www.rfc-editor.org/rfc/rfc6585#section-4"


def config_warnings(warnings: str) -> list[str]:
    return [line for line in warnings.splitlines() if "[httpstatus.config]" in line]


@pytest.mark.parametrize(
    ("line", "shown"),
    [
        ("httpstatus_fallback_url = True", "True (bool)"),
        ("httpstatus_fallback_url = 5", "5 (int)"),
        ('httpstatus_fallback_url = ["spec"]', "['spec'] (list)"),
        ('httpstatus_fallback_url = "mdn"', "'mdn' has no {code}"),
        ('httpstatus_fallback_url = "https://example.org/{status}"', "is not a URL template"),
    ],
)
def test_wrong_fallback_url_warns_once_and_links_the_spec(project, line, shown):
    srcdir = project(PAGE, conf=f"# a comment\n{line}\n")
    built = build(srcdir)
    found = config_warnings(built.warnings)
    assert len(found) == 1, built.warnings
    # Located at the assignment in conf.py (line 4: the fixture writes two lines, then our comment).
    assert found[0].startswith(f"{srcdir / 'conf.py'}:4: WARNING: httpstatus_fallback_url: ")
    assert shown in found[0]
    assert "using 'spec' instead" in found[0]
    # Ours is the one message: Sphinx's own type warning does not repeat it.
    assert "has type" not in built.warnings
    assert "Traceback" not in built.warnings
    assert link_to(built.read("index.html"), SPEC_429)["text"] == "429 Too Many Requests"


@pytest.mark.parametrize("value", ["None", "False", '""'])
def test_fallback_url_off_is_plain_text_without_warning(project, value):
    built = build(project(PAGE, conf=f"httpstatus_fallback_url = {value}\n"))
    assert built.warnings == ""
    assert SPEC_429 not in built.read("index.html")
    assert "429 Too Many Requests" in built.read("index.html")


@pytest.mark.parametrize(("value", "shown"), [("None", "None (NoneType)"), ("5", "5 (int)")])
def test_wrong_compare_fields_use_the_default(project, value, shown):
    built = build(project(PAGE, conf=f"httpstatus_compare_fields = {value}\n"))
    found = config_warnings(built.warnings)
    assert len(found) == 1, built.warnings
    assert f"httpstatus_compare_fields: expected a list of field names, got {shown}" in found[0]
    assert "has type" not in built.warnings
    html = built.read("index.html")
    labels = re.findall(r'<th[^>]*class="stub"[^>]*>\s*<p>([^<]+)</p>', html)
    assert labels == ["Class", "Description", "When you see it", "How to fix"]


def test_compare_fields_as_one_string(project):
    built = build(project(PAGE, conf='httpstatus_compare_fields = "class, how_to_fix"\n'))
    assert built.warnings == ""
    labels = re.findall(r'<th[^>]*class="stub"[^>]*>\s*<p>([^<]+)</p>', built.read("index.html"))
    assert labels == ["Class", "How to fix"]


def test_wrong_data_files_use_none(project):
    srcdir = project(PAGE, conf="httpstatus_data_files = 5\n")
    built = build(srcdir)
    found = config_warnings(built.warnings)
    assert len(found) == 1, built.warnings
    assert found[0].startswith(f"{srcdir / 'conf.py'}:3: WARNING: httpstatus_data_files: ")
    assert "expected a list of file names, got 5 (int); using [] instead" in found[0]
    assert "has type" not in built.warnings
    assert "429 Too Many Requests" in built.read("index.html")


@pytest.mark.parametrize(
    ("line", "name", "shown"),
    [
        ('httpstatus_tooltips = "no"', "httpstatus_tooltips", "'no' (str)"),
        ('httpstatus_httpdomain = "false"', "httpstatus_httpdomain", "'false' (str)"),
        ("httpstatus_code_blocks = 0", "httpstatus_code_blocks", "0 (int)"),
        ('httpstatus_check_prose = "yes"', "httpstatus_check_prose", "'yes' (str)"),
    ],
)
def test_switches_of_the_wrong_type_use_their_default(project, line, name, shown):
    # A string would otherwise count as true in one place and false in another.
    built = build(project(PAGE, conf=line + "\n"))
    found = config_warnings(built.warnings)
    assert len(found) == 1, built.warnings
    assert re.search(rf"conf.py:3: WARNING: {name}: expected True or False, got ", found[0])
    assert shown in found[0]
    assert "has type" not in built.warnings
    # The default is what the build then uses: tooltips on, so the script is loaded.
    assert "_static/httpstatus.js" in built.read("index.html")
