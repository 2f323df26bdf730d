"""What happens to references after the domain had its turn.

Order for ``:httpcode:``: the project's own entry (the domain), then intersphinx (its own
``missing-reference`` handler at the default priority), then :func:`external_fallback` here, and
finally plain text, which Sphinx reports only in nitpicky mode because our references carry
``refwarn=False``.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from . import render
from .usage import parse_code

#: After intersphinx (500), so an inventory entry always wins over the external link.
FALLBACK_PRIORITY = 900


def external_fallback(app: Sphinx, env: BuildEnvironment, node: pending_xref,
                      contnode: nodes.Element) -> nodes.Node | None:
    if node.get("refdomain") != "httpstatus":
        return None
    if node.get("reftype") in ("advice", "compare"):
        # Optional links ("Full advice", "comparison") simply disappear without a target.
        return nodes.inline()
    code = parse_code(node.get("reftarget", ""))
    status = env.get_domain("httpstatus").get_catalog().get(code) if code else None
    template = app.config.httpstatus_fallback_url
    if status is None or not template:
        return None
    url = status.spec_url if template == "spec" else template.format(code=code)
    if not url:
        return None
    reference = nodes.reference("", "", internal=False, refuri=url)
    reference += contnode
    return reference


def add_tooltips(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Give every resolved status reference its meaning as ``title`` (the tooltip's source).

    Done once here, whichever way the reference was resolved (entry, intersphinx, fallback).
    """
    catalog = app.env.get_domain("httpstatus").get_catalog()
    for inner in list(doctree.findall(nodes.inline)):
        code = inner.get("httpcode")
        if code is None:
            continue
        parent = inner.parent
        if not isinstance(parent, nodes.reference):
            continue
        status = catalog.get(code)
        if status is not None:
            parent["reftitle"] = render.tooltip_text(status)
        parent["classes"].append("httpstatus-ref")
