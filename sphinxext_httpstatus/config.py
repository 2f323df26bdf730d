"""Checking the ``httpstatus_*`` values of conf.py before anything uses them.

A slip in conf.py must never stop a build: each wrong value gets one ``[httpstatus.config]``
warning located at its line in conf.py, and is then replaced by a value that works. Replacing it
here, before Sphinx's own type check (priority 800) runs, also means the reader sees our one
message instead of Sphinx's generic "has type ..., defaults to ..." as well.
"""

from __future__ import annotations

import re
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config

from .usage import warn

#: Run before Sphinx's ``check_confval_types`` (800), so it sees only corrected values.
PRIORITY = 500
DEFAULT_FALLBACK = "spec"


def _location(app: Sphinx, name: str) -> str:
    """``/path/conf.py:12`` for the line that assigns ``name`` (or line 1: e.g. set with -D)."""
    conf_py = Path(app.confdir or app.srcdir, "conf.py")
    line = 1
    try:
        for number, text in enumerate(conf_py.read_text(encoding="utf-8").splitlines(), 1):
            if re.match(rf"\s*{re.escape(name)}\s*[+:]?=", text):
                line = number
                break
    except OSError:
        pass
    return f"{conf_py}:{line}"


def _replace(app: Sphinx, config: Config, name: str, reason: str, default: object) -> None:
    warn(
        "%s: %s; using %r instead",
        name,
        reason,
        default,
        location=_location(app, name),
        subtype="config",
    )
    config[name] = default


def _describe(value: object) -> str:
    return f"{value!r} ({type(value).__name__})"


def _check_data_files(app: Sphinx, config: Config) -> None:
    name = "httpstatus_data_files"
    value = config[name]
    if isinstance(value, str):  # one file name: a common, harmless slip
        config[name] = [value]
        return
    if value is None:
        config[name] = []
        return
    if not isinstance(value, (list, tuple)) or not all(isinstance(item, str) for item in value):
        _replace(app, config, name, f"expected a list of file names, got {_describe(value)}", [])
        return
    for file_name in value:
        if not Path(app.confdir, file_name).is_file():
            warn(
                "%s: %s does not exist",
                name,
                file_name,
                location=_location(app, name),
                subtype="config",
            )


def _check_fallback_url(app: Sphinx, config: Config) -> None:
    name = "httpstatus_fallback_url"
    template = config[name]
    if template is None or template is False or template == "":
        config[name] = None  # all three mean "no external link": plain text
        return
    if not isinstance(template, str):
        _replace(
            app,
            config,
            name,
            f'expected "spec", a URL template with {{code}} or None, got {_describe(template)}',
            DEFAULT_FALLBACK,
        )
        return
    if template == DEFAULT_FALLBACK:
        return
    try:
        formatted = template.format(code=404)
    except (KeyError, IndexError, ValueError, AttributeError) as exc:
        _replace(
            app,
            config,
            name,
            f"{template!r} is not a URL template with {{code}} ({exc})",
            DEFAULT_FALLBACK,
        )
        return
    if formatted == template:
        # "mdn" or a plain URL would send every code to the same page.
        _replace(
            app,
            config,
            name,
            f'{template!r} has no {{code}}, so every code would link to the same page (use "spec" '
            "or a URL template such as https://example.org/status/{code})",
            DEFAULT_FALLBACK,
        )


def _check_compare_fields(app: Sphinx, config: Config, default: tuple[str, ...]) -> None:
    name = "httpstatus_compare_fields"
    value = config[name]
    if isinstance(value, str):  # "class how_to_fix": split like the directive's option
        config[name] = value.replace(",", " ").split()
        return
    if not isinstance(value, (list, tuple)) or not all(isinstance(item, str) for item in value):
        _replace(
            app,
            config,
            name,
            f"expected a list of field names, got {_describe(value)}",
            list(default),
        )


#: The switches and their defaults. A string such as "false" is a slip: Sphinx would keep it, and
#: it would then count as true in one place and false in another.
SWITCHES = {
    "httpstatus_tooltips": True,
    "httpstatus_httpdomain": True,
    "httpstatus_code_blocks": True,
    "httpstatus_check_prose": False,
}


def _check_switches(app: Sphinx, config: Config) -> None:
    for name, default in SWITCHES.items():
        value = config[name]
        if not isinstance(value, bool):
            _replace(app, config, name, f"expected True or False, got {_describe(value)}", default)


def check_config(app: Sphinx, config: Config) -> None:
    from .compare import DEFAULT_FIELDS

    _check_switches(app, config)
    _check_data_files(app, config)
    _check_fallback_url(app, config)
    _check_compare_fields(app, config, DEFAULT_FIELDS)
