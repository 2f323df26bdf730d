"""The ``:httpcode:`` role: ``403`` becomes a link reading "403 Forbidden".

Built on :class:`~sphinx.roles.XRefRole`, so ``title <403>`` and ``!403`` (no link) behave like
every other Sphinx cross-reference role.
"""

from __future__ import annotations

from docutils import nodes
from docutils.nodes import Node, system_message
from docutils.utils import unescape
from sphinx.roles import XRefRole

from .render import XREF_CLASSES, code_reference, keep_quotes
from .usage import catalog_for, check_code, check_phrase, httpstatus_domain, split_phrase


class HTTPCodeRole(XRefRole):
    """``403``, ``403 Forbidden``, ``title <403>`` and ``!403``."""

    innernodeclass = nodes.inline

    #: Phrases that do not count as stale (see ``httpdomain.py``), by code.
    accepted_phrases: dict[int, tuple[str, ...]] = {}

    def quiet(self) -> bool:
        """Whether unknown and malformed codes pass without a warning."""
        return False

    def run(self) -> tuple[list[Node], list[system_message]]:
        written = unescape(self.text[1:] if self.disabled else self.target).strip()
        target, phrase = split_phrase(written)
        domain = httpstatus_domain(self.env)
        # Looked up once, for the warnings and for the node (this runs for every reference).
        source, line = self.get_source_info()
        location = f"{source}:{line}" if source and line else self.get_location()
        code, status = check_code(
            target, catalog_for(self.env, domain), location, quiet=self.quiet()
        )
        if status is not None and phrase:
            accepted = self.accepted_phrases.get(status.code, ())
            check_phrase(status, phrase, location, accepted)
        explicit = self.has_explicit_title and not self.disabled
        text = self.title if explicit else (status.label if status else written)
        if code is None or self.disabled:
            return [keep_quotes(nodes.inline(self.rawtext, text, classes=XREF_CLASSES))], []
        domain.note_references(self.env.docname, [code])
        reference = code_reference(code, text, explicit=explicit, docname=self.env.docname)
        reference.rawsource = self.rawtext
        reference.source, reference.line = source, line
        return [reference], []
