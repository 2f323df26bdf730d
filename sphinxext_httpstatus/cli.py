"""The terminal companion: ``sphinx-httpstatus`` (also ``python -m sphinxext_httpstatus``).

It shows what the directives show, for a reader who is not in a docs build: the same records,
field lists, labels and translations, only laid out as text that fits the terminal. Data files are
checked with the loader that builds use, so a pre-commit hook and a build report the same problems.
"""

from __future__ import annotations

import argparse
import gettext
import os
import shutil
import sys
import unicodedata
from collections.abc import Sequence
from itertools import combinations
from pathlib import Path
from typing import NoReturn, TextIO

from . import __version__, render
from .catalog import FACT_FIELDS, WIRE_FIELDS, Catalog, StatusCode
from .compare import (
    ALL_FIELDS,
    DEFAULT_FIELDS,
    NOTE_FIELDS,
    caption_text,
    pair_heading,
    split_fields,
    split_words,
)
from .datafiles import project_catalog, shipped_catalog
from .entries import ENTRY_FIELDS, REGISTRY_LABEL, RELATED_LABEL
from .i18n import CATALOG, PACKAGE_LOCALE_DIR, _, init_translator
from .loader import merge, read_data_file
from .usage import parse_code

PROG = "sphinx-httpstatus"
MIN_WIDTH = 20  # below this nothing is readable; lines may then run past the edge
MIN_COLUMN = 14  # a comparison column narrower than this stacks the codes instead


