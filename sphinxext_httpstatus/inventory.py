"""Codes that another project publishes through intersphinx count as known here.

A platform project adds 460 in its data file and documents it; a consumer project that maps the
platform's inventory may write ``:httpcode:`460``` and ``.. http-compare:: 403 460`` without a
warning. What carries over is what an inventory holds: the code and its name (the entry's display
name, "460 Client Closed Connection"). The wording (description, how to fix, ...) does not; a
project that wants it shares the platform's data file through ``httpstatus_data_files``. A code
the project knows itself keeps its own name and texts.
"""

from __future__ import annotations

from typing import cast

from sphinx.application import Sphinx

from .catalog import Catalog, StatusCode
from .usage import httpstatus_domain, parse_code

#: After intersphinx's own ``builder-inited`` handler (500), which loads the inventories.
PRIORITY = 900


def _display_name(item: object) -> str:
    name = getattr(item, "display_name", None)  # Sphinx 8.2+: an _InventoryItem
    if name is None:
        name = cast(tuple, item)[3]  # older Sphinx: (project, version, uri, display name)
    return str(name)


def inventory_codes(inventory: dict | None, catalog: Catalog) -> dict[int, StatusCode]:
    """Codes in ``httpstatus:code`` of the loaded inventories that the catalog lacks."""
    found: dict[int, StatusCode] = {}
    for target, item in sorted((inventory or {}).get("httpstatus:code", {}).items()):
        code = parse_code(str(target))
        if code is None or code in catalog:
            continue
        prefix = f"{code} "
        name = _display_name(item)
        phrase = name[len(prefix) :].strip() if name.startswith(prefix) else ""
        if phrase:  # without a name we cannot say more than the number: leave it unknown
            found[code] = StatusCode(code=code, phrase=phrase)
    return found


def add_inventory_codes(app: Sphinx) -> None:
    """``builder-inited``: extend the build's catalog with the codes other projects publish."""
    inventory = getattr(app.env, "intersphinx_inventory", None)
    if not inventory:
        return
    domain = httpstatus_domain(app.env)
    catalog = domain.get_catalog()
    extra = inventory_codes(inventory, catalog)
    if extra:
        domain.use_catalog(Catalog({**catalog.codes, **extra}, catalog.pairs), domain.data_files)
