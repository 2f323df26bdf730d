"""Facts about the shipped catalog for the guide's explanation page.

Read from the package's own data at build time, so the page never lists a curated pair or an
unofficial code that the catalog no longer has, nor misses one it gained.
"""

from __future__ import annotations

import datetime
from collections import defaultdict

import yaml
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from sphinxext_httpstatus.catalog import Catalog
from sphinxext_httpstatus.datafiles import SHIPPED_DATA_DIR, shipped_catalog


class FactsDirective(SphinxDirective):
    def catalog(self) -> Catalog:
        # Re-read this page when the shipped data changes (an incremental build after a pull).
        for path in sorted(SHIPPED_DATA_DIR.glob("*.yaml")):
            self.env.note_dependency(str(path))
        return shipped_catalog()


def _bullets(groups: dict[str, list[str]], separator: str) -> nodes.bullet_list:
    items = nodes.bullet_list()
    for label, words in groups.items():
        text = f"{label}: {separator.join(words)}."
        items += nodes.list_item("", nodes.paragraph(text, text))
    return items


class CuratedPairs(FactsDirective):
    """``.. curated-pairs::``: the pairs with written notes, grouped by the first code's class."""

    def run(self) -> list[nodes.Node]:
        pairs = sorted(tuple(sorted(note.codes)) for note in self.catalog().pairs.values())
        groups: dict[str, list[str]] = defaultdict(list)
        for first, second in pairs:
            groups[f"{first // 100}xx"].append(f"{first} and {second}")
        lead = (
            f"These {len(pairs)} pairs have written notes, listed by the class of the first code:"
        )
        return [nodes.paragraph(lead, lead), _bullets(dict(groups), "; ")]


class UnofficialCodes(FactsDirective):
    """``.. unofficial-codes::``: the shipped codes outside the IANA registry, by vendor."""

    def run(self) -> list[nodes.Node]:
        groups: dict[str, list[str]] = defaultdict(list)
        for status in self.catalog().codes.values():
            if status.unofficial:
                groups[status.unofficial].append(str(status.code))
        return [_bullets(dict(sorted(groups.items())), ", ")]


def _and(words: list[str]) -> str:
    return ", ".join(words[:-1]) + " and " + words[-1] if len(words) > 1 else "".join(words)


class RegisteredCount(FactsDirective):
    """``.. registered-count::``: how many shipped codes are registered, and their states."""

    def run(self) -> list[nodes.Node]:
        registered = [s for s in self.catalog().codes.values() if not s.unofficial]
        by_state: dict[str, list[str]] = defaultdict(list)
        for status in registered:
            by_state[status.registry_state].append(str(status.code))
        notes = {
            "temporary": "temporary registration",
            "unused": "marked unused by IANA",
            "obsoleted": "specification now historic",
        }
        details = [
            f"{_and(by_state[state])} ({note})" for state, note in notes.items() if by_state[state]
        ]
        text = f"The catalog holds all {len(registered)} codes of the registry"
        text += (", among them " + _and(details) if details else "") + "."
        return [nodes.paragraph(text, text)]


# Not strftime("%B"): its month names follow the machine's locale, and the page is English.
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August")
_MONTHS += ("September", "October", "November", "December")


class RegistrySource(FactsDirective):
    """``.. registry-source::``: which registry copy the catalog follows, with its date.

    The date is the snapshot's own (data/iana/http-status-codes.yaml, refreshed by
    tools/iana_registry.py), so the sentence changes when the copy does.
    """

    def run(self) -> list[nodes.Node]:
        path = SHIPPED_DATA_DIR / "iana" / "http-status-codes.yaml"
        self.env.note_dependency(str(path))
        snapshot = yaml.safe_load(path.read_text(encoding="utf-8"))["snapshot_date"]
        date = datetime.date.fromisoformat(str(snapshot))
        url = "https://www.iana.org/assignments/http-status-codes/"
        paragraph = nodes.paragraph()
        paragraph += nodes.Text("The catalog follows the ")
        name = "IANA HTTP Status Code Registry"
        paragraph += nodes.reference(name, name, refuri=url)
        paragraph += nodes.Text(
            f" as last updated on {date.day} {_MONTHS[date.month - 1]} {date.year}, in a dated "
            "copy that the test suite checks the catalog against. Each registered code links to "
            "the section of the RFC or draft that defines it, most of them in RFC 9110."
        )
        return [paragraph]


def setup(app: Sphinx) -> dict[str, object]:
    app.add_directive("curated-pairs", CuratedPairs)
    app.add_directive("unofficial-codes", UnofficialCodes)
    app.add_directive("registered-count", RegisteredCount)
    app.add_directive("registry-source", RegistrySource)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