class UsageError(Exception):
    """A bad command line: reported in one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # argparse would print the whole usage
        raise UsageError(message)


def _show_parser() -> _Parser:
    parser = _Parser(
        prog=PROG,
        usage="%(prog)s CODE [CODE ...] [options]\n       %(prog)s check FILE.yaml [FILE.yaml ...]",
        description="Explain one HTTP status code, or compare two or more, the way the "
        "sphinxext-httpstatus directives do. 'sphinx-httpstatus check FILE.yaml ...' "
        "validates project data files.",
        epilog="examples: sphinx-httpstatus 429 | sphinx-httpstatus 401 403 --lang id | "
        "sphinx-httpstatus check docs/api-status.yaml",
    )
    parser.add_argument("codes", nargs="+", metavar="CODE", help="status codes, e.g. 401 403")
    parser.add_argument(
        "--fields",
        action="append",
        metavar="FIELDS",
        help="comparison rows and notes, comma-separated, as the directive's :fields: option "
        f"(default: {', '.join(DEFAULT_FIELDS)}; all: {', '.join(ALL_FIELDS)})",
    )
    _add_common_options(parser)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def _add_common_options(parser: _Parser) -> None:
    parser.add_argument(
        "--data",
        action="append",
        default=[],
        metavar="FILE",
        help="a project data file (as in httpstatus_data_files); repeat for several",
    )
    parser.add_argument("--lang", metavar="LANG", help="language of the texts, e.g. id or pt_BR")
    parser.add_argument(
        "--locale-dir",
        action="append",
        default=[],
        metavar="DIR",
        help="a project's locale directory (as in locale_dirs) with translations of its data",
    )


def _check_parser() -> _Parser:
    parser = _Parser(
        prog=f"{PROG} check",
        description="Validate project data files the way a build does; prints "
        "'file:line: key: reason' for every problem and exits 1 if there are any. Give all "
        "files that belong together, in the order of httpstatus_data_files.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE.yaml")
    return parser


# --- text layout -------------------------------------------------------------------------------


def display_width(text: str) -> int:
    """Terminal columns: East Asian wide characters take two, combining marks none."""
    return sum(
        0 if unicodedata.combining(char) else 2 if unicodedata.east_asian_width(char) in "WF" else 1
        for char in text
    )


def _cut(word: str, width: int) -> tuple[str, str]:
    used = 0
    for index, char in enumerate(word):
        used += display_width(char)
        if used > width and index:
            return word[:index], word[index:]
    return word, ""


# Bidirectional embeddings, overrides and isolates: they could reorder what the reader sees.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def printable(text: str) -> str:
    """Text from data files as harmless characters: no escape sequences reach the terminal."""
    return "".join(
        "\ufffd" if unicodedata.category(char) == "Cc" or char in _BIDI_CONTROLS else char
        for char in text
    )


def wrap(text: str, width: int) -> list[str]:
    """Wrap at spaces; break words wider than a line anywhere (Chinese and Japanese have none)."""
    text = printable(text)  # every text passes through here on its way out
    width = max(width, 1)
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if display_width(candidate) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        while display_width(word) > width:
            head, word = _cut(word, width)
            lines.append(head)
        line = word
    if line:
        lines.append(line)
    return lines or [""]


def _pad(text: str, width: int) -> str:
    return text + " " * max(width - display_width(text), 0)


class Output:
    """Where the text goes: its width, and bold headings only on a terminal that wants them."""

    def __init__(self, stream: TextIO, width: int | None = None) -> None:
        self.stream = stream
        self.width = max(width or shutil.get_terminal_size().columns, MIN_WIDTH)
        self.styled = (
            stream.isatty() and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"
        )

    def bold(self, text: str) -> str:
        return f"\x1b[1m{text}\x1b[0m" if self.styled and text else text

    def write(self, lines: Sequence[str]) -> None:
        for line in lines:
            print(line.rstrip(), file=self.stream)


Cell = list[str]  # paragraphs


def _cell_lines(cell: Cell, width: int) -> list[str]:
    return [line for paragraph in cell for line in wrap(paragraph, width)]


# --- the two views -----------------------------------------------------------------------------


def _status_cell(status: StatusCode) -> Cell:
    note = render.registry_note(status)
    return [status.label, note] if note else [status.label]


def _spec_cell(status: StatusCode) -> Cell:
    # The directive links the specification's name; a terminal shows the address after it.
    return [part for part in (status.spec, status.spec_url) if part] or [""]


def _field_cell(status: StatusCode, field: str) -> Cell:
    return _spec_cell(status) if field == "spec" else [render.field_text(status, field)]


def comparison(
    catalog: Catalog, statuses: list[StatusCode], fields: Sequence[str], out: Output
) -> list[str]:
    """The ``http-compare`` directive's table and notes, as text lines."""
    rows, notes, _unknown = split_fields(fields)
    table = [(render.field_label("status"), [_status_cell(status) for status in statuses])]
    table += [
        (render.field_label(field), [_field_cell(status, field) for status in statuses])
        for field in rows
    ]
    lines = [out.bold(line) for line in wrap(caption_text(statuses), out.width)]
    lines.append("")
    label_width = min(max(display_width(label) for label, _cells in table), max(10, out.width // 5))
    column = (out.width - label_width - 3 * len(statuses)) // len(statuses)
    if column >= MIN_COLUMN:
        lines += _grid(table, label_width, column, out)
    else:
        lines += _stacked(table, out)
    pairs = list(combinations(statuses, 2))
    texts = [render.pair_texts(catalog, first, second) for first, second in pairs]
    for field in notes:
        index = NOTE_FIELDS.index(field)
        lines += ["", out.bold(render.field_label(field))]
        if len(pairs) == 1:
            lines += wrap(texts[0][index], out.width)
            continue
        for (first, second), pair_text in zip(pairs, texts, strict=True):
            text = f"{pair_heading(first, second)} {pair_text[index]}"
            wrapped = wrap(text, out.width - 2)
            lines += ["- " + wrapped[0], *("  " + line for line in wrapped[1:])]
    return lines


def _grid(
    table: list[tuple[str, list[Cell]]], label_width: int, column: int, out: Output
) -> list[str]:
    rule = "-+-".join(["-" * label_width] + ["-" * column] * (len(table[0][1])))
    lines: list[str] = []
    for number, (label, cells) in enumerate(table):
        label_lines = wrap(label, label_width)
        cell_lines = [_cell_lines(cell, column) for cell in cells]
        height = max(len(label_lines), *(len(cell) for cell in cell_lines))
        for row in range(height):
            label_part = label_lines[row] if row < len(label_lines) else ""
            parts = [out.bold(label_part) + " " * (label_width - display_width(label_part))]
            parts += [_pad(cell[row] if row < len(cell) else "", column) for cell in cell_lines]
            lines.append(" | ".join(parts))
        lines.append(rule.replace("-", "=") if number == 0 else rule)
    return lines[:-1]


def _stacked(table: list[tuple[str, list[Cell]]], out: Output) -> list[str]:
    """For terminals too narrow for side-by-side columns: one block per field."""
    statuses = table[0][1]
    lines: list[str] = []
    for label, cells in table:
        lines.append(out.bold(label))
        for status_cell, cell in zip(statuses, cells, strict=True):
            text = " ".join(cell) if cell is status_cell else f"{status_cell[0]}: {' '.join(cell)}"
            wrapped = wrap(text, out.width - 2)
            lines += ["- " + wrapped[0], *("  " + line for line in wrapped[1:])]
        lines.append("")
    return lines[:-1]


def entry(catalog: Catalog, status: StatusCode, out: Output) -> list[str]:
    """The ``http-status`` directive's entry: the same fields in the same order, as text."""
    fields: list[tuple[str, Cell]] = []
    note = render.registry_note(status)
    if note:
        fields.append((_(REGISTRY_LABEL), [note]))
    for name in ENTRY_FIELDS:
        text = render.field_text(status, name)
        if text:  # as in the entry: a field the data leaves empty is left out
            fields.append((render.field_label(name), [text]))
    for name in FACT_FIELDS:
        if getattr(status, name):
            # Wire text keeps its lines (a blank line would end the field in this layout);
            # everything else is a translated paragraph.
            cell = (
                [line for line in getattr(status, name).splitlines() if line.strip()]
                if (name in WIRE_FIELDS)
                else None
            )
            fields.append((render.field_label(name), cell or [render.field_text(status, name)]))
    if status.spec:
        fields.append((render.field_label("spec"), _spec_cell(status)))
    related = [catalog.codes[code].label for code in status.related if code in catalog]
    if related:
        fields.append((_(RELATED_LABEL), related))
    lines = [out.bold(line) for line in wrap(status.label, out.width)]
    label_width = min(max(display_width(label) for label, _cell in fields), out.width // 3)
    value_width = out.width - label_width - 2
    for label, cell in fields:
        lines.append("")
        if value_width < MIN_COLUMN:  # narrow: label on its own line, text indented below
            lines += [out.bold(line) for line in wrap(label, out.width)]
            lines += ["  " + line for line in _cell_lines(cell, out.width - 2)]
            continue
        label_lines = wrap(label, label_width)
        value_lines = _cell_lines(cell, value_width)
        for row in range(max(len(label_lines), len(value_lines))):
            label_part = label_lines[row] if row < len(label_lines) else ""
            value = value_lines[row] if row < len(value_lines) else ""
            lines.append(
                f"{out.bold(label_part)}{' ' * (label_width - display_width(label_part))}  {value}"
            )
    return lines


# --- commands ----------------------------------------------------------------------------------


def _existing_files(names: Sequence[str], what: str) -> list[Path]:
    for name in names:
        if not Path(name).is_file():
            raise UsageError(f"{what} {name}: no such file")
    return [Path(name) for name in names]


def _set_language(language: str | None, locale_dirs: Sequence[str]) -> None:
    directories = [Path(name) for name in locale_dirs]
    for directory in directories:
        if not directory.is_dir():
            raise UsageError(f"--locale-dir {directory}: no such directory")
    if language:
        language = language.replace("-", "_")
        found = any(
            gettext.find(CATALOG, str(directory), [language])
            for directory in [*directories, PACKAGE_LOCALE_DIR]
        )
        if language != "en" and not found:
            shipped = sorted(path.name for path in PACKAGE_LOCALE_DIR.iterdir() if path.is_dir())
            raise UsageError(f"no translation for {language!r}; shipped: {', '.join(shipped)}")
    init_translator(language, directories)


def _parse_codes(words: Sequence[str], catalog: Catalog) -> list[StatusCode]:
    statuses: list[StatusCode] = []
    for word in (word for argument in words for word in split_words(argument)):
        code = parse_code(word)
        if code is None:
            raise UsageError(f"{word!r} is not an HTTP status code (expected 100-599)")
        status = catalog.get(code)
        if status is None:
            raise UsageError(f"unknown HTTP status code {code}; add it with --data FILE")
        if status in statuses:
            raise UsageError(f"status code {code} is listed twice")
        statuses.append(status)
    if not statuses:
        raise UsageError("no status code given")
    return statuses


def _show(argv: Sequence[str], stdout: TextIO, stderr: TextIO) -> int:
    options = _show_parser().parse_intermixed_args(argv)
    paths = _existing_files(options.data, "--data")
    _set_language(options.lang, options.locale_dir)
    catalog, problems = project_catalog(paths)
    for problem in problems:  # a build warns and goes on; so do we
        print(f"{PROG}: warning: {printable(str(problem))}", file=stderr)
    statuses = _parse_codes(options.codes, catalog)
    fields: list[str] = list(DEFAULT_FIELDS)
    if options.fields is not None:
        if len(statuses) < 2:
            raise UsageError("--fields applies to comparisons of two or more codes")
        fields = [word for argument in options.fields for word in split_words(argument)]
        unknown = split_fields(fields)[2]
        if unknown:
            raise UsageError(
                f"unknown field {unknown[0]!r}; expected some of: {', '.join(ALL_FIELDS)}"
            )
    out = Output(stdout)
    if len(statuses) == 1:
        out.write(entry(catalog, statuses[0], out))
    else:
        out.write(comparison(catalog, statuses, fields, out))
    return 0


def _check(argv: Sequence[str], stdout: TextIO) -> int:
    options = _check_parser().parse_args(argv)
    paths = _existing_files(options.files, "check:")
    files = [read_data_file(path) for path in paths]
    # Merged as a build merges them, so a pair note may name a code that another file adds.
    _catalog, problems = merge(shipped_catalog(), files)
    order = {data.path: index for index, data in enumerate(files)}
    problems.sort(key=lambda problem: (order.get(problem.path, len(order)), problem.line))
    for problem in problems:
        print(printable(str(problem)), file=stdout)
    if not problems:
        print(
            f"checked {len(paths)} data file{'s' if len(paths) > 1 else ''}: no problems",
            file=stdout,
        )
    return 1 if problems else 0


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    stdout, stderr = sys.stdout, sys.stderr
    try:
        if args[:1] == ["check"]:
            return _check(args[1:], stdout)
        return _show(args, stdout, stderr)
    except UsageError as exc:
        print(f"{PROG}: error: {exc} (see {PROG} --help)", file=stderr)
        return 2
    except BrokenPipeError:  # "sphinx-httpstatus 429 | head": the reader left, nothing to report
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stdout.fileno())
        return 1
    except KeyboardInterrupt:
        return 130
