"""The status-code model: typed, immutable records and the merged catalog.

Every view (comparison table, entry, catalog page, role text, tooltip) reads these records;
none of them knows where the data came from.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

#: The explanations every shipped code has, in display order.
TEXT_FIELDS = ("summary", "description", "when_you_see_it", "how_to_fix")

#: Protocol facts, in display order. Optional: views leave out the ones a code does not have yet.
FACT_FIELDS = ("headers", "caching", "retry", "example", "who_sends_it")

#: Facts that are wire text (a raw HTTP exchange): shown as written, never translated.
WIRE_FIELDS = ("example",)

#: Every text of a code that goes through gettext.
TRANSLATED_FIELDS = tuple(name for name in (*TEXT_FIELDS, *FACT_FIELDS) if name not in WIRE_FIELDS)

#: How a ``caching`` text must begin (in the English source): RFC 9110, Section 15.1 names the
#: codes that are heuristically cacheable, RFC 7725 adds 451; every other code needs explicit
#: freshness information before a cache may reuse it.
CACHING_VERDICTS = ("Cacheable by default", "Not cacheable by default")

#: Fields of a pair note.
PAIR_TEXT_FIELDS = ("key_difference", "when_to_use_which")

#: IANA registry states other than "permanent".
REGISTRY_STATES = ("unused", "temporary", "obsoleted")


def phrase_key(phrase: str) -> str:
    """A reason phrase reduced to what tells phrases apart (for comparisons only)."""
    folded = phrase.casefold().replace("\u2019", "'").replace("-", " ")
    return " ".join(folded.split())


@dataclass(frozen=True)
class StatusCode:
    """One status code: registry facts plus our explanatory texts (English source strings)."""

    code: int
    phrase: str
    summary: str = ""
    description: str = ""
    when_you_see_it: str = ""
    how_to_fix: str = ""
    headers: str = ""
    caching: str = ""
    retry: str = ""
    example: str = ""
    who_sends_it: str = ""
    spec: str = ""
    spec_url: str = ""
    registry_state: str = ""
    registry_expires: str = ""  # ISO date: when a temporary registration ends unless extended
    unofficial: str = ""
    related: tuple[int, ...] = ()
    #: Phrases the code had before (RFC 2616, RFC 7231, ...) or is often given by mistake.
    former_phrases: tuple[str, ...] = ()

    @property
    def status_class(self) -> int:
        """The first digit: 1 for 1xx, ..., 5 for 5xx (RFC 9110, Section 15)."""
        return self.code // 100

    @property
    def label(self) -> str:
        """``"403 Forbidden"``: the code and its reason phrase (protocol text, never translated)."""
        return f"{self.code} {self.phrase}"

    def phrase_state(self, phrase: str) -> str:
        """``"current"``, ``"former"`` (a known old or wrong phrase) or ``"other"``.

        Case, hyphens and apostrophe style don't count: "Non Authoritative Information" names
        203 as well as "Non-Authoritative Information" does.
        """
        wanted = phrase_key(phrase)
        if wanted == phrase_key(self.phrase):
            return "current"
        if any(wanted == phrase_key(former) for former in self.former_phrases):
            return "former"
        return "other"

    def merged(self, changes: Mapping[str, Any]) -> StatusCode:
        return dataclasses.replace(self, **changes)


@dataclass(frozen=True)
class PairNote:
    """A curated note about two codes that readers confuse."""

    codes: tuple[int, int]
    key_difference: str = ""
    when_to_use_which: str = ""

    @property
    def key(self) -> frozenset[int]:
        return frozenset(self.codes)


class Catalog:
    """Codes and pair notes, looked up by number; immutable once built."""

    def __init__(self, codes: Mapping[int, StatusCode], pairs: Mapping[frozenset[int], PairNote]):
        self._codes = MappingProxyType(dict(sorted(codes.items())))
        self._pairs = MappingProxyType(dict(pairs))

    @property
    def codes(self) -> Mapping[int, StatusCode]:
        return self._codes

    @property
    def pairs(self) -> Mapping[frozenset[int], PairNote]:
        return self._pairs

    def get(self, code: int) -> StatusCode | None:
        return self._codes.get(code)

    def __contains__(self, code: object) -> bool:
        return code in self._codes

    def pair(self, first: int, second: int) -> PairNote | None:
        return self._pairs.get(frozenset((first, second)))

    def select(
        self, classes: frozenset[int] = frozenset(), codes: frozenset[int] = frozenset()
    ) -> list[StatusCode]:
        """Codes in ascending order, filtered by class digit and/or explicit numbers."""
        return [
            status
            for number, status in self._codes.items()
            if (not classes or status.status_class in classes) and (not codes or number in codes)
        ]
