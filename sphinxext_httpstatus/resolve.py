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
from sphinx.util import logging

from .usage import parse_code

logger = logging.getLogger(__name__)

#: Before intersphinx's own handler (500): we call intersphinx ourselves so that what it finds
#: gets our tooltip too.
PRIORITY = 400


def resolve_missing(
    app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: nodes.Element
) -> nodes.Node | None:
    if node.get("refdomain") != "httpstatus":
        return None
    if "sphinx.ext.intersphinx" in app.extensions:
        from sphinx.ext.intersphinx import missing_reference

        found = missing_reference(app, env, node, contnode)
        if found is not None:
            return env.get_domain("httpstatus").decorate(found, node["reftarget"])
    if node.get("reftype") in ("advice", "compare"):
        # Optional links ("Full advice", "comparison") simply disappear without a target.
        return nodes.inline()
    return None


def warn_missing(app: Sphinx, domain: object, node: pending_xref) -> bool | None:
    """``warn-missing-reference`` (nitpicky only): say why a known code has no target.

    Sphinx's own "reference target not found: 460" gives no hint; a project code without an
    entry and without ``spec_url`` is the usual reason. Same type and subtype as Sphinx's warning,
    so ``nitpick_ignore`` and ``suppress_warnings = ["ref.code"]`` treat it alike.
    """
    if node.get("refdomain") != "httpstatus" or node.get("reftype") != "code":
        return None
    code = parse_code(node["reftarget"])
    httpstatus = app.env.get_domain("httpstatus")
    if code is None or code not in httpstatus.get_catalog():
        return None
    logger.warning(
        "httpstatus:code reference target not found: %s (the project has no entry for it and "
        "httpstatus_fallback_url gives no link; add '.. http-status:: %s', or a spec_url in "
        "the data file)",
        code,
        code,
        location=node,
        type="ref",
        subtype="code",
    )
    return True
