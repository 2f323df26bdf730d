"""Every generated word in the build's language, through Sphinx's locale machinery."""

from __future__ import annotations

import html as html_module
import re
import time
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from conftest import build, links

LOCALE_DIR = Path(__file__).parent.parent / "sphinxext_httpstatus" / "locale"
LANGUAGES = ("de", "es", "fr", "id", "ja", "pt_BR", "zh_CN")
PAGE = """\
Page
====

.. http-compare:: 202 403

See :httpcode:`403`.

.. http-status:: 403
"""


def translations(language: str) -> dict[str, str]:
    with open(LOCALE_DIR / language / "LC_MESSAGES" / "sphinxext_httpstatus.po", "rb") as po:
        return {message.id: message.string for message in read_po(po) if message.id}


def visible(html: str) -> str:
    body = html[html.index('<div class="body"') :]
    body = body[: body.find('<div class="sphinxsidebar"')]  # the theme's own words are not ours
    text = html_module.unescape(" ".join(re.sub(r"<[^>]+>", " ", body).split()))
    # Sphinx's SmartQuotes turns ' into a typographic apostrophe (it does for French).
    return text.replace("\u2019", "'")


@pytest.mark.parametrize("language", LANGUAGES)
def test_generated_text_in_each_language(project, language):
    from sphinxext_httpstatus.datafiles import shipped_catalog

    catalog = shipped_catalog()
    messages = translations(language)
    built = build(project(PAGE), language=language)
    assert "httpstatus" not in built.warnings, built.warnings
    text = visible(built.read("index.html"))
    english = [
        "Description",
        "When you see it",
        "How to fix",
        "Key difference",
        "When to use which",
        "Class",
        "2xx Success",
        "4xx Client Error",
        "Specification",
        "Related",
        catalog.codes[202].description,
        catalog.codes[403].when_you_see_it,
        catalog.codes[403].how_to_fix,
        catalog.codes[403].description,
        catalog.pair(202, 403).key_difference,
    ]
    for message in english:
        assert " ".join(messages[message].split()) in text, (language, message)
        if messages[message] != message:  # "Classe" contains "Class": match whole words
            assert not re.search(rf"\b{re.escape(message)}\b", text), (language, message)
    # Reason phrases are protocol text and stay as registered.
    assert "403 Forbidden" in text
    assert "202 Accepted" in text
    # The tooltip is translated too.
    tooltip = next(
        link["title"]
        for link in links(built.read("index.html"))
        if link["text"] == "403 Forbidden" and link.get("title")
    )
    assert messages["4xx Client Error"] in tooltip
    assert messages[catalog.codes[403].summary] in tooltip


def test_indonesian_labels_verbatim(project):
    built = build(project(PAGE), language="id")
    html = built.read("index.html")
    labels = re.findall(r'<th[^>]*class="stub"[^>]*>\s*<p>([^<]+)</p>', html)
    assert labels == ["Kelas", "Deskripsi", "Ketika Anda Melihatnya", "Cara Memperbaiki"]
    assert "Perbedaan Utama" in html
    assert "Kapan Menggunakan Yang Mana" in html
    text = " ".join(build(project(PAGE), "text", language="id").read("index.txt").split())
    for label in (
        "Deskripsi",
        "Ketika Anda Melihatnya",
        "Cara Memperbaiki",
        "Perbedaan Utama",
        "Kapan Menggunakan Yang Mana",
    ):
        assert label in text


def test_unsupported_language_falls_back_to_english(project):
    built = build(project(PAGE), language="sw")
    assert "httpstatus" not in built.warnings
    assert "Traceback" not in built.warnings
    text = visible(built.read("index.html"))
    assert "When you see it" in text
    assert "Key difference" in text


OVERRIDE_PO = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "Description"
msgstr "Uraian"

msgid "{first} and {second}:"
msgstr "{first} dan {second}:"
"""

NEW_LANGUAGE_PO = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "When you see it"
msgstr "Wanneer je het ziet"
"""


def test_project_catalog_overrides_ours(project):
    srcdir = project(
        PAGE,
        conf='locale_dirs = ["locale"]\n',
        **{"locale__id__LC_MESSAGES__sphinxext_httpstatus.po": OVERRIDE_PO},
    )
    text = visible(build(srcdir, language="id").read("index.html"))
    assert "Uraian" in text
    assert "Deskripsi" not in text
    # Everything the project does not override still comes from the shipped catalog.
    assert "Ketika Anda Melihatnya" in text


def test_editing_the_project_catalog_rebuilds_the_pages_that_use_it(project, tmp_path):
    po = "locale__id__LC_MESSAGES__sphinxext_httpstatus.po"
    srcdir = project(PAGE, conf='locale_dirs = ["locale"]\n', **{po: OVERRIDE_PO})
    builddir = tmp_path / "incremental"
    first = build(srcdir, language="id", builddir=builddir)
    assert "Uraian" in visible(first.read("index.html"))
    path = srcdir / "locale" / "id" / "LC_MESSAGES" / "sphinxext_httpstatus.po"
    time.sleep(0.01)  # a newer modification time than the compiled .mo
    path.write_text(OVERRIDE_PO.replace("Uraian", "Penjelasan"), encoding="utf-8")
    again = build(srcdir, language="id", builddir=builddir, freshenv=False)
    text = visible(again.read("index.html"))
    assert "Penjelasan" in text
    assert "Uraian" not in text


