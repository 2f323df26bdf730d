"""What happens to references the domain leaves unresolved.

Order for ``:httpcode:``: the project's own entry, then an intersphinx inventory, then the
external fallback link (the domain does the first and the last, see
:meth:`HTTPStatusDomain.resolve_xref`), and finally plain text, which Sphinx reports only in
nitpicky mode because our references carry ``refwarn=False``.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from .usage import httpstatus_domain

#: Before intersphinx's own handler (500): we call intersphinx ourselves so that what it finds
#: gets our tooltip too.
PRIORITY = 400


def resolve_missing(
    app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: nodes.TextElement
) -> nodes.Node | None:
    if node.get("refdomain") != "httpstatus":
        return None
    if "sphinx.ext.intersphinx" in app.extensions:
        from sphinx.ext.intersphinx import missing_reference

        found = missing_reference(app, env, node, contnode)
        if found is not None:
            return httpstatus_domain(env).decorate(found, node["reftarget"])
    if node.get("reftype") in ("advice", "compare"):
        # Optional links ("Full advice", "comparison") simply disappear without a target.
        return nodes.inline()
    return None
