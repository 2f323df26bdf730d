"""Keep the dated copy of the IANA HTTP Status Code Registry, and the catalog, in sync with IANA.

    python tools/iana_registry.py update http-status-codes-1.csv [--date YYYY-MM-DD]
        refresh sphinxext_httpstatus/data/iana/http-status-codes.yaml from a downloaded copy of
        https://www.iana.org/assignments/http-status-codes/http-status-codes-1.csv, print what
        changed, and what the catalog now disagrees with (--date: the registry's "Last Updated"
        date; today by default)
    python tools/iana_registry.py check http-status-codes-1.csv
        only print the differences; exit 1 when there are any
    python tools/iana_registry.py csv
        print the dated copy in the registry's CSV format

The tool never downloads anything: fetch the CSV yourself, then run it.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime
import io
import json
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
REGISTRY_FILE = ROOT / "sphinxext_httpstatus" / "data" / "iana" / "http-status-codes.yaml"
SOURCE = "https://www.iana.org/assignments/http-status-codes/http-status-codes-1.csv"
CSV_HEADER = ("Value", "Description", "Reference")
STATES = ("permanent", "temporary", "unused", "obsoleted")
DATE_FIELDS = ("registered", "extension_registered", "expires")

# "Upload Resumption Supported (TEMPORARY - registered 2024-11-13, extension registered
# 2025-09-15, expires 2026-11-13)": the registry writes a temporary registration's dates into its
# description. Such early allocations (RFC 7120) lapse after a year unless they are renewed.
_TEMPORARY = re.compile(r"^(?P<phrase>.+?) \(TEMPORARY(?: - (?P<dates>[^)]*))?\)$")
_OBSOLETED = re.compile(r"^(?P<phrase>.+?) \(OBSOLETED\)$")
_DATE_NOTE = re.compile(
    r"^(?P<what>registered|extension registered|expires) (?P<date>\d{4}-\d\d-\d\d)$"
)
_REFERENCE = re.compile(r"\[([^\]]+)\]")


@dataclass(frozen=True)
class Entry:
    """One registered code as IANA lists it."""

    phrase: str
    state: str = "permanent"
    reference: str = ""
    registered: str = ""
    extension_registered: str = ""
    expires: str = ""

    @property
    def description(self) -> str:
        """The registry's Description column: the phrase plus any state note."""
        if self.state == "temporary":
            notes = [
                f"{label} {getattr(self, name)}"
                for name, label in zip(
                    DATE_FIELDS, ("registered", "extension registered", "expires"), strict=True
                )
                if getattr(self, name)
            ]
            return f"{self.phrase} (TEMPORARY" + (" - " + ", ".join(notes) if notes else "") + ")"
        if self.state == "obsoleted":
            return f"{self.phrase} (OBSOLETED)"
        return self.phrase


@dataclass(frozen=True)
class Registry:
    codes: Mapping[int, Entry]
    unassigned: tuple[str, ...]
    snapshot_date: str = ""


def parse_description(description: str) -> dict[str, str]:
    """The phrase, state and dates that a Description cell holds."""
    if description == "(Unused)":
        return {"phrase": description, "state": "unused"}
    match = _OBSOLETED.match(description)
    if match:
        return {"phrase": match["phrase"], "state": "obsoleted"}
    match = _TEMPORARY.match(description)
    if not match:
        return {"phrase": description, "state": "permanent"}
    fields = {"phrase": match["phrase"], "state": "temporary"}
    for note in (match["dates"] or "").split(","):
        dated = _DATE_NOTE.match(note.strip())
        if not dated:
            raise ValueError(f"unexpected note in {description!r}: {note.strip()!r}")
        fields[dated["what"].replace(" ", "_")] = dated["date"]
    return fields


