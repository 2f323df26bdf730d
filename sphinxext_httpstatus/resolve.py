"""What happens to references the domain leaves unresolved.

Order for ``:httpcode:``: the project's own entry, then an intersphinx inventory, then the
external fallback link (the domain does the first and the last, see
:meth:`HTTPStatusDomain.resolve_xref`), and finally plain text, which Sphinx reports only in
nitpicky mode because our references carry ``refwarn=False``.
"""

from __future__ import annotations

from typing import Any, cast

from docutils import nodes
from sphinx import addnodes
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.environment import BuildEnvironment
from sphinx.errors import NoUri
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging

from .catalog import StatusCode
from .render import XREF_CLASSES, code_xref, keep_quotes
from .usage import httpstatus_domain, parse_code

logger = logging.getLogger(__name__)

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


def current_builder(env: BuildEnvironment) -> Builder:
    """The builder writing now; Sphinx 8.1 made the environment's application private."""
    app = getattr(env, "_app", None) or env.app
    return app.builder


def resolve_code(
    env: BuildEnvironment, fromdocname: str, status: StatusCode
) -> nodes.Element | None:
    """The link that ``:httpcode:`NNN``` gets on ``fromdocname``, for status codes that a document
    shows as something other than a reference (the status lines of HTTP examples).

    The same two steps as Sphinx's own resolver, so the same rules apply: our domain, then the
    ``missing-reference`` event (intersphinx, through :func:`resolve_missing`).
    """
    xref = code_xref(status.code, status.label)
    xref["refdoc"] = fromdocname
    contnode = cast(nodes.Element, xref[0].deepcopy())
    domain = httpstatus_domain(env)
    try:
        found = domain.resolve_xref(
            env, fromdocname, current_builder(env), "code", str(status.code), xref, contnode
        )
        if found is None:
            found = env.events.emit_firstresult(
                "missing-reference", env, xref, contnode, allowed_exceptions=(NoUri,)
            )
    except NoUri:
        return None
    return found if isinstance(found, nodes.reference) else None


class ResolveStatusReferences(SphinxPostTransform):
    """Resolve ``:httpcode:`` references to an entry or the fallback link, before Sphinx does.

    Sphinx's ``ReferencesResolver`` (priority 10) deep-copies each reference's content and goes
    through the domain lookup machinery; for the thousands of status references of an API
    reference that is most of their cost. Here the content node moves into the link as it is.
    What the domain leaves unresolved (a code an intersphinx inventory has, or no target at all)
    stays for ``ReferencesResolver``, so intersphinx and nitpicky warnings work as before.
    """

    default_priority = 5

    def run(self, **kwargs: Any) -> None:
        domain = httpstatus_domain(self.env)
        builder = current_builder(self.env)
        docname = self.env.docname
        # The link of a code is the same wherever the page mentions it: resolve it once per page
        # and copy its attributes to the other mentions.
        links: dict[tuple[str, str], dict[str, Any] | None] = {}
        for node in list(self.document.findall(addnodes.pending_xref)):
            if node.get("refdomain") != "httpstatus" or node.get("reftype") != "code":
                continue
            if not node.children:
                continue
            key = (node.get("refdoc", docname), node["reftarget"])
            found: nodes.Element | None
            if key in links:
                attributes = links[key]
                found = None
                if attributes is not None:
                    found = nodes.reference("", "", *node.children)
                    found.attributes = {
                        name: value[:] if isinstance(value, list) else value
                        for name, value in attributes.items()
                    }
            else:
                found = domain.resolve_xref(
                    self.env, key[0], builder, "code", key[1], node, cast(nodes.Element, node[0])
                )
                links[key] = None if found is None else found.attributes
            if found is not None:
                # Not replace_self: our references carry no ids or classes to hand over.
                node.parent.replace(node, found)
            else:
                # Left to Sphinx (intersphinx, or no target at all), which shows the content as
                # it is: give it the classes that a link or the plain text should carry.
                content = nodes.inline("", "", *node.children, classes=list(XREF_CLASSES))
                node[:] = [keep_quotes(content)]


def warn_missing(app: Sphinx, domain: object, node: pending_xref) -> bool | None:
    """``warn-missing-reference`` (nitpicky only): say why a known code has no target.

    Sphinx's own "reference target not found: 460" gives no hint; a project code without an
    entry and without ``spec_url`` is the usual reason. Same type and subtype as Sphinx's warning,
    so ``nitpick_ignore`` and ``suppress_warnings = ["ref.code"]`` treat it alike.
    """
    if node.get("refdomain") != "httpstatus" or node.get("reftype") != "code":
        return None
    code = parse_code(node["reftarget"])
    httpstatus = httpstatus_domain(app.env)
    status = httpstatus.get_catalog().get(code) if code is not None else None
    if status is None:
        return None
    # With a spec URL, only a switched-off fallback explains the miss; without, the data does.
    remedy = (
        "or set httpstatus_fallback_url"
        if status.spec_url and not app.config.httpstatus_fallback_url
        else "or a spec_url in the data file"
    )
    logger.warning(
        "httpstatus:code reference target not found: %s (the project has no entry for it and "
        "httpstatus_fallback_url gives no link; add '.. http-status:: %s', %s)",
        code,
        code,
        remedy,
        location=node,
        type="ref",
        subtype="code",
    )
    return True
