"""Reading status-code YAML files (the shipped catalog and a project's own) into records.

The same schema serves both, so a project's file reads like ours. Validation is strict (an unknown
key is an error: typos must not vanish silently) and collects *every* problem of a file with its
line, instead of stopping at the first.
"""

from __future__ import annotations

import dataclasses
import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .catalog import (
    CACHING_VERDICTS,
    FACT_FIELDS,
    PAIR_TEXT_FIELDS,
    REGISTRY_STATES,
    TEXT_FIELDS,
    WIRE_FIELDS,
    Catalog,
    PairNote,
    StatusCode,
)

_STRING_FIELDS = (
    "phrase",
    *TEXT_FIELDS,
    *FACT_FIELDS,
    "spec",
    "spec_url",
    "registry_state",
    "unofficial",
)
CODE_FIELDS = (*_STRING_FIELDS, "registry_expires", "related", "former_phrases")
PAIR_FIELDS = ("codes", *PAIR_TEXT_FIELDS)
TOP_LEVEL_KEYS = ("codes", "pairs")
CODE_RANGE = range(100, 600)  # RFC 9110, Section 15: three digits, first digit 1-5


@dataclass(frozen=True)
class DataProblem:
    """One thing wrong in a data file, located so the author can find it."""

    path: str
    line: int
    key: str
    message: str

    @property
    def location(self) -> str:
        return f"{self.path}:{self.line}"

    def __str__(self) -> str:
        return (
            f"{self.location}: {self.key}: {self.message}"
            if self.key
            else (f"{self.location}: {self.message}")
        )


class LineMapping(dict):
    """A YAML mapping that remembers the line of each key (1-based)."""

    line = 0
    key_lines: dict[Any, int]


class LineSequence(list):
    line = 0
    item_lines: list[int]


@dataclass
class DataFile:
    """What one file asks for: code fields by number and pair notes, not yet merged."""

    path: str
    codes: dict[int, dict[str, Any]] = dataclasses.field(default_factory=dict)
    code_lines: dict[int, int] = dataclasses.field(default_factory=dict)
    pairs: list[tuple[int, PairNote]] = dataclasses.field(default_factory=list)
    problems: list[DataProblem] = dataclasses.field(default_factory=list)


def _is_code(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value in CODE_RANGE


def _normalise(text: str) -> str:
    # Folded and literal scalars alike become one line: the texts are plain sentences, and a
    # stable, whitespace-free form keeps them usable as gettext message ids.
    return " ".join(text.split())


# An HTTP/1.1 status line without a reason phrase, once its trailing space is gone.
_BARE_STATUS_LINE = re.compile(r"HTTP/1\.[01] [1-5]\d\d")


def _wire_text(text: str) -> str:
    # An example exchange keeps its lines: only trailing spaces and surrounding blank lines go,
    # except the space that must follow the code even when the reason phrase is empty
    # (RFC 9112, Section 4).
    lines = [line.rstrip() for line in text.expandtabs().splitlines()]
    lines = [line + " " if _BARE_STATUS_LINE.fullmatch(line) else line for line in lines]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)


def _caching_problem(text: str) -> str:
    """Why a caching text does not start with a fixed verdict, or "" when it does."""
    for verdict in CACHING_VERDICTS:
        rest = text.removeprefix(verdict)
        if rest != text and not rest[:1].isalnum():
            return ""
    return "must start with " + " or ".join(repr(verdict) for verdict in CACHING_VERDICTS)


def _iso_date(value: object) -> str:
    """``2026-11-13`` as YAML reads it (a date) or as a string; "" when it is not such a date."""
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value.isoformat()
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value.strip()).isoformat()
        except ValueError:
            return ""
    return ""