def parse_csv(text: str, snapshot_date: str = "") -> Registry:
    """Read http-status-codes-1.csv: ``Value,Description,Reference`` with ranges as values."""
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    if not rows or tuple(rows[0]) != CSV_HEADER:
        raise ValueError(
            "not the registry's CSV: the first line must be Value,Description,Reference"
        )
    codes: dict[int, Entry] = {}
    unassigned: list[str] = []
    for number, row in enumerate(rows[1:], start=2):
        if not row:
            continue
        value, description, reference = (*row, "", "")[:3]
        if description == "Unassigned":
            unassigned.append(value)
        elif re.fullmatch(r"[1-5]\d\d", value):
            codes[int(value)] = Entry(reference=reference, **parse_description(description))
        else:
            raise ValueError(f"line {number}: unexpected value {value!r}")
    return Registry(dict(sorted(codes.items())), tuple(unassigned), snapshot_date)


def to_csv(registry: Registry) -> str:
    """The registry in IANA's CSV format (what ``parse_csv`` reads), ranges in order."""
    rows: list[tuple[int, list[str]]] = [
        (code, [str(code), entry.description, entry.reference])
        for code, entry in registry.codes.items()
    ]
    rows += [(int(value.split("-")[0]), [value, "Unassigned", ""]) for value in registry.unassigned]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    writer.writerows(row for _start, row in sorted(rows))
    return buffer.getvalue()


def load(path: Path = REGISTRY_FILE) -> Registry:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    codes = {}
    for code, fields in data["codes"].items():
        values = {name: str(value) for name, value in fields.items()}
        codes[int(code)] = Entry(**values)
    return Registry(
        codes, tuple(str(value) for value in data["unassigned"]), str(data["snapshot_date"])
    )


def dump(registry: Registry) -> str:
    """The dated copy as YAML, one line per permanent code, written the same way every time."""
    quote = json.dumps  # a JSON string is a valid YAML scalar, whatever it contains
    lines = [
        "# The IANA HTTP Status Code Registry, a dated copy: do not edit by hand.",
        "# Source: https://www.iana.org/assignments/http-status-codes/ (its CSV download).",
        "# Refresh: python tools/iana_registry.py update http-status-codes-1.csv --date YYYY-MM-DD",
        '# snapshot_date is the registry\'s own "Last Updated" date of this copy.',
        f"source: {SOURCE}",
        f"snapshot_date: {registry.snapshot_date}",
        "codes:",
    ]
    for code, entry in registry.codes.items():
        fields = {
            name: getattr(entry, name)
            for name in ("phrase", "state", "reference", *DATE_FIELDS)
            if getattr(entry, name)
        }
        if set(fields) <= {"phrase", "state", "reference"}:
            inline = ", ".join(f"{name}: {quote(value)}" for name, value in fields.items())
            lines.append(f"  {code}: {{{inline}}}")
        else:
            lines.append(f"  {code}:")
            lines += [f"    {name}: {quote(value)}" for name, value in fields.items()]
    lines.append("unassigned: [" + ", ".join(quote(value) for value in registry.unassigned) + "]")
    return "\n".join(lines) + "\n"


def differences(old: Registry, new: Registry) -> list[str]:
    """What changed from ``old`` to ``new``, one line per fact."""
    found: list[str] = []
    for code in sorted(set(old.codes) | set(new.codes)):
        before, after = old.codes.get(code), new.codes.get(code)
        if before is None:
            found.append(f"{code}: added: {after.description} {after.reference}")
        elif after is None:
            found.append(f"{code}: removed: {before.description}")
        else:
            for field in dataclasses.fields(Entry):
                was, now = getattr(before, field.name), getattr(after, field.name)
                if was != now:
                    found.append(f"{code}: {field.name}: {was!r} -> {now!r}")
    if old.unassigned != new.unassigned:
        found.append(f"unassigned: {', '.join(old.unassigned)} -> {', '.join(new.unassigned)}")
    return found


