"""The benchmark script runs end to end on tiny projects and reports every figure.

Only its structure and its behavioural findings are checked here (which pages an incremental
build reads, that each figure carries a verdict); timing is never asserted in a test, the
figures come from a full run (bench/README.md).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent


def test_bench_reports_every_figure_with_a_verdict(tmp_path):
    output = tmp_path / "bench.json"
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "run.py"),
            "--pages",
            "8",
            "--refs",
            "200",
            "--repeat",
            "1",
            "--api-pages",
            "2",
            "--ref-sizes",
            "100",
            "300",
            "--page-sizes",
            "5",
            "10",
            "--json",
            str(output),
        ],
        check=True,
        capture_output=True,
        text=True,
        timeout=900,
    )
    report = json.loads(output.read_text(encoding="utf-8"))
    assert "Sphinx" in report["machine"]
    results = {result["name"]: result for result in report["results"]}
    assert len(results) == 8
    assert all(isinstance(result["target_met"], bool) for result in results.values())
    # The one behavioural finding: editing one page of the largest series reads that page only.
    (incremental,) = (result for name, result in results.items() if "incremental" in name)
    assert incremental["pages"] == 10
    assert incremental["reread"] == ["page0005"]
    assert incremental["target_met"] is True
    scaling = [result for result in results.values() if "sizes" in result]
    assert [[row.get("ref", row.get("page")) for row in result["sizes"]] for result in scaling] == [
        [100, 300],
        [5, 10],
    ]
