"""The terminal companion: what the directives show, fitted to the terminal; data file checks."""

from __future__ import annotations

import os
import pty
import re
import struct
import subprocess
import sys
import termios
from fcntl import ioctl
from pathlib import Path

import pytest
from conftest import build, strip_ansi

from sphinxext_httpstatus.cli import display_width, main
from sphinxext_httpstatus.i18n import init_translator
from sphinxext_httpstatus.loader import CODE_FIELDS

BAD_DATA = """\
codes:
  403:
    summry: A typo.
  470:
    description: A new code without its phrase.
pairs:
  - codes: [403, 461]
    key_difference: Names a code nobody added.
"""

GOOD_DATA = """\
codes:
  403:
    description: Our API answers 403 when the key lacks a scope.
  470:
    phrase: Client Closed Connection
    unofficial: AWS Application Load Balancer
    description: The client closed the connection before the load balancer answered.
"""


@pytest.fixture(autouse=True)
def english_afterwards():
    """In-process runs register their language globally; leave English for the next test."""
    yield
    init_translator(None, [])


def run(capsys, monkeypatch, *argv: str, columns: int = 100) -> tuple[int, str, str]:
    monkeypatch.setenv("COLUMNS", str(columns))
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def squash(text: str) -> str:
    return " ".join(text.split())


def is_rule(line: str) -> bool:
    return bool(line.strip()) and set(line.strip()) <= set("+-=| ")


def table_rows(text: str) -> list[list[str]]:
    """The cells of the first grid table in ``text`` (ours or Sphinx's text writer's), joined."""
    rows: list[list[str]] = []
    current: list[list[str]] = []
    started = False
    for line in text.splitlines():
        if " | " not in line and not is_rule(line):
            if started:
                break
            continue
        started = True
        if is_rule(line):
            if current:
                rows.append([squash(" ".join(parts)) for parts in current])
            current = []
            continue
        # Sphinx's rows have bars at both ends; ours only between cells.
        cells = (line.strip()[1:-1] if line.startswith("|") else line).split("|")
        if not current:
            current = [[] for _cell in cells]
        cells += [""] * (len(current) - len(cells))  # an empty last cell loses its trailing bar
        for parts, cell in zip(current, cells, strict=True):
            parts.append(cell)
    if current:
        rows.append([squash(" ".join(parts)) for parts in current])
    return rows


def notes_after_table(text: str, headings: list[str]) -> dict[str, str]:
    """Heading -> paragraph for the notes under a comparison (either format)."""
    found: dict[str, str] = {}
    lines = text.splitlines()
    for index, line in enumerate(lines):
        name = line.strip().removeprefix("-[ ").removesuffix(" ]-")
        if name in headings:
            body: list[str] = []
            for following in lines[index + 1 :]:
                if following.strip() in headings or following.startswith("-["):
                    break
                body.append(following)
            found[name] = squash(" ".join(body))
    return found


def directive_text(project, rst: str, **overrides: object) -> str:
    built = build(project(rst), "text", **overrides)
    # Docutils itself has no Indonesian and says so; nothing else may warn.
    assert all(line.endswith("[docutils]") for line in built.warnings.splitlines())
    return built.read("index.txt")


# --- the same content as the directives ---------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "id"])
def test_comparison_matches_the_directive(project, capsys, monkeypatch, language):
    sphinx_text = directive_text(project, ".. http-compare:: 202 403\n", language=language)
    status, out, err = run(capsys, monkeypatch, "202", "403", "--lang", language)
    assert (status, err) == (0, "")
    ours = table_rows(out)
    assert len(ours) == 5  # Status, Class, Description, When you see it, How to fix
    assert ours == table_rows(sphinx_text)
    assert [row[0] for row in ours][:3] == (
        ["Status", "Class", "Description"] if language == "en" else ["Status", "Kelas", "Deskripsi"]
    )
    labels = (
        ["Key difference", "When to use which"]
        if language == "en"
        else ["Perbedaan Utama", "Kapan Menggunakan Yang Mana"]
    )
    notes = notes_after_table(out, labels)
    assert set(notes) == set(labels)
    assert all(notes.values())
    assert notes == notes_after_table(sphinx_text, labels)
    # The caption is the directive's: its first line is the table's title in Sphinx's output.
    caption = out.split("\n\n")[0]
    assert squash(caption) in squash(sphinx_text)
    assert caption.startswith("Comparison: 202, 403" if language == "en" else "Perbandingan")


def entry_fields(text: str, title: str) -> list[tuple[str, str]]:
    """(label, text) pairs of an entry in our layout: label column, two spaces, value."""
    body = text[text.index(title) + len(title) :]
    fields: list[tuple[str, str]] = []
    for block in body.strip().split("\n\n"):
        labels, values = [], []
        for line in block.splitlines():
            match = re.match(r"^(\S.*?)?\s{2,}(\S.*)$", line)
            assert match, line
            labels.append(match.group(1) or "")
            values.append(match.group(2))
        fields.append((squash(" ".join(labels)), squash(" ".join(values))))
    return fields


