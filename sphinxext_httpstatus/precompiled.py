"""The shipped catalog validated ahead of time: a JSON copy of what the YAML files merge into.

Parsing and validating 300 KB of YAML with line numbers costs every build process more than the
rest of ``setup()`` together (PyYAML's import included). The copy, ``data/catalog.json``, is
written by ``tools/precompile.py`` whenever the YAML changes (``make messages`` runs it) and
records a digest of the files it came from. A copy whose digest does not match the YAML next to
it (say, a contributor edited a file and did not run the tool) is ignored, so the YAML is always
what a build shows; only its speed depends on the copy. The test suite checks the copy is fresh.

JSON and not pickle: loading it constructs nothing but strings, numbers and lists.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .catalog import Catalog, PairNote, StatusCode

#: Bumped whenever the layout below or the records' fields change meaning.
FORMAT = 1
FILE_NAME = "catalog.json"
_TUPLE_FIELDS = ("related", "former_phrases")


def sources_digest(sources: Sequence[Path]) -> str:
    """What the copy must have been made from: the names and bytes of the YAML files, in order."""
    digest = hashlib.sha256(f"format {FORMAT}\n".encode())
    for path in sources:
        # Line endings as committed: a checkout that turns them into CRLF still matches.
        content = path.read_bytes().replace(b"\r\n", b"\n")
        digest.update(f"{path.name} {len(content)}\n".encode())
        digest.update(content)
    return digest.hexdigest()


def dump(catalog: Catalog, sources: Sequence[Path]) -> str:
    """The copy's text: one record per line, fields the record leaves at their default omitted."""

    def record(value: Any) -> str:
        fields = {
            field.name: getattr(value, field.name)
            for field in dataclasses.fields(value)
            if getattr(value, field.name) != field.default
        }
        return json.dumps(fields, ensure_ascii=False, sort_keys=False)

    lines = [
        "{",
        '"generated_by": "tools/precompile.py from the YAML files next to this one; do not edit",',
        f'"format": {FORMAT},',
        f'"sources": "{sources_digest(sources)}",',
        '"codes": [',
        ",\n".join(record(status) for status in catalog.codes.values()),
        '],"pairs": [',
        ",\n".join(record(note) for note in catalog.pairs.values()),
        "]}",
    ]
    return "\n".join(lines) + "\n"


def load(path: Path, sources: Sequence[Path]) -> Catalog | None:
    """The catalog in the copy at ``path``, or None when it is missing, stale or unreadable."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data["format"] != FORMAT or data["sources"] != sources_digest(sources):
            return None
        codes = {}
        for fields in data["codes"]:
            for name in _TUPLE_FIELDS:
                if name in fields:
                    fields[name] = tuple(fields[name])
            codes[fields["code"]] = StatusCode(**fields)
        pairs = {}
        for fields in data["pairs"]:
            note = PairNote(**{**fields, "codes": tuple(fields["codes"])})
            pairs[note.key] = note
    except (OSError, ValueError, TypeError, KeyError):
        # Never a reason to fail a build: the YAML is the source and is read instead.
        return None
    return Catalog(codes, pairs)
