"""Benchmark sphinxext-httpstatus against what a project would write by hand.

    python bench/run.py [--pages 1000] [--repeat 5] [--refs 10000] [--only NAME ...]

Each comparison builds two generated projects with whole ``sphinx-build`` runs in fresh
processes, alternating A and B so that machine noise hits both alike, and reports medians and
the ratio B/A (extension / baseline). Nothing here is a test: see bench/README.md for figures.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sphinxext_httpstatus.datafiles import shipped_catalog  # noqa: E402

PAIRS = [(202, 403), (401, 403), (500, 502), (301, 308), (429, 503), (404, 410), (400, 422)]
REF_CODES = [200, 201, 204, 301, 304, 400, 401, 403, 404, 409, 422, 429, 500, 502, 503]

# Runs sphinx-build in this process and reports its peak memory (ru_maxrss, KiB on Linux).
RUNNER = textwrap.dedent("""\
    import resource, sys
    from sphinx.cmd.build import main
    code = main(sys.argv[1:])
    print("MAXRSS", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    sys.exit(code)
""")

RECORD_READS = textwrap.dedent("""\


    def setup(app):
        def record(app, env, docnames):
            with open(app.srcdir / "reads.log", "a") as log:
                log.write(" ".join(sorted(docnames)) + "\\n")
        app.connect("env-before-read-docs", record)
""")


def write_project(root: Path, extensions: list[str], pages: dict[str, str], conf: str = "") -> Path:
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    (root / "conf.py").write_text(
        f"extensions = {extensions!r}\nproject = 'Bench'\nhtml_theme = 'basic'\n"
        + conf
        + RECORD_READS,
        encoding="utf-8",
    )
    toctree = "\n".join(f"   {name}" for name in pages)
    (root / "index.rst").write_text(
        f"Bench\n=====\n\n.. toctree::\n\n{toctree}\n", encoding="utf-8"
    )
    for name, text in pages.items():
        (root / f"{name}.rst").write_text(text, encoding="utf-8")
    return root


def heading(title: str) -> str:
    return f"{title}\n{'=' * len(title)}\n\n"


# -- the two ways of writing the same pages ---------------------------------------------------


def extension_pages(count: int) -> dict[str, str]:
    pages = {"catalog": heading("Catalog") + ".. http-status-catalog::\n"}
    for number in range(count):
        first, second = PAIRS[number % len(PAIRS)]
        refs = " ".join(f":httpcode:`{code}`" for code in REF_CODES[number % 5 :: 5])
        pages[f"page{number:04d}"] = (
            heading(f"Page {number}") + f"See {refs}.\n\n.. http-compare:: {first} {second}\n"
        )
    return pages


def hand_pages(count: int) -> dict[str, str]:
    """The equivalent a writer would produce without the extension: list-tables and :ref:."""
    catalog = shipped_catalog()
    entries = []
    for code, status in catalog.codes.items():
        entries.append(
            f".. _status-{code}:\n\n{status.label}\n{'-' * len(status.label)}\n\n"
            f":Class: {code // 100}xx\n:Description: {status.description}\n"
            f":When you see it: {status.when_you_see_it}\n"
            f":How to fix: {status.how_to_fix}\n:Specification: `{status.spec} "
            f"<{status.spec_url}>`__\n"
        )
    pages = {"catalog": heading("Catalog") + "\n".join(entries)}
    for number in range(count):
        first, second = (catalog.codes[code] for code in PAIRS[number % len(PAIRS)])
        note = catalog.pair(first.code, second.code)
        refs = " ".join(
            f":ref:`{catalog.codes[code].label} <status-{code}>`"
            for code in REF_CODES[number % 5 :: 5]
        )
        rows = [
            (
                "Status",
                f":ref:`{first.label} <status-{first.code}>`",
                f":ref:`{second.label} <status-{second.code}>`",
            )
        ]
        for label, field in (
            ("Description", "description"),
            ("When you see it", "when_you_see_it"),
            ("How to fix", "how_to_fix"),
        ):
            rows.append((label, getattr(first, field), getattr(second, field)))
        table = "\n".join(f"   * - {a}\n     - {b}\n     - {c}" for a, b, c in rows)
        pages[f"page{number:04d}"] = (
            heading(f"Page {number}") + f"See {refs}.\n\n"
            f".. list-table:: Comparison\n   :header-rows: 1\n   :stub-columns: 1\n\n{table}\n\n"
            f".. rubric:: Key difference\n\n{note.key_difference}\n\n"
            f".. rubric:: When to use which\n\n{note.when_to_use_which}\n"
        )
    return pages


def httpcode_refs(total: int, per_page: int = 100) -> dict[str, str]:
    pages = {}
    for number in range(total // per_page):
        refs = " ".join(f":httpcode:`{REF_CODES[i % len(REF_CODES)]}`" for i in range(per_page))
        pages[f"refs{number:03d}"] = heading(f"Refs {number}") + refs + "\n"
    return pages


def httpdomain_refs(total: int, per_page: int = 100) -> dict[str, str]:
    pages = {}
    for number in range(total // per_page):
        refs = " ".join(
            f":http:statuscode:`{REF_CODES[i % len(REF_CODES)]}`" for i in range(per_page)
        )
        pages[f"refs{number:03d}"] = heading(f"Refs {number}") + refs + "\n"
    return pages


METHODS = ["get", "post", "put", "patch", "delete"]


def api_pages(pages: int, endpoints: int = 20, fields: int = 5) -> dict[str, str]:
    """An httpdomain API reference: ``pages`` x ``endpoints`` x ``fields`` status fields."""
    result = {}
    for number in range(pages):
        blocks = []
        for endpoint in range(endpoints):
            method = METHODS[endpoint % len(METHODS)]
            codes = [REF_CODES[(endpoint + i) % len(REF_CODES)] for i in range(fields)]
            status = "".join(f"   :statuscode {code}: what {code} means here\n" for code in codes)
            blocks.append(
                f".. http:{method}:: /api/{number}/items/{endpoint}/(int:item_id)\n\n"
                f"   Endpoint {endpoint}.\n\n   :param item_id: the item\n{status}"
            )
        result[f"api{number:03d}"] = heading(f"API {number}") + "\n".join(blocks)
    return result


# -- measuring --------------------------------------------------------------------------------

# Bytecode of the package under test, outside the tree. Measured processes use it as an
# installed package uses what pip compiled: otherwise an environment that sets
# PYTHONDONTWRITEBYTECODE (this machine's does) times the compiler on every run, and only on
# the extension's side of a comparison, since Sphinx and httpdomain come compiled.
PYCACHE = Path(tempfile.gettempdir()) / "httpstatus-bench-pycache"


def child_env() -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONPYCACHEPREFIX": str(PYCACHE)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def sphinx_build(srcdir: Path, fresh: bool = True, jobs: int = 1) -> tuple[float, int]:
    """Seconds and peak KiB of one whole sphinx-build run in a new process."""
    args = [sys.executable, "-c", RUNNER, "-b", "html", "-q", "-j", str(jobs)]
    if fresh:
        args.append("-E")
    args += [
        str(srcdir),
        str(srcdir / "_build" / "html"),
        "-d",
        str(srcdir / "_build" / "doctrees"),
    ]
    start = time.perf_counter()
    result = subprocess.run(
        args,
        capture_output=True,
        text=True,
        check=False,
        env=child_env(),
    )
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"sphinx-build failed in {srcdir}:\n{result.stderr[-2000:]}")
    maxrss = int(result.stdout.split("MAXRSS")[-1].split()[0])
    return elapsed, maxrss


def compare(name: str, baseline: Path, candidate: Path, repeat: int, target: float) -> dict:
    sphinx_build(baseline)  # warm the file system cache for both
    sphinx_build(candidate)
    times = {"baseline": [], "candidate": []}
    memory = {"baseline": [], "candidate": []}
    for _ in range(repeat):
        for key, path in (("baseline", baseline), ("candidate", candidate)):
            elapsed, maxrss = sphinx_build(path)
            times[key].append(elapsed)
            memory[key].append(maxrss)
    result = {
        "name": name,
        "baseline_s": statistics.median(times["baseline"]),
        "candidate_s": statistics.median(times["candidate"]),
        "baseline_maxrss_mib": statistics.median(memory["baseline"]) / 1024,
        "candidate_maxrss_mib": statistics.median(memory["candidate"]) / 1024,
        "baseline_pickle_kib": pickle_size(baseline) / 1024,
        "candidate_pickle_kib": pickle_size(candidate) / 1024,
    }
    result["time_ratio"] = result["candidate_s"] / result["baseline_s"]
    result["memory_ratio"] = result["candidate_maxrss_mib"] / result["baseline_maxrss_mib"]
    result["pickle_ratio"] = result["candidate_pickle_kib"] / result["baseline_pickle_kib"]
    result["target_ratio"] = target
    result["target_met"] = result["time_ratio"] <= target
    return result


def pickle_size(srcdir: Path) -> int:
    return (srcdir / "_build" / "doctrees" / "environment.pickle").stat().st_size


SETUP_PROBE = textwrap.dedent("""\
    import sys, tempfile, time, io
    from pathlib import Path
    from sphinx.application import Sphinx
    src = Path(tempfile.mkdtemp())
    (src / "conf.py").write_text("")
    (src / "index.rst").write_text("x\\n")
    app = Sphinx(src, src, src / "_out", src / "_doctrees", "html", status=io.StringIO(),
                 warning=io.StringIO())
    start = time.perf_counter()
    app.setup_extension("sphinxext_httpstatus")
    from sphinxext_httpstatus.datafiles import shipped_catalog
    shipped_catalog()
    print((time.perf_counter() - start) * 1000)
""")


def setup_time(repeat: int) -> dict:
    """Import + setup() + loading the shipped catalog, in a process where Sphinx is loaded."""
    samples = []
    for _ in range(max(repeat, 5) + 1):
        result = subprocess.run(
            [sys.executable, "-c", SETUP_PROBE],
            capture_output=True,
            text=True,
            check=True,
            env=child_env(),
        )
        samples.append(float(result.stdout.strip().splitlines()[-1]))
    samples = samples[1:]  # the first may have compiled the bytecode
    return {
        "name": "import + setup() + catalog",
        "median_ms": statistics.median(samples),
        "samples_ms": samples,
        "target_met": statistics.median(samples) < 50,
    }


def incremental(work: Path, pages: int) -> dict:
    srcdir = write_project(work / "incremental", ["sphinxext_httpstatus"], extension_pages(pages))
    sphinx_build(srcdir)
    log = srcdir / "reads.log"
    log.unlink()
    time.sleep(0.01)
    target = srcdir / f"page{pages // 2:04d}.rst"
    target.write_text(target.read_text() + "\nEdited.\n", encoding="utf-8")
    elapsed, _ = sphinx_build(srcdir, fresh=False)
    reads = log.read_text().split()
    return {
        "name": f"incremental rebuild after editing one page of {pages}",
        "pages": pages,
        "reread": reads,
        "seconds": elapsed,
        "target_met": reads == [target.stem],
    }


# -- how cost grows ---------------------------------------------------------------------------


def marginal(name: str, unit: str, projects: dict[int, Path], empty: Path, repeat: int) -> dict:
    """Time and peak memory per unit (reference, page) at each size, above an empty project.

    The empty project (same extension, one page) is the fixed cost of starting Sphinx, loading
    the catalog and writing the index; what is left is what the units cost. "Flat" means the
    largest size costs at most 1.25x per unit what the smallest does (noise on a shared
    2-core machine is about 10 %).
    """
    sizes = sorted(projects)
    times: dict[int, list[float]] = {size: [] for size in [0, *sizes]}
    memory: dict[int, list[int]] = {size: [] for size in [0, *sizes]}
    for path in [empty, *projects.values()]:
        sphinx_build(path)  # warm the file system cache
    for _ in range(repeat):
        for size, path in [(0, empty), *projects.items()]:
            elapsed, maxrss = sphinx_build(path)
            times[size].append(elapsed)
            memory[size].append(maxrss)
    base_s = statistics.median(times[0])
    base_kib = statistics.median(memory[0])
    rows = []
    for size in sizes:
        total_s = statistics.median(times[size])
        total_kib = statistics.median(memory[size])
        rows.append(
            {
                unit: size,
                "total_s": total_s,
                "peak_mib": total_kib / 1024,
                f"ms_per_{unit}": (total_s - base_s) * 1000 / size,
                f"kib_per_{unit}": (total_kib - base_kib) / size,
            }
        )
    time_growth = rows[-1][f"ms_per_{unit}"] / rows[0][f"ms_per_{unit}"]
    memory_growth = rows[-1][f"kib_per_{unit}"] / max(rows[0][f"kib_per_{unit}"], 1e-9)
    return {
        "name": name,
        "empty_project_s": base_s,
        "empty_project_mib": base_kib / 1024,
        "sizes": rows,
        "time_per_unit_growth": time_growth,
        "memory_per_unit_growth": memory_growth,
        "target_met": time_growth <= 1.25 and memory_growth <= 1.25,
    }


def empty_project(work: Path) -> Path:
    return write_project(work / "empty", ["sphinxext_httpstatus"], {"page": heading("Empty")})


def scaling(
    work: Path,
    unit: str,
    label: str,
    pages: Callable[[int], dict[str, str]],
    sizes: list[int],
    repeat: int,
) -> dict:
    """``unit``s (references, pages) at each size, each size a project of its own."""
    projects = {
        size: write_project(work / f"{unit}-{size}", ["sphinxext_httpstatus"], pages(size))
        for size in sizes
    }
    name = f"{label}, {' / '.join(map(str, sizes))}"
    return marginal(name, unit, projects, empty_project(work), repeat)


def parallel(work: Path, pages: int, repeat: int) -> dict:
    """The same project built with -j 1 and -j 2, interleaved; ratio -j 2 / -j 1."""
    srcdir = write_project(work / "parallel", ["sphinxext_httpstatus"], extension_pages(pages))
    sphinx_build(srcdir)
    times: dict[int, list[float]] = {1: [], 2: []}
    for _ in range(repeat):
        for jobs in (1, 2):
            times[jobs].append(sphinx_build(srcdir, jobs=jobs)[0])
    serial, two = statistics.median(times[1]), statistics.median(times[2])
    return {
        "name": f"{pages} pages: -j 2 vs -j 1",
        "j1_s": serial,
        "j2_s": two,
        "time_ratio": two / serial,
        "target_met": two <= serial,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--refs", type=int, default=10000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--api-pages", type=int, default=100)
    parser.add_argument("--ref-sizes", type=int, nargs="+", default=[1000, 10000, 50000])
    parser.add_argument("--page-sizes", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument(
        "--only",
        nargs="*",
        default=[
            "pages",
            "refs",
            "httpdomain",
            "setup",
            "scaling-refs",
            "scaling-pages",
            "parallel",
            "incremental",
        ],
    )
    parser.add_argument("--json", type=Path, help="also write the results here")
    options = parser.parse_args()

    import sphinx

    work = Path(tempfile.mkdtemp(prefix="httpstatus-bench-"))
    results: list[dict] = []
    import docutils

    machine = (
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, Sphinx {sphinx.__version__}, "
        f"docutils {docutils.__version__}"
    )
    print(f"# {machine}")
    if "pages" in options.only:
        baseline = write_project(work / "hand", [], hand_pages(options.pages))
        candidate = write_project(
            work / "ext", ["sphinxext_httpstatus"], extension_pages(options.pages)
        )
        results.append(
            compare(
                f"{options.pages} pages: http-compare + :httpcode: vs list-table + :ref:",
                baseline,
                candidate,
                options.repeat,
                target=1.05,
            )
        )
    if "refs" in options.only:
        baseline = write_project(
            work / "httpdomain", ["sphinxcontrib.httpdomain"], httpdomain_refs(options.refs)
        )
        candidate = write_project(
            work / "httpcode", ["sphinxext_httpstatus"], httpcode_refs(options.refs)
        )
        results.append(
            compare(
                f"{options.refs} references: :httpcode: vs :http:statuscode:",
                baseline,
                candidate,
                options.repeat,
                target=1.00,
            )
        )
    if "httpdomain" in options.only:
        extensions = ["sphinxcontrib.httpdomain", "sphinxext_httpstatus"]
        pages = api_pages(options.api_pages)
        baseline = write_project(
            work / "integration-off", extensions, pages, "httpstatus_httpdomain = False\n"
        )
        candidate = write_project(work / "integration-on", extensions, pages)
        results.append(
            compare(
                f"{options.api_pages} httpdomain pages x 20 endpoints x 5 status fields: "
                "integration on vs off",
                baseline,
                candidate,
                options.repeat,
                target=1.10,
            )
        )
    if "setup" in options.only:
        results.append(setup_time(options.repeat))
    if "scaling-refs" in options.only:
        results.append(
            scaling(
                work,
                "ref",
                ":httpcode: references",
                httpcode_refs,
                options.ref_sizes,
                options.repeat,
            )
        )
    if "scaling-pages" in options.only:
        results.append(
            scaling(
                work,
                "page",
                "comparison pages",
                extension_pages,
                options.page_sizes,
                options.repeat,
            )
        )
    if "parallel" in options.only:
        results.append(parallel(work, options.pages, options.repeat))
    if "incremental" in options.only:
        # On the largest page series: editing one page of many must still read one page.
        results.append(incremental(work, max(options.page_sizes)))
    shutil.rmtree(work, ignore_errors=True)
    for result in results:
        print(json.dumps(result, indent=2, default=str))
    print("\n# targets")
    for result in results:
        print(f"{'met   ' if result['target_met'] else 'MISSED'}  {result['name']}")
    if options.json:
        options.json.write_text(
            json.dumps({"machine": machine, "results": results}, indent=2, default=str),
            encoding="utf-8",
        )


if __name__ == "__main__":
    main()