def test_project_catalog_adds_a_language(project):
    srcdir = project(
        PAGE,
        conf='locale_dirs = ["locale"]\n',
        **{"locale__nl__LC_MESSAGES__sphinxext_httpstatus.po": NEW_LANGUAGE_PO},
    )
    text = visible(build(srcdir, language="nl").read("index.html"))
    assert "Wanneer je het ziet" in text
    assert "How to fix" in text  # not translated by the project: English


def test_gettext_builder_leaves_generated_text_out(project):
    srcdir = project(
        "Page\n====\n\nOur own paragraph with :httpcode:`403`.\n\n"
        ".. http-compare:: 202 403\n   :caption: Our caption\n\n"
        ".. http-status:: 404\n\n   Our own prose about 404.\n"
    )
    built = build(srcdir, "gettext")
    pot = built.read("index.pot")
    assert "Our own paragraph with :httpcode:`403`." in pot
    assert "Our own prose about 404." in pot
    assert "Our caption" in pot
    for generated in (
        "When you see it",
        "Key difference",
        "4xx Client Error",
        "Forbidden",
        "The server understood",
        "Related",
        "HTTP status code",
    ):
        assert generated not in pot, generated


DOCUMENT_PO = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "Page"
msgstr "Halaman"

msgid "Our own paragraph with :httpcode:`403`."
msgstr "Paragraf kami sendiri dengan :httpcode:`403`."
"""


def test_reference_in_a_translated_paragraph_resolves(project):
    srcdir = project(
        "Page\n====\n\nOur own paragraph with :httpcode:`403`.\n\n.. http-status:: 403\n",
        conf='locale_dirs = ["locale"]\ngettext_compact = False\n',
        **{"locale__id__LC_MESSAGES__index.po": DOCUMENT_PO},
    )
    built = build(srcdir, language="id")
    # docutils itself has no Indonesian; only its own notice about that is acceptable.
    assert "httpstatus" not in built.warnings and "i18n" not in built.warnings, built.warnings
    html = built.read("index.html")
    assert "Paragraf kami sendiri dengan" in html
    link = [
        link
        for link in links(html)
        if link["text"] == "403 Forbidden" and link.get("href") == "#httpstatus-403"
    ]
    assert link


def test_catalogs_are_complete_and_compiled():
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "messages", Path(__file__).parent.parent / "tools" / "messages.py"
    )
    messages = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(messages)
    assert messages.LANGUAGES == LANGUAGES
    assert messages.problems() == []


def test_installed_package_ships_compiled_catalogs():
    for language in LANGUAGES:
        assert (LOCALE_DIR / language / "LC_MESSAGES" / "sphinxext_httpstatus.mo").is_file()


PROJECT_DATA_PO = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "The client closed the connection before the load balancer answered."
msgstr "Klien menutup koneksi sebelum load balancer menjawab."
"""


def test_project_data_texts_use_the_project_catalog(project):
    srcdir = project(
        ".. http-compare:: 403 470\n",
        conf='locale_dirs = ["locale"]\nhttpstatus_data_files = ["codes.yaml"]\n',
        **{
            "codes.yaml": "codes:\n  470:\n    phrase: Client Closed Connection\n"
            "    description: The client closed the connection "
            "before the load balancer answered.\n",
            "locale__id__LC_MESSAGES__sphinxext_httpstatus.po": PROJECT_DATA_PO,
        },
    )
    text = visible(build(srcdir, language="id").read("index.html"))
    assert "Klien menutup koneksi sebelum load balancer menjawab." in text
    assert "Deskripsi" in text


@pytest.mark.slow
def test_wheel_carries_compiled_catalogs(tmp_path):
    import subprocess
    import sys
    import zipfile

    root = Path(__file__).parent.parent
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(root)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    (wheel,) = tmp_path.glob("sphinxext_httpstatus-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for language in LANGUAGES:
        assert (
            f"sphinxext_httpstatus/locale/{language}/LC_MESSAGES/sphinxext_httpstatus.mo" in names
        )
    assert "sphinxext_httpstatus/static/httpstatus.js" in names
    assert "sphinxext_httpstatus/data/pairs.yaml" in names


def test_a_corrupt_compiled_catalog_is_a_warning(project):
    srcdir = project(
        ".. http-compare:: 401 403\n",
        conf='locale_dirs = ["locale"]\n',
        **{"locale__id__LC_MESSAGES__sphinxext_httpstatus.mo": "not a catalog"},
    )
    built = build(srcdir, language="id")
    assert "sphinxext_httpstatus.mo: " in built.warnings
    assert "[httpstatus.i18n]" in built.warnings
    # The shipped Indonesian catalog still applies.
    assert "Deskripsi" in built.read("index.html")
