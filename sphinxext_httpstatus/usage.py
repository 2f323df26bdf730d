"""What every directive and role does on use: find the build's catalog, note the data files."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from docutils.nodes import Node
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from .catalog import phrase_key
from .loader import CODE_RANGE

if TYPE_CHECKING:
    from .catalog import Catalog, StatusCode
    from .domain import HTTPStatusDomain

logger = logging.getLogger(__name__)

#: Where a warning points: a node, "docname:line", (docname, line) or nowhere.
Location = str | tuple[str | None, int | None] | Node | None


def warn(message: str, *args: object, location: Location, subtype: str) -> None:
    """A located warning that ``suppress_warnings = ["httpstatus.<subtype>"]`` can silence."""
    logger.warning(message, *args, location=location, type="httpstatus", subtype=subtype)


def parse_code(text: str) -> int | None:
    """``"403"`` -> 403; anything that is not a three-digit code from 100 to 599 -> None."""
    text = text.strip()
    if len(text) == 3 and text.isascii() and text.isdigit() and int(text) in CODE_RANGE:
        return int(text)
    return None


def split_words(argument: str) -> list[str]:
    """Option values are lists separated by spaces or commas: ``"401, 403 404"``."""
    return argument.replace(",", " ").split()


#: ``:classes:`` words and the status class digit they name (RFC 9110, Section 15).
CLASS_WORDS = {f"{digit}xx": digit for digit in range(1, 6)}


def status_classes(argument: str, location: Location, prefix: str = "") -> set[int]:
    """``"4xx 5xx"`` -> {4, 5}; each other word is a located ``bad-option`` warning."""
    digits = set()
    for word in split_words(argument):
        digit = CLASS_WORDS.get(word.lower())
        if digit is None:
            warn(
                "%s%r is not a status class; use 1xx, 2xx, 3xx, 4xx or 5xx",
                prefix,
                word,
                location=location,
                subtype="bad-option",
            )
        else:
            digits.add(digit)
    return digits


def split_phrase(text: str) -> tuple[str, str]:
    """``"403 Forbidden"`` -> ``("403", "Forbidden")``; ``"403"`` -> ``("403", "")``."""
    code, _space, phrase = text.strip().partition(" ")
    return code, " ".join(phrase.split())


def check_phrase(
    status: StatusCode, phrase: str, location: Location, accepted: tuple[str, ...] = ()
) -> None:
    """Warn when a document names a code with a phrase other than the registry's current one.

    ``accepted`` are phrases another tool taught its users (httpdomain's table), which would be
    a new warning on a project that built clean before it added this extension.
    """
    if not phrase or status.phrase_state(phrase) == "current":
        return
    if any(phrase_key(phrase) == phrase_key(other) for other in accepted):
        return
    warn(
        '"%s %s" is not the current phrase; %s is now "%s"',
        status.code,
        phrase,
        status.code,
        status.phrase,
        location=location,
        subtype="stale-phrase",
    )


def httpstatus_domain(env: BuildEnvironment) -> HTTPStatusDomain:
    """The build's domain with its own type (``env.get_domain`` only knows the base class)."""
    return cast("HTTPStatusDomain", env.get_domain("httpstatus"))


def catalog_for(env: BuildEnvironment, domain: HTTPStatusDomain | None = None) -> Catalog:
    """The catalog of this build, and a note that the current document depends on its files.

    The dependency is what makes an edited data file re-read exactly the documents that use the
    extension, through Sphinx's own change tracking. ``domain`` saves a lookup per reference.
    """
    if domain is None:
        domain = httpstatus_domain(env)
    for path in domain.data_files:
        env.note_dependency(path)
    return domain.get_catalog()


def check_code(
    word: str, catalog: Catalog, location: Location, *, quiet: bool = False
) -> tuple[int | None, StatusCode | None]:
    """Parse a code written in a document, warning (unless ``quiet``) when it is malformed or
    not in the catalog."""
    code = parse_code(word)
    if quiet:
        return code, catalog.get(code) if code is not None else None
    if code is None:
        warn(
            "%r is not an HTTP status code (expected 100-599)",
            word.strip(),
            location=location,
            subtype="bad-code",
        )
        return None, None
    status = catalog.get(code)
    if status is None:
        warn(
            "unknown HTTP status code %s; add it with httpstatus_data_files",
            code,
            location=location,
            subtype="unknown-code",
        )
    return code, status
