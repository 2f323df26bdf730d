"""sphinxext-httpstatus: HTTP status codes explained, compared and cross-referenced in Sphinx."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

from .usage import httpstatus_domain, warn

__version__ = "0.2.0"


def _data_paths(app: Sphinx) -> list[Path]:
    # config.check_config made the value a list of strings.
    return [Path(app.confdir, name).resolve() for name in app.config.httpstatus_data_files]


def _load_build_data(app: Sphinx) -> None:
    """Set up translations and the catalog once per build, before any document is read."""
    from .datafiles import project_catalog
    from .i18n import init_translator, project_catalog_sources

    locale_dirs = [Path(app.srcdir, directory) for directory in app.config.locale_dirs]
    init_translator(app.config.language, locale_dirs)
    paths = [path for path in _data_paths(app) if path.is_file()]  # config.check_config warned
    catalog, problems = project_catalog(paths)
    for problem in problems:
        warn(
            "%s: %s",
            problem.key or "data",
            problem.message,
            location=problem.location,
            subtype="data",
        )
    # Documents using the extension depend on the data files and on the project's own catalog.
    dependencies = [*paths, *project_catalog_sources(app.config.language, locale_dirs)]
    httpstatus_domain(app.env).use_catalog(catalog, tuple(map(str, dependencies)))


def _builder_inited(app: Sphinx) -> None:
    _load_build_data(app)


def setup(app: Sphinx) -> dict[str, Any]:
    from . import codeblocks, httpdomain, status_usage
    from .assets import add_page_assets, copy_static_files
    from .compare import DEFAULT_FIELDS, HTTPCompare, NoteHeadingLevels
    from .config import PRIORITY as CONFIG_PRIORITY
    from .config import check_config
    from .domain import HTTPStatusDomain, documents_with_moved_targets, snapshot_entries
    from .endpoints import collect_endpoints
    from .entries import HTTPStatus, HTTPStatusCatalog
    from .i18n import PACKAGE_LOCALE_DIR
    from .inventory import PRIORITY as INVENTORY_PRIORITY
    from .inventory import add_inventory_codes
    from .prose import check_prose
    from .render import depart_header_entry, header_entry, visit_header_entry
    from .resolve import PRIORITY, ResolveStatusReferences, resolve_missing, warn_missing
    from .roles import HTTPCodeRole
    from .textoutput import PlainStatusReferences

    app.add_config_value("httpstatus_data_files", [], "env", types=[list, tuple])
    app.add_config_value("httpstatus_fallback_url", "spec", "env", types=[str, type(None)])
    app.add_config_value(
        "httpstatus_compare_fields", list(DEFAULT_FIELDS), "env", types=[list, tuple]
    )
    app.add_config_value("httpstatus_tooltips", True, "html", types=[bool])
    # Changing these re-reads every document: they change what references and fields contain.
    app.add_config_value("httpstatus_httpdomain", True, "env", types=[bool])
    app.add_config_value("httpstatus_check_prose", False, "env", types=[bool])
    # Only the HTML pages change (status lines are linked while writing).
    app.add_config_value("httpstatus_code_blocks", True, "html", types=[bool])

    app.add_domain(HTTPStatusDomain)
    app.add_role("httpcode", HTTPCodeRole())
    app.add_directive("http-compare", HTTPCompare)
    app.add_directive("http-status", HTTPStatus)
    app.add_directive("http-status-catalog", HTTPStatusCatalog)
    app.add_node(header_entry, html=(visit_header_entry, depart_header_entry))
    app.add_transform(NoteHeadingLevels)
    app.add_post_transform(PlainStatusReferences)
    app.add_message_catalog("sphinxext_httpstatus", str(PACKAGE_LOCALE_DIR))
    app.add_post_transform(ResolveStatusReferences)
    codeblocks.setup(app)
    status_usage.setup(app)

    app.connect("config-inited", check_config, priority=CONFIG_PRIORITY)
    app.connect("config-inited", httpdomain.install)
    app.connect("doctree-read", check_prose)
    app.connect("doctree-read", collect_endpoints)
    app.connect("builder-inited", _builder_inited)
    app.connect("builder-inited", add_inventory_codes, priority=INVENTORY_PRIORITY)
    app.connect("builder-inited", copy_static_files)
    app.connect("html-page-context", add_page_assets)
    app.connect("env-before-read-docs", snapshot_entries)
    app.connect("env-get-updated", documents_with_moved_targets)
    app.connect("missing-reference", resolve_missing, priority=PRIORITY)
    app.connect("warn-missing-reference", warn_missing)
    return {
        "version": __version__,
        # 3: header cells with scope, rubric heading levels, endpoints and usage in the domain
        # 4: status references as reference nodes, slotted endpoint records
        "env_version": 4,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