def sphinx_entry_fields(text: str) -> list[tuple[str, str]]:
    fields: list[tuple[str, str]] = []
    for line in text.splitlines():
        if re.match(r"^   \S.*:$", line):
            fields.append((line.strip()[:-1], ""))
        elif line.startswith("      ") and fields:
            label, value = fields[-1]
            # Sphinx's text writer also breaks lines after a hyphen ("X-" / "RateLimit").
            following = line.strip().removeprefix("* ")
            joint = "" if value.endswith("-") or following.startswith("-") else " "
            fields[-1] = (label, squash(f"{value}{joint}{following}"))
    return fields


@pytest.mark.parametrize(("code", "language"), [("429", "en"), ("418", "id")])
def test_entry_matches_the_directive(project, capsys, monkeypatch, code, language):
    from sphinxext_httpstatus.datafiles import shipped_catalog

    status = shipped_catalog().codes[int(code)]
    sphinx_text = directive_text(project, f".. http-status:: {code}\n", language=language)
    exit_status, out, err = run(capsys, monkeypatch, code, "--lang", language)
    assert (exit_status, err) == (0, "")
    assert out.startswith(status.label + "\n")
    ours = entry_fields(out, status.label)
    theirs = sphinx_entry_fields(sphinx_text)
    assert len(ours) >= 6
    # The same fields in the same order; a terminal adds the specification's address.
    assert [label for label, _text in ours] == [label for label, _text in theirs]
    for (label, text), (_label, sphinx) in zip(ours, theirs, strict=True):
        assert text == (f"{sphinx} {status.spec_url}" if sphinx == status.spec else sphinx), label


def test_more_than_two_codes_give_a_note_per_pair(capsys, monkeypatch):
    status, out, _err = run(capsys, monkeypatch, "401,403", "404", "--fields", "class")
    assert status == 0
    assert [row[1:] for row in table_rows(out)] == [
        ["401 Unauthorized", "403 Forbidden", "404 Not Found"],
        ["4xx Client Error"] * 3,
    ]
    assert "Key difference" not in out
    status, out, _err = run(
        capsys, monkeypatch, "401", "403", "404", "--fields", "status,key-difference"
    )
    assert len(table_rows(out)) == 1
    for pair in ("401 Unauthorized and 403 Forbidden:", "403 Forbidden and 404 Not Found:"):
        assert f"- {pair}" in out


def test_project_data_is_included(tmp_path, capsys, monkeypatch):
    data = tmp_path / "codes.yaml"
    data.write_text(GOOD_DATA, encoding="utf-8")
    status, out, err = run(capsys, monkeypatch, "403", "470", "--data", str(data))
    assert (status, err) == (0, "")
    rows = {row[0]: row[1:] for row in table_rows(out)}
    assert rows["Status"] == [
        "403 Forbidden",
        "470 Client Closed Connection Unofficial, not in the IANA registry; "
        "used by AWS Application Load Balancer.",
    ]
    assert rows["Description"][0] == "Our API answers 403 when the key lacks a scope."
    # Without the file the project's code does not exist.
    status, out, err = run(capsys, monkeypatch, "470")
    assert (status, out) == (2, "")
    assert err.startswith("sphinx-httpstatus: error: unknown HTTP status code 470")


def test_problems_in_project_data_are_warnings(tmp_path, capsys, monkeypatch):
    data = tmp_path / "codes.yaml"
    data.write_text(BAD_DATA, encoding="utf-8")
    status, out, err = run(capsys, monkeypatch, "403", "--data", str(data))
    assert status == 0
    assert out.startswith("403 Forbidden")
    assert f"sphinx-httpstatus: warning: {data}:3: codes.403.summry: unknown key" in err


def test_data_cannot_send_escape_sequences_to_the_terminal(tmp_path, capsys, monkeypatch):
    data = tmp_path / "codes.yaml"
    data.write_text(
        'codes:\n  403:\n    description: "Red \\e[31malert\\e]0;title\\a and \\u202eevil"\n',
        encoding="utf-8",
    )
    for argv in (["403"], ["401", "403"], ["401", "403", "--fields", "description"]):
        status, out, _err = run(capsys, monkeypatch, *argv, "--data", str(data))
        assert status == 0
        assert "\x1b" not in out and "\a" not in out and "\u202e" not in out
        assert "Red \ufffd[31malert\ufffd]0;title\ufffd and \ufffdevil" in squash(out)


# --- fitting the terminal -------------------------------------------------------------------------


@pytest.mark.parametrize("columns", [30, 45, 60, 80, 120, 200])
@pytest.mark.parametrize(
    "argv",
    [
        ["202", "403"],
        ["401", "403", "404", "--fields", "class,spec,key_difference"],
        ["429"],
        ["418", "--lang", "ja"],
        ["401", "403", "--lang", "zh_CN"],
    ],
)
def test_output_fits_the_width(capsys, monkeypatch, argv, columns):
    status, out, _err = run(capsys, monkeypatch, *argv, columns=columns)
    assert status == 0
    lines = out.splitlines()
    assert max(display_width(line) for line in lines) <= columns
    # Wide terminals get side-by-side columns; narrow ones one block per field.
    compared = len(argv) > 1 and argv[1].isdigit()
    if compared and columns >= 120:
        assert table_rows(out)
    if compared and columns <= 30:
        assert not table_rows(out)
        assert any(line.startswith("- 403 Forbidden: ") for line in lines)


