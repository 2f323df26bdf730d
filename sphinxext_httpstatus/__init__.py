"""sphinxext-httpstatus: HTTP status codes explained, compared and cross-referenced in Sphinx."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config

from .usage import warn

__version__ = "0.1.0"

STATIC_DIR = Path(__file__).parent / "static"


def _data_file_names(config: Config) -> list[str]:
    names = config.httpstatus_data_files
    # A single string is a common slip; Sphinx warns about the type, we still do the right thing.
    return [names] if isinstance(names, str) else list(names or ())


def _data_paths(app: Sphinx) -> list[Path]:
    return [Path(app.confdir, name).resolve() for name in _data_file_names(app.config)]


def _load_build_data(app: Sphinx) -> None:
    """Set up translations and the catalog once per build, before any document is read."""
    from .datafiles import project_catalog
    from .i18n import init_translator

    init_translator(
        app.config.language, [Path(app.srcdir, directory) for directory in app.config.locale_dirs]
    )
    paths = [path for path in _data_paths(app) if path.is_file()]  # _check_config warned
    catalog, problems = project_catalog(paths)
    for problem in problems:
        warn(
            "%s: %s",
            problem.key or "data",
            problem.message,
            location=problem.location,
            subtype="data",
        )
    app.env.get_domain("httpstatus").use_catalog(catalog, tuple(map(str, paths)))


def _add_static_files(app: Sphinx) -> None:
    if app.builder.format != "html":
        return
    app.config.html_static_path.append(str(STATIC_DIR))
    app.add_css_file("httpstatus.css")
    if app.config.httpstatus_tooltips:
        app.add_js_file("httpstatus.js", loading_method="defer")


def _builder_inited(app: Sphinx) -> None:
    _load_build_data(app)
    _add_static_files(app)


def _check_config(app: Sphinx, config: Config) -> None:
    for name in _data_file_names(config):
        if not Path(app.confdir, name).is_file():
            warn("httpstatus_data_files: %s does not exist", name, location=None, subtype="config")
    template = config.httpstatus_fallback_url
    if template and template != "spec":
        try:
            template.format(code=404)
        except (KeyError, IndexError, ValueError) as exc:
            warn(
                "httpstatus_fallback_url: %r is not a URL template with {code} (%s); "
                "falling back to plain text",
                template,
                exc,
                location=None,
                subtype="config",
            )


def setup(app: Sphinx) -> dict[str, Any]:
    from . import codeblocks, httpdomain, status_usage
    from .compare import DEFAULT_FIELDS, HTTPCompare
    from .domain import HTTPStatusDomain, documents_with_moved_targets, snapshot_entries
    from .endpoints import collect_endpoints
    from .entries import HTTPStatus, HTTPStatusCatalog
    from .i18n import PACKAGE_LOCALE_DIR
    from .prose import check_prose
    from .resolve import PRIORITY, ResolveStatusReferences, resolve_missing
    from .roles import HTTPCodeRole

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
    app.add_message_catalog("sphinxext_httpstatus", str(PACKAGE_LOCALE_DIR))
    app.add_post_transform(ResolveStatusReferences)
    codeblocks.setup(app)
    status_usage.setup(app)

    app.connect("config-inited", _check_config)
    app.connect("config-inited", httpdomain.install)
    app.connect("doctree-read", check_prose)
    app.connect("doctree-read", collect_endpoints)
    app.connect("builder-inited", _builder_inited)
    app.connect("env-before-read-docs", snapshot_entries)
    app.connect("env-get-updated", documents_with_moved_targets)
    app.connect("missing-reference", resolve_missing, priority=PRIORITY)
    return {
        "version": __version__,
        "env_version": 2,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