class _FileReader:
    def __init__(self, path: str) -> None:
        self.result = DataFile(path)

    def problem(self, line: int, key: str, message: str) -> None:
        # A key with control characters would garble the console line: show it as a literal.
        shown = key if key.isprintable() else repr(key)
        self.result.problems.append(DataProblem(self.result.path, line, shown, message))

    def read(self, text: str) -> DataFile:
        # Imported here: a build that reads only the precompiled shipped catalog never needs
        # PyYAML, whose import alone costs about as much as the rest of setup().
        import yaml

        from .yamllines import LineLoader

        loader = LineLoader(text)
        try:
            document = loader.get_single_data()
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
            line = mark.line + 1 if mark else 1
            reason = getattr(exc, "problem", None) or str(exc)
            self.problem(line, "", f"invalid YAML: {reason}")
            return self.result
        finally:
            loader.dispose()
        for line, key in loader.duplicates:
            self.problem(line, str(key), "this key appears more than once in its mapping")
        if document is None:
            return self.result
        if not isinstance(document, LineMapping):
            self.problem(1, "", "the file must be a mapping with the keys 'codes' and/or 'pairs'")
            return self.result
        for key in document:
            if key not in TOP_LEVEL_KEYS:
                self.problem(document.key_lines[key], str(key), _unknown_key(TOP_LEVEL_KEYS))
        if "codes" in document:
            self.read_codes(document["codes"], document.key_lines["codes"])
        if "pairs" in document:
            self.read_pairs(document["pairs"], document.key_lines["pairs"])
        return self.result

    def read_codes(self, codes: object, line: int) -> None:
        if codes is None:
            return
        if not isinstance(codes, LineMapping):
            self.problem(line, "codes", "must be a mapping from status code to its fields")
            return
        for code, fields in codes.items():
            code_line = codes.key_lines[code]
            if not _is_code(code):
                self.problem(
                    code_line,
                    f"codes.{code}",
                    "a status code must be an integer from 100 to 599 (RFC 9110, Section 15)",
                )
                continue
            self.result.code_lines[code] = code_line
            self.result.codes[code] = self.read_code_fields(code, fields, code_line)

    def read_code_fields(self, code: int, fields: object, line: int) -> dict[str, Any]:
        where = f"codes.{code}"
        if not isinstance(fields, LineMapping):
            self.problem(line, where, "must be a mapping of fields (phrase, description, ...)")
            return {}
        values: dict[str, Any] = {}
        for name, value in fields.items():
            field_line = fields.key_lines[name]
            key = f"{where}.{name}"
            if name not in CODE_FIELDS:
                self.problem(field_line, key, _unknown_key(CODE_FIELDS))
            elif name == "related":
                related = self.read_code_list(value, field_line, key)
                if related is not None:
                    values[name] = tuple(related)
            elif name == "registry_expires":
                if _iso_date(value):
                    values[name] = _iso_date(value)
                else:
                    self.problem(field_line, key, "must be a date written as YYYY-MM-DD")
            elif name == "former_phrases":
                if not isinstance(value, list) or not all(
                    isinstance(item, str) and item.strip() for item in value
                ):
                    self.problem(field_line, key, "must be a list of non-empty strings")
                else:
                    values[name] = tuple(_normalise(item) for item in value)
            elif not isinstance(value, str) or not value.strip():
                self.problem(field_line, key, "must be a non-empty string")
            elif name == "registry_state" and value not in REGISTRY_STATES:
                self.problem(field_line, key, "must be one of: " + ", ".join(REGISTRY_STATES))
            elif name == "spec_url" and not value.startswith(("https://", "http://")):
                self.problem(field_line, key, "must be an http:// or https:// URL")
            elif name == "caching" and _caching_problem(_normalise(value)):
                self.problem(field_line, key, _caching_problem(_normalise(value)))
            elif name in WIRE_FIELDS:
                values[name] = _wire_text(value)
            else:
                values[name] = _normalise(value)
        return values

    def read_code_list(self, value: object, line: int, key: str) -> list[int] | None:
        if not isinstance(value, list) or not all(_is_code(item) for item in value):
            self.problem(line, key, "must be a list of status codes (integers from 100 to 599)")
            return None
        return list(value)

    def read_pairs(self, pairs: object, line: int) -> None:
        if pairs is None:
            return
        if not isinstance(pairs, LineSequence):
            self.problem(line, "pairs", "must be a list of pair notes")
            return
        for index, (entry, entry_line) in enumerate(zip(pairs, pairs.item_lines, strict=False)):
            where = f"pairs[{index}]"
            if not isinstance(entry, LineMapping):
                self.problem(entry_line, where, "must be a mapping with 'codes' and the note texts")
                continue
            values: dict[str, Any] = {}
            for name, value in entry.items():
                key, field_line = f"{where}.{name}", entry.key_lines[name]
                if name not in PAIR_FIELDS:
                    self.problem(field_line, key, _unknown_key(PAIR_FIELDS))
                elif name == "codes":
                    codes = self.read_code_list(value, field_line, key)
                    if codes is not None and (len(codes) != 2 or codes[0] == codes[1]):
                        self.problem(field_line, key, "must name exactly two different codes")
                    elif codes is not None:
                        values["codes"] = tuple(codes)
                elif not isinstance(value, str) or not value.strip():
                    self.problem(field_line, key, "must be a non-empty string")
                else:
                    values[name] = _normalise(value)
            if "codes" not in entry:
                self.problem(entry_line, where, "a pair note needs 'codes: [first, second]'")
            elif "codes" in values:
                if not any(name in values for name in PAIR_TEXT_FIELDS):
                    self.problem(
                        entry_line,
                        where,
                        "a pair note needs key_difference and/or when_to_use_which",
                    )
                else:
                    self.result.pairs.append((entry_line, PairNote(**values)))


