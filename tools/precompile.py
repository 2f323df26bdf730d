"""Write (or check) the precompiled copy of the shipped catalog, data/catalog.json.

    python tools/precompile.py          # rewrite it from the YAML files
    python tools/precompile.py --check  # exit 1 when it is missing or does not match the YAML

See sphinxext_httpstatus/precompiled.py for why the copy exists and how a stale one is ignored.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sphinxext_httpstatus import precompiled  # noqa: E402
from sphinxext_httpstatus.datafiles import (  # noqa: E402
    SHIPPED_DATA_DIR,
    data_sources,
    parse_catalog,
)


def main(argv: list[str]) -> int:
    sources = data_sources(SHIPPED_DATA_DIR)
    target = SHIPPED_DATA_DIR / precompiled.FILE_NAME
    text = precompiled.dump(parse_catalog(sources), sources)
    if "--check" in argv:
        current = target.read_text(encoding="utf-8") if target.is_file() else ""
        if current != text:
            print(f"{target.relative_to(ROOT)} is stale: run python tools/precompile.py")
            return 1
        print(f"{target.relative_to(ROOT)} matches the YAML")
        return 0
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
