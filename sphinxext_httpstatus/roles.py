"""The ``:httpcode:`` role: ``403`` becomes a link reading "403 Forbidden".

Built on :class:`~sphinx.roles.XRefRole`, so ``title <403>`` and ``!403`` (no link) behave like
every other Sphinx cross-reference role.
"""

from __future__ import annotations

from docutils import nodes
from docutils.nodes import Node, system_message
from docutils.utils import unescape
from sphinx.roles import XRefRole

from .render import XREF_CLASSES, code_xref
from .usage import catalog_for, check_code, httpstatus_domain


class HTTPCodeRole(XRefRole):
    innernodeclass = nodes.inline

    def run(self) -> tuple[list[Node], list[system_message]]:
        target = unescape(self.text[1:] if self.disabled else self.target).strip()
        code, status = check_code(target, catalog_for(self.env), self.get_location())
        explicit = self.has_explicit_title and not self.disabled
        text = self.title if explicit else (status.label if status else target)
        if code is None or self.disabled:
            return [nodes.inline(self.rawtext, text, classes=XREF_CLASSES)], []
        httpstatus_domain(self.env).note_references(self.env.docname, [code])
        xref = code_xref(code, text, explicit=explicit)
        xref.rawsource = self.rawtext
        xref["refdoc"] = self.env.docname
        self.set_source_info(xref)
        return [xref], []