def _unknown_key(allowed: Iterable[str]) -> str:
    return "unknown key; expected one of: " + ", ".join(allowed)


def read_data_file(path: str | Path, text: str | None = None) -> DataFile:
    """Parse and validate one file's structure. Problems are collected, never raised."""
    path = str(path)
    if text is None:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            result = DataFile(path)
            result.problems.append(DataProblem(path, 1, "", f"cannot read the file: {exc}"))
            return result
    return _FileReader(path).read(text)


def merge(base: Catalog | None, files: Iterable[DataFile]) -> tuple[Catalog, list[DataProblem]]:
    """Apply files in order onto ``base``: field by field for codes, whole notes for pairs.

    Entries with problems are left out; everything valid is still applied, so one typo does not
    cost the project the rest of its data.
    """
    codes: dict[int, StatusCode] = dict(base.codes) if base else {}
    pairs: dict[frozenset[int], PairNote] = dict(base.pairs) if base else {}
    problems: list[DataProblem] = []
    files = list(files)
    # Codes first, from every file, so a pair note may name a code that another file adds.
    for data in files:
        problems.extend(data.problems)
        for code, fields in data.codes.items():
            line = data.code_lines[code]
            if code in codes:
                codes[code] = codes[code].merged(fields)
            elif "phrase" not in fields:
                problems.append(
                    DataProblem(
                        data.path, line, f"codes.{code}", "a new status code needs a 'phrase'"
                    )
                )
            else:
                codes[code] = StatusCode(code=code, **fields)
    for data in files:
        for line, note in data.pairs:
            unknown = [code for code in note.codes if code not in codes]
            if unknown:
                problems.append(
                    DataProblem(
                        data.path,
                        line,
                        "pairs",
                        "unknown status code "
                        + ", ".join(map(str, unknown))
                        + " (add it under 'codes' first)",
                    )
                )
                continue
            previous = pairs.get(note.key)
            if previous is not None:
                # A project may override one text of a shipped note and keep the other.
                changes = {
                    name: getattr(note, name) for name in PAIR_TEXT_FIELDS if getattr(note, name)
                }
                note = dataclasses.replace(previous, **changes)
            pairs[note.key] = note
    return Catalog(codes, pairs), problems
