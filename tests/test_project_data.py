"""A project's own codes, wording and pair notes (httpstatus_data_files)."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from conftest import build, link_to, links

DATA = """\
codes:
  403:
    summary: The key lacks the billing scope.
    description: Our API answers 403 when the key lacks a scope.
    when_you_see_it: Calling billing endpoints with a read-only key.
    how_to_fix: Ask an administrator to grant the key the billing scope.
  470:
    phrase: Client Closed Connection
    unofficial: AWS Application Load Balancer
    description: The client closed the connection before the load balancer answered.
    when_you_see_it: In load balancer logs of slow endpoints.
    how_to_fix: Raise the client timeout or make the operation asynchronous.
pairs:
  - codes: [403, 470]
    key_difference: 403 is an answer; 470 is a hang-up.
    when_to_use_which: Read 403 as policy and 470 as impatience.
  - codes: [202, 403]
    key_difference: Our own note on 202 and 403.
"""

PAGE = """\
Data
====

.. http-compare:: 403 470

.. http-compare:: 202 403

See :httpcode:`470`.

.. http-status:: 470
"""


def data_project(project, data: str = DATA, page: str = PAGE, **files: str) -> Path:
    return project(
        page, conf='httpstatus_data_files = ["codes.yaml"]\n', **files, **{"codes.yaml": data}
    )


def cells(html: str, anchor: str) -> str:
    table = html[html.index(f'id="{anchor}"') :]
    return " ".join(re.sub(r"<[^>]+>", " ", table[: table.index("</table>")]).split())


def test_added_code_overrides_and_pair_notes(project):
    built = build(data_project(project))
    assert built.warnings == ""
    html = built.read("index.html")
    first = cells(html, "httpstatus-compare-403-470")
    # Every overridden field of 403, and the new code with its phrase and texts.
    for text in (
        "Our API answers 403 when the key lacks a scope.",
        "Calling billing endpoints with a read-only key.",
        "Ask an administrator to grant the key the billing scope.",
        "470 Client Closed Connection",
        "The client closed the connection before the load balancer answered.",
        "Unofficial, not in the IANA registry; used by AWS Application Load Balancer.",
    ):
        assert text in first, text
    assert "The server understood the request and has decided" not in first
    # The class of a new code follows from its number.
    assert "4xx Client Error" in first
    assert "403 is an answer; 470 is a hang-up." in html
    assert "Read 403 as policy and 470 as impatience." in html
    # A partial override of a shipped pair note keeps the other shipped text.
    after = html[html.index('id="httpstatus-compare-202-403"') :]
    assert "Our own note on 202 and 403." in after
    assert "Check authorization before you queue any work" in after
    # The role and its tooltip use the project's wording; the summary override reaches it too.
    assert link_to(html, "#httpstatus-470")["text"] == "470 Client Closed Connection"
    tooltip = next(link for link in links(html) if link["text"] == "403 Forbidden")["title"]
    assert tooltip == "403 Forbidden (4xx Client Error): The key lacks the billing scope."


def test_shipped_fields_not_overridden_stay(project):
    data = "codes:\n  404:\n    how_to_fix: Check the item id in our dashboard.\n"
    html = build(data_project(project, data, ".. http-compare:: 404 410\n")).read("index.html")
    table = cells(html, "httpstatus-compare-404-410")
    assert "Check the item id in our dashboard." in table
    assert "404 Not Found" in table
    assert "4xx Client Error" in table
    from sphinxext_httpstatus.datafiles import shipped_catalog

    assert shipped_catalog().codes[404].description in table


INVALID = {
    "syntax": ("codes:\n  403:\n    phrase: [unclosed\n", 4, "", "invalid YAML"),
    "type": (
        "codes:\n  403:\n    description: 42\n",
        3,
        "codes.403.description",
        "must be a non-empty string",
    ),
    "range": (
        "codes:\n  600:\n    phrase: Too Far\n",
        2,
        "codes.600",
        "a status code must be an integer from 100 to 599",
    ),
    "phrase": (
        "codes:\n  461:\n    description: No phrase here.\n",
        2,
        "codes.461",
        "a new status code needs a 'phrase'",
    ),
    "typo": (
        "codes:\n  403:\n    descripton: Typo.\n",
        3,
        "codes.403.descripton",
        "unknown key; expected one of: phrase",
    ),
    "top": ("code:\n  403: {}\n", 1, "code", "unknown key; expected one of: codes, pairs"),
    "pair": (
        "pairs:\n  - codes: [403]\n    key_difference: One code.\n",
        2,
        "pairs[0].codes",
        "must name exactly two different codes",
    ),
    "duplicate": (
        "codes:\n  403:\n    summary: A.\n  403:\n    summary: B.\n",
        4,
        "403",
        "this key appears more than once",
    ),
}


@pytest.mark.parametrize("case", sorted(INVALID))
def test_invalid_file_is_reported_with_file_line_and_key(project, case):
    data, line, key, message = INVALID[case]
    srcdir = data_project(project, data, "Page\n====\n\nStill :httpcode:`403`.\n")
    built = build(srcdir)
    location = re.escape(f"{srcdir / 'codes.yaml'}:{line}")
    pattern = rf"{location}: WARNING: {re.escape(key or 'data')}: {re.escape(message)}"
    assert re.search(pattern, built.warnings), built.warnings
    assert "[httpstatus.data]" in built.warnings
    assert "Traceback" not in built.warnings
    # The rest of the build is intact.
    assert "403 Forbidden" in built.read("index.html")


def test_all_problems_of_all_files_in_one_build(project):
    srcdir = project(
        "Page\n====\n\n:httpcode:`470`\n",
        conf='httpstatus_data_files = ["a.yaml", "b.yaml"]\n',
        **{
            "a.yaml": "codes:\n  403:\n    colour: red\n  470:\n"
            "    phrase: Client Closed Connection\n    related: [1000]\n",
            "b.yaml": "pairs:\n  - codes: [403, 461]\n    key_difference: x.\n"
            "codes:\n  99:\n    phrase: Low\n",
        },
    )
    built = build(srcdir)
    found = re.findall(r"(\w\.yaml):(\d+): WARNING: (\S+):", built.warnings)
    assert sorted(found) == sorted(
        [
            ("a.yaml", "3", "codes.403.colour"),
            ("a.yaml", "6", "codes.470.related"),
            ("b.yaml", "5", "codes.99"),
            ("b.yaml", "2", "pairs"),
        ]
    )
    # What was valid still counts: 470 was added despite the bad "related".
    assert "470 Client Closed Connection" in built.read("index.html")


def test_missing_data_file_is_a_config_warning(project):
    srcdir = project("Page\n====\n", conf='httpstatus_data_files = ["nope.yaml"]\n')
    warnings = build(srcdir).warnings
    assert "httpstatus_data_files: nope.yaml does not exist" in warnings
    assert "Traceback" not in warnings


RECORDING_CONF = """\
extensions = ["sphinxext_httpstatus"]
project = "Inc"
httpstatus_data_files = ["codes.yaml"]


