"""Status references in man pages and plain text: the words a reader needs, no link targets.

The man writer prints a link's target after its text ("429 Too Many Requests <https://...>",
"<#httpstatus-429>" with older docutils), which turned every status reference of a page into
noise. A ``:ref:`` shows only its text there, and so do ours now.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

BUILDERS = ("man", "text")


class PlainStatusReferences(SphinxPostTransform):
    """Unwrap resolved status references, keeping their text (after references are resolved)."""

    default_priority = 20  # ReferencesResolver is 10
    builders = BUILDERS

    def run(self, **kwargs: Any) -> None:
        for reference in list(self.document.findall(nodes.reference)):
            if "httpstatus-ref" in reference.get("classes", ()):
                # Not replace_self, which refuses to drop the link's classes with it.
                reference.parent.replace(reference, list(reference.children))
