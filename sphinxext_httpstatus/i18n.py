"""The one translation choke point.

Every word the extension writes, labels and catalog texts alike, goes through :func:`_` (eager, for
use while building nodes) or :func:`__` (the same catalog, for module-level constants). Both look
up the ``sphinxext_httpstatus`` message catalog that :func:`init_translator` registers with Sphinx.
"""

from __future__ import annotations

import gettext
import struct
from collections.abc import Iterable
from pathlib import Path

from sphinx import locale
from sphinx.util.i18n import CatalogInfo

from .usage import warn

CATALOG = "sphinxext_httpstatus"
PACKAGE_LOCALE_DIR = Path(__file__).parent / "locale"

_translate = locale.get_translation(CATALOG)


def _(message: str) -> str:
    """Translate a label or a catalog text into the build's language."""
    # gettext("") returns the catalog header, never what a caller wants.
    if not message:
        return ""
    return str(_translate(message))


#: Lazy form for module-level strings (option docs, labels defined at import time).
__ = _translate


def _catalog_files(directory: Path, language: str) -> list[Path]:
    return [Path(found) for found in gettext.find(CATALOG, str(directory), [language], all=True)]


def _compile_project_catalog(directory: Path, language: str) -> None:
    """Compile a project's own ``sphinxext_httpstatus.po`` the way Sphinx compiles its ``.po``.

    Sphinx compiles the project's catalogs only after the builder is set up, too late for texts
    we render while reading, so we compile ours (only when outdated) before loading it.
    """
    base = directory / language / "LC_MESSAGES"
    if (base / f"{CATALOG}.po").is_file():
        info = CatalogInfo(str(base), CATALOG, "utf-8")
        if info.is_outdated():
            try:
                info.write_mo(language)
            except Exception as exc:  # a broken .po must not stop the build
                warn("cannot compile %s: %s", info.po_path, exc, location=None, subtype="i18n")


def project_catalog_sources(
    language: str | None, project_locale_dirs: Iterable[Path]
) -> list[Path]:
    """The project's own ``sphinxext_httpstatus.po`` files for ``language``.

    Documents that use the extension depend on them like on the data files: Sphinx re-reads
    those documents when one is edited, instead of keeping the old wording until a clean build.
    """
    language = language or "en"
    found = []
    for directory in project_locale_dirs:
        for name in (f"{CATALOG}.po", f"{CATALOG}.mo"):
            path = directory / language / "LC_MESSAGES" / name
            if path.is_file():
                found.append(path.resolve())
                break
    return found


def init_translator(language: str | None, project_locale_dirs: Iterable[Path]) -> None:
    """Register our catalog for ``language``: the project's own catalogs first, then ours.

    English has no catalog of ours (the messages are English), but a project's own
    ``<locale_dir>/en/LC_MESSAGES/sphinxext_httpstatus.po`` still applies, so an English project
    can reword "Key difference" or a catalog text the same way a translated one does.

    We build the chain from fresh ``GNUTranslations`` objects instead of ``sphinx.locale.init``:
    that one adds fallbacks to the objects cached by :mod:`gettext`, so two builds in one process
    (a test run, a docs server) would leak one project's translations into the next.
    """
    translator: gettext.NullTranslations | None = None
    language = language or "en"
    project_locale_dirs = list(project_locale_dirs)
    directories = [*project_locale_dirs]
    if language != "en":
        directories.append(PACKAGE_LOCALE_DIR)
    for directory in project_locale_dirs:
        _compile_project_catalog(directory, language)
    for directory in directories:
        for mo_path in _catalog_files(directory, language):
            try:
                with open(mo_path, "rb") as mo_file:
                    found = gettext.GNUTranslations(mo_file)
            except (OSError, struct.error) as exc:  # unreadable, not a .mo, truncated
                warn("cannot load %s: %s", mo_path, exc, location=None, subtype="i18n")
                continue
            if translator is None:
                translator = found
            else:
                translator.add_fallback(found)
    # An unsupported language simply finds nothing and falls back to English.
    locale.translators["general", CATALOG] = translator or gettext.NullTranslations()