def setup(app):
    def record(app, env, docnames):
        with open(app.srcdir / "read.log", "a") as log:
            log.write(" ".join(sorted(docnames)) + "\\n")
    app.connect("env-before-read-docs", record)
"""


def test_incremental_rebuilds(tmp_path):
    srcdir = tmp_path / "inc"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text(RECORDING_CONF, encoding="utf-8")
    (srcdir / "codes.yaml").write_text(DATA, encoding="utf-8")
    (srcdir / "index.rst").write_text(
        "Index\n=====\n\n.. toctree::\n\n   uses\n   role\n   plain\n", encoding="utf-8"
    )
    (srcdir / "uses.rst").write_text("Uses\n====\n\n.. http-compare:: 403 470\n")
    (srcdir / "role.rst").write_text("Role\n====\n\n:httpcode:`470`\n")
    (srcdir / "plain.rst").write_text("Plain\n=====\n\nNo status codes.\n")
    log = srcdir / "read.log"

    def reads() -> list[str]:
        lines = log.read_text().splitlines()
        log.unlink()
        return lines

    build(srcdir, freshenv=True)
    assert reads() == ["index plain role uses"]
    # Nothing changed: nothing is read again, and the pickled environment loads cleanly.
    built = build(srcdir, freshenv=False)
    assert reads() == [""]
    assert built.warnings == ""
    # Touch an unrelated page: only that page. (Sphinx compares modification times with the
    # time it last read each page, so a real write is enough.)
    time.sleep(0.01)
    (srcdir / "plain.rst").write_text("Plain\n=====\n\nStill no status codes.\n")
    build(srcdir, freshenv=False)
    assert reads() == ["plain"]
    # Edit the data file: exactly the pages that use the extension, with the new text.
    (srcdir / "codes.yaml").write_text(DATA.replace("Client Closed Connection", "Client Gone"))
    build(srcdir, freshenv=False)
    assert reads() == ["role uses"]
    assert "470 Client Gone" in (srcdir / "_build/html/role.html").read_text()


def test_a_single_file_name_as_string_still_works(project):
    srcdir = project(
        ".. http-compare:: 403 470\n",
        conf='httpstatus_data_files = "codes.yaml"\n',
        **{"codes.yaml": DATA},
    )
    built = build(srcdir)
    assert "470 Client Closed Connection" in built.read("index.html")
    assert "does not exist" not in built.warnings