def expiring(registry: Registry, today: datetime.date) -> list[str]:
    """Temporary registrations with their expiry date, saying whether it has passed."""
    notes = []
    for code, entry in registry.codes.items():
        if entry.state == "temporary" and entry.expires:
            if datetime.date.fromisoformat(entry.expires) < today:
                notes.append(
                    f"{code}: temporary registration expired on {entry.expires} unless IANA "
                    f"renewed it after {registry.snapshot_date}: check the registry"
                )
            else:
                notes.append(f"{code}: temporary registration expires on {entry.expires}")
    return notes


def _reference_document(reference: str) -> tuple[str, str]:
    """``"[RFC9110, Section 15.2.1]"`` -> ("RFC 9110", "RFC 9110, Section 15.2.1")."""
    first = _REFERENCE.findall(reference)[0]
    document, _, section = first.partition(",")
    document = re.sub(r"^RFC(\d+)$", r"RFC \1", document.strip())
    document = re.sub(r"^(draft-.+)-\d\d$", r"\1", document)  # the catalog names the draft
    return document, f"{document},{section}" if section else document


def catalog_disagreements(registry: Registry, catalog) -> list[str]:
    """Where the shipped catalog's registered codes differ from the registry."""
    found: list[str] = []
    registered = {code: status for code, status in catalog.codes.items() if not status.unofficial}
    for code in sorted(set(registered) - set(registry.codes)):
        found.append(f"{code}: in the catalog but not in the registry (mark it unofficial?)")
    for code, entry in registry.codes.items():
        status = catalog.codes.get(code)
        if status is None or status.unofficial:
            found.append(
                f"{code}: registered as {entry.description!r} but missing from the catalog"
            )
            continue
        if status.phrase != entry.phrase:
            found.append(f"{code}: phrase {status.phrase!r}, registry {entry.phrase!r}")
        state = status.registry_state or "permanent"
        if state != entry.state:
            found.append(f"{code}: registry_state {state!r}, registry {entry.state!r}")
        if status.registry_expires != entry.expires:
            found.append(
                f"{code}: registry_expires {status.registry_expires!r}, registry {entry.expires!r}"
            )
        document, exact = _reference_document(entry.reference)
        # A cited section must match exactly; a bare document (the registry often cites only the
        # RFC) must start the catalog's reference, which may add the section.
        matches = (
            status.spec == exact
            if exact != document
            else status.spec == document or status.spec.startswith(document + ",")
        )
        if not matches:
            found.append(f"{code}: spec {status.spec!r}, registry cites {entry.reference!r}")
    return found


def _option(argv: list[str], name: str) -> str:
    if name in argv:
        index = argv.index(name)
        if index + 1 < len(argv):
            return argv[index + 1]
    return ""


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else ""
    if command == "csv":
        sys.stdout.write(to_csv(load()))
        return 0
    if command not in ("update", "check") or len(argv) < 3:
        print(__doc__)
        return 2
    date = _option(argv, "--date") or datetime.datetime.now(datetime.UTC).date().isoformat()
    datetime.date.fromisoformat(date)  # a typo must not end up in the file
    new = parse_csv(Path(argv[2]).read_text(encoding="utf-8"), date)
    old = load() if REGISTRY_FILE.exists() else Registry({}, ())
    found = differences(old, new)
    print("\n".join(found) if found else "no differences from the dated copy")
    if command == "check":
        return 1 if found else 0
    REGISTRY_FILE.parent.mkdir(parents=True, exist_ok=True)
    REGISTRY_FILE.write_text(dump(new), encoding="utf-8")
    print(f"wrote {REGISTRY_FILE} (snapshot_date {date})")
    today = datetime.datetime.now(datetime.UTC).date()
    for line in expiring(new, today):
        print(line)
    sys.path.insert(0, str(ROOT))
    from sphinxext_httpstatus.datafiles import shipped_catalog

    disagreements = catalog_disagreements(new, shipped_catalog())
    for line in disagreements:
        print("catalog:", line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
