"""Maintain the extension's message catalog: extract, update, compile, check.

    python tools/messages.py update   # re-extract the .pot from code and data, merge every .po,
                                      # compile every .mo
    python tools/messages.py compile  # only compile every .po into its .mo
    python tools/messages.py check    # exit 1 when a .po is incomplete, fuzzy or a .mo is stale

Messages come from two places: ``_()``, ``__()`` and ``N_()`` calls in the package, and the
translatable fields of the shipped YAML catalog.
"""

from __future__ import annotations

import datetime
import io
import re
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_file
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "sphinxext_httpstatus"
LOCALE_DIR = PACKAGE / "locale"
DOMAIN = "sphinxext_httpstatus"
TEMPLATE = LOCALE_DIR / f"{DOMAIN}.pot"
LANGUAGES = ("de", "es", "fr", "id", "ja", "pt_BR", "zh_CN")
KEYWORDS = {"_": None, "__": None, "N_": None}
# Fixed dates keep regenerated files identical when no message changed.
STAMP = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")

sys.path.insert(0, str(ROOT))


def extract() -> Catalog:
    from sphinxext_httpstatus.catalog import PAIR_TEXT_FIELDS, TRANSLATED_FIELDS
    from sphinxext_httpstatus.datafiles import SHIPPED_DATA_DIR, data_sources
    from sphinxext_httpstatus.loader import read_data_file

    template = Catalog(
        project="sphinxext-httpstatus",
        domain=DOMAIN,
        charset="utf-8",
        creation_date=STAMP,
        revision_date=STAMP,
        fuzzy=False,
    )
    for path in sorted(PACKAGE.glob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        for line, message, _comments, _context in extract_from_file(
            "python", str(path), keywords=KEYWORDS
        ):
            if isinstance(message, str) and message:
                template.add(message, locations=[(relative, line)])
    for path in data_sources(SHIPPED_DATA_DIR):
        data = read_data_file(path)
        relative = path.relative_to(ROOT).as_posix()
        for code, fields in data.codes.items():
            for name in TRANSLATED_FIELDS:  # "example" is wire text and stays untranslated
                if fields.get(name):
                    template.add(
                        fields[name],
                        locations=[(relative, data.code_lines[code])],
                        auto_comments=[f"{code} {name}"],
                    )
        for line, note in data.pairs:
            for name in PAIR_TEXT_FIELDS:
                if getattr(note, name):
                    template.add(
                        getattr(note, name),
                        locations=[(relative, line)],
                        auto_comments=["{} / {} {}".format(*note.codes, name)],
                    )
    return template


def po_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def write(path: Path, catalog: Catalog) -> None:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, ignore_obsolete=True, include_previous=False)
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists() or path.read_bytes() != buffer.getvalue():
        path.write_bytes(buffer.getvalue())


def compile_mo(po: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, po, use_fuzzy=False)
    return buffer.getvalue()


def update() -> None:
    template = extract()
    write(TEMPLATE, template)
    for language in LANGUAGES:
        path = po_path(language)
        if path.exists():
            with path.open("rb") as handle:
                po = read_po(handle, locale=language, domain=DOMAIN)
        else:
            po = Catalog(
                locale=language,
                domain=DOMAIN,
                project="sphinxext-httpstatus",
                charset="utf-8",
                creation_date=STAMP,
                revision_date=STAMP,
            )
        po.update(template, no_fuzzy_matching=True, update_creation_date=False)
        po.revision_date = STAMP
        po.fuzzy = False  # the header: babel marks new catalogs fuzzy
        write(path, po)
        path.with_suffix(".mo").write_bytes(compile_mo(po))
    print(f"{len(template)} messages; updated {', '.join(LANGUAGES)}")


def compile_all() -> None:
    for language in LANGUAGES:
        path = po_path(language)
        if path.exists():
            with path.open("rb") as handle:
                po = read_po(handle, locale=language, domain=DOMAIN)
            path.with_suffix(".mo").write_bytes(compile_mo(po))


def problems() -> list[str]:
    """Everything that makes the shipped translations incomplete or out of date."""
    found: list[str] = []
    template = extract()
    with TEMPLATE.open("rb") as handle:
        on_disk = {message.id for message in read_po(handle) if message.id}
    if on_disk != {message.id for message in template if message.id}:
        found.append(f"{TEMPLATE.name} is out of date: run 'python tools/messages.py update'")
    for language in LANGUAGES:
        path = po_path(language)
        if not path.exists():
            found.append(f"{language}: {path} is missing")
            continue
        with path.open("rb") as handle:
            po = read_po(handle, locale=language)
        for message in template:
            if not message.id:
                continue
            translated = po.get(message.id)
            if translated is None or not translated.string:
                found.append(f"{language}: untranslated: {message.id[:70]!r}")
            elif translated.fuzzy:
                found.append(f"{language}: fuzzy: {message.id[:70]!r}")
            elif set(PLACEHOLDER.findall(message.id)) != set(
                PLACEHOLDER.findall(translated.string)
            ):
                found.append(f"{language}: placeholders differ: {message.id[:70]!r}")
        mo = path.with_suffix(".mo")
        if not mo.exists():
            found.append(f"{language}: {mo.name} is missing")
            continue
        with mo.open("rb") as handle:
            compiled = {m.id: m.string for m in read_mo(handle) if m.id}
        expected = {m.id: m.string for m in po if m.id and m.string and not m.fuzzy}
        if compiled != expected:
            found.append(f"{language}: {mo} is stale: run 'python tools/messages.py update'")
    return found


def main(argv: list[str]) -> int:
    if argv[1:] == ["update"]:
        update()
        return 0
    if argv[1:] == ["compile"]:
        compile_all()
        return 0
    if argv[1:] == ["check"]:
        found = problems()
        print("\n".join(found) if found else "translations complete")
        return 1 if found else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
