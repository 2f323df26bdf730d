"""Hypothesis throws arbitrary arguments, options, role texts and data files at the extension.

Whatever comes in, no exception escapes and every problem is a located warning.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml
from conftest import build
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sphinxext_httpstatus.datafiles import shipped_catalog
from sphinxext_httpstatus.loader import merge, read_data_file

FUZZ = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Words that mean something to the directives, mixed with noise.
WORDS = st.one_of(
    st.sampled_from(
        [
            "202",
            "403",
            "404",
            "999",
            "099",
            "4xx",
            "abc",
            "",
            "-1",
            "470",
            "4O4",
            "class",
            "description",
            "how-to-fix",
            "spec",
            "key_difference",
            "status",
            "1xx",
            "5xx",
            "6xx",
            ",",
            "`",
            "*",
            "<",
            ">",
            "!",
            "\\",
        ]
    ),
    st.integers(min_value=-10, max_value=1000).map(str),
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
        max_size=12,
    ),
)
LINE = st.lists(WORDS, max_size=6).map(" ".join).map(lambda text: " ".join(text.split()))


def located_warnings(warnings: str, srcdir: Path) -> list[str]:
    """Our warnings, each of which must start with a file and line."""
    ours = [line for line in warnings.split("\n") if "[httpstatus." in line]
    for line in ours:
        assert re.match(rf"{re.escape(str(srcdir))}/[\w./-]+:\d+: WARNING: ", line), line
    return ours


def build_page(tmp_path: Path, page: str, data: str | None = None):
    srcdir = tmp_path / "fuzz"
    shutil.rmtree(srcdir, ignore_errors=True)
    srcdir.mkdir()
    conf = 'extensions = ["sphinxext_httpstatus"]\nproject = "Fuzz"\n'
    if data is not None:
        conf += 'httpstatus_data_files = ["codes.yaml"]\n'
        (srcdir / "codes.yaml").write_text(data, encoding="utf-8")
    (srcdir / "conf.py").write_text(conf, encoding="utf-8")
    (srcdir / "index.rst").write_text(page, encoding="utf-8")
    built = build(srcdir)
    assert "Traceback" not in built.warnings
    assert "Exception occurred" not in built.warnings
    located_warnings(built.warnings, srcdir)
    assert "The end." in built.read("index.html")
    return built


@FUZZ
@given(arguments=LINE, fields=LINE, caption=LINE, classes=LINE, codes=LINE)
def test_directives_survive_any_arguments(tmp_path, arguments, fields, caption, classes, codes):
    page = (
        f"Fuzz\n====\n\n.. http-compare:: {arguments}\n   :fields: {fields}\n"
        f"   :caption: {caption or 'x'}\n\n.. http-status:: {arguments or 'x'}\n\n"
        f".. http-status-catalog::\n   :codes: {codes}\n   :no-index:\n\n"
        f".. http-status-catalog::\n   :classes: {classes or '1xx'}\n   :no-index:\n\n"
        "The end.\n"
    )
    build_page(tmp_path, page)


@FUZZ
@given(texts=st.lists(LINE, min_size=1, max_size=5), bang=st.booleans())
def test_role_survives_any_text(tmp_path, texts, bang):
    roles = " ".join(f":httpcode:`{'!' if bang else ''}{text or '1'}`" for text in texts)
    build_page(tmp_path, f"Fuzz\n====\n\n{roles}\n\nThe end.\n")


SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 1000),
    st.floats(allow_nan=False),
    st.text(max_size=20),
    st.sampled_from(["phrase", "codes", "pairs", "summary"]),
)
KEYS = st.one_of(
    st.integers(-5, 1000),
    st.sampled_from(
        [
            "codes",
            "pairs",
            "phrase",
            "summary",
            "description",
            "when_you_see_it",
            "how_to_fix",
            "related",
            "unofficial",
            "spec_url",
            "registry_state",
            "key_difference",
            "codes ",
            "x",
        ]
    ),
    st.text(max_size=8),
)
TREES = st.recursive(
    SCALARS,
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(KEYS, children, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(tree=TREES)
def test_loader_never_raises_on_any_structure(tree):
    text = yaml.safe_dump(tree)
    data = read_data_file("fuzz.yaml", text)
    catalog, problems = merge(shipped_catalog(), [data])
    assert all(problem.path == "fuzz.yaml" and problem.line >= 1 for problem in problems)
    assert len(catalog.codes) >= len(shipped_catalog().codes)


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=200))
def test_loader_never_raises_on_any_text(text):
    data = read_data_file("fuzz.yaml", text)
    _catalog, problems = merge(shipped_catalog(), [data])
    assert all(problem.line >= 1 for problem in problems)


@FUZZ
@given(tree=TREES)
def test_build_survives_any_data_file(tmp_path, tree):
    build_page(
        tmp_path,
        "Fuzz\n====\n\n.. http-compare:: 403 404\n\n:httpcode:`470`\n\nThe end.\n",
        data=yaml.safe_dump(tree),
    )
