"""Where the catalog comes from: the YAML shipped in the package plus a project's own files."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path

from . import precompiled
from .catalog import Catalog
from .loader import DataProblem, merge, read_data_file

SHIPPED_DATA_DIR = Path(__file__).parent / "data"


@functools.lru_cache(maxsize=1)
def shipped_catalog() -> Catalog:
    """The catalog in the package, loaded once per process (it never changes)."""
    return catalog_in(SHIPPED_DATA_DIR)


def catalog_in(directory: Path) -> Catalog:
    """The catalog of a data directory: its precompiled copy when fresh, else its YAML."""
    sources = data_sources(directory)
    catalog = precompiled.load(directory / precompiled.FILE_NAME, sources)
    return catalog if catalog is not None else parse_catalog(sources)


def data_sources(directory: Path) -> list[Path]:
    return sorted(directory.glob("*.yaml"))


def parse_catalog(sources: Sequence[Path]) -> Catalog:
    """The catalog the YAML files merge into, validated."""
    catalog, problems = merge(None, [read_data_file(path) for path in sources])
    if problems:  # only a broken installation gets here; the test suite guards the data
        raise RuntimeError(
            "sphinxext-httpstatus ships invalid data:\n" + "\n".join(map(str, problems))
        )
    return catalog


def project_catalog(paths: Sequence[Path]) -> tuple[Catalog, list[DataProblem]]:
    """The shipped catalog with a project's files applied in order, and what was wrong in them."""
    if not paths:
        return shipped_catalog(), []
    return merge(shipped_catalog(), [read_data_file(path) for path in paths])
