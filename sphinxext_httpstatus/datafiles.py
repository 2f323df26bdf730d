"""Where the catalog comes from: the YAML shipped in the package plus a project's own files."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path

from .catalog import Catalog
from .loader import DataProblem, merge, read_data_file

SHIPPED_DATA_DIR = Path(__file__).parent / "data"


@functools.lru_cache(maxsize=1)
def shipped_catalog() -> Catalog:
    """The catalog in the package, parsed once per process (it never changes)."""
    files = [read_data_file(path) for path in sorted(SHIPPED_DATA_DIR.glob("*.yaml"))]
    catalog, problems = merge(None, files)
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