def test_wide_characters_count_double():
    assert display_width("403 禁止") == 8
    assert display_width("e\u0301") == 1


def test_piped_output_is_plain_text():
    result = subprocess.run(
        [sys.executable, "-m", "sphinxext_httpstatus", "202", "403"],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "COLUMNS": "90"},
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert "\x1b" not in result.stdout
    assert result.stdout.startswith("Comparison: 202, 403\n")
    assert max(len(line) for line in result.stdout.splitlines()) <= 90


def test_a_terminal_gets_bold_headings_and_its_own_width():
    controller, terminal = pty.openpty()
    ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 72, 0, 0))
    env = {key: value for key, value in os.environ.items() if key not in ("COLUMNS", "NO_COLOR")}
    process = subprocess.Popen(
        [sys.executable, "-m", "sphinxext_httpstatus", "202", "403"],
        stdout=terminal,
        stderr=subprocess.PIPE,
        env={**env, "TERM": "xterm"},
    )
    os.close(terminal)
    output = b""
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # the terminal closes when the program exits
            break
        if not chunk:
            break
        output += chunk
    os.close(controller)
    assert process.wait(timeout=60) == 0
    text = output.decode()
    assert "\x1b[1mComparison: 202, 403\x1b[0m" in text
    plain = strip_ansi(text).replace("\r\n", "\n")
    assert max(len(line) for line in plain.splitlines()) <= 72
    assert max(len(line) for line in plain.splitlines()) > 60  # it used the width it had


def test_console_script_is_installed():
    script = Path(sys.executable).with_name("sphinx-httpstatus")
    result = subprocess.run([str(script), "429"], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("429 Too Many Requests\n")


# --- checking data files ----------------------------------------------------------------------


def test_check_reports_every_problem_with_its_line(tmp_path, capsys, monkeypatch):
    bad = tmp_path / "bad.yaml"
    bad.write_text(BAD_DATA, encoding="utf-8")
    status, out, err = run(capsys, monkeypatch, "check", str(bad))
    assert (status, err) == (1, "")
    assert out.splitlines() == [
        f"{bad}:3: codes.403.summry: unknown key; expected one of: {', '.join(CODE_FIELDS)}",
        f"{bad}:4: codes.470: a new status code needs a 'phrase'",
        f"{bad}:7: pairs: unknown status code 461 (add it under 'codes' first)",
    ]


def test_check_passes_good_files_together(tmp_path, capsys, monkeypatch):
    codes = tmp_path / "codes.yaml"
    codes.write_text(GOOD_DATA, encoding="utf-8")
    pairs = tmp_path / "pairs.yaml"
    pairs.write_text("pairs:\n  - codes: [403, 470]\n    key_difference: Policy or impatience.\n")
    status, out, _err = run(capsys, monkeypatch, "check", str(codes), str(pairs))
    assert (status, out) == (0, "checked 2 data files: no problems\n")
    # Alone, the pair note names a code that no file adds.
    status, out, _err = run(capsys, monkeypatch, "check", str(pairs))
    assert status == 1
    assert out == f"{pairs}:2: pairs: unknown status code 470 (add it under 'codes' first)\n"


def test_check_reports_broken_yaml(tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("codes:\n  403: [\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "sphinxext_httpstatus", "check", str(broken)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert re.fullmatch(rf"{re.escape(str(broken))}:3: invalid YAML: .+\n", result.stdout)


def test_the_example_guide_data_is_valid(capsys, monkeypatch):
    guide = Path(__file__).parent.parent / "example_docs" / "api-status.yaml"
    assert run(capsys, monkeypatch, "check", str(guide))[0] == 0


# --- errors ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        ([], "the following arguments are required: CODE"),
        (["99"], "'99' is not an HTTP status code (expected 100-599)"),
        (["4O4"], "'4O4' is not an HTTP status code (expected 100-599)"),
        (["299"], "unknown HTTP status code 299; add it with --data FILE"),
        (["403", "403"], "status code 403 is listed twice"),
        (["403", "--fields", "class"], "--fields applies to comparisons of two or more codes"),
        (["401", "403", "--fields", "class,colour"], "unknown field 'colour'; expected some of:"),
        (["403", "--lang", "xx"], "no translation for 'xx'; shipped: de, es, fr, id, ja"),
        (["403", "--data", "missing.yaml"], "--data missing.yaml: no such file"),
        (["403", "--locale-dir", "missing"], "--locale-dir missing: no such directory"),
        (["403", "--colour"], "unrecognized arguments: --colour"),
        (["check"], "the following arguments are required: FILE.yaml"),
        (["check", "missing.yaml"], "check: missing.yaml: no such file"),
    ],
)
def test_errors_are_one_line_with_status_2(tmp_path, argv, message):
    result = subprocess.run(
        [sys.executable, "-m", "sphinxext_httpstatus", *argv],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"sphinx-httpstatus: error: {message}")
