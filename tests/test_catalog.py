"""The shipped catalog against the IANA HTTP Status Code Registry (last updated 2025-09-15)."""

from __future__ import annotations

from itertools import combinations

import pytest

from sphinxext_httpstatus.catalog import PAIR_TEXT_FIELDS, TEXT_FIELDS
from sphinxext_httpstatus.datafiles import shipped_catalog
from sphinxext_httpstatus.loader import merge, read_data_file

# Every registered code with its current reason phrase, transcribed from the registry.
IANA_REGISTRY = {
    100: "Continue",
    101: "Switching Protocols",
    102: "Processing",
    103: "Early Hints",
    104: "Upload Resumption Supported",
    200: "OK",
    201: "Created",
    202: "Accepted",
    203: "Non-Authoritative Information",
    204: "No Content",
    205: "Reset Content",
    206: "Partial Content",
    207: "Multi-Status",
    208: "Already Reported",
    226: "IM Used",
    300: "Multiple Choices",
    301: "Moved Permanently",
    302: "Found",
    303: "See Other",
    304: "Not Modified",
    305: "Use Proxy",
    306: "(Unused)",
    307: "Temporary Redirect",
    308: "Permanent Redirect",
    400: "Bad Request",
    401: "Unauthorized",
    402: "Payment Required",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    406: "Not Acceptable",
    407: "Proxy Authentication Required",
    408: "Request Timeout",
    409: "Conflict",
    410: "Gone",
    411: "Length Required",
    412: "Precondition Failed",
    413: "Content Too Large",
    414: "URI Too Long",
    415: "Unsupported Media Type",
    416: "Range Not Satisfiable",
    417: "Expectation Failed",
    418: "(Unused)",
    421: "Misdirected Request",
    422: "Unprocessable Content",
    423: "Locked",
    424: "Failed Dependency",
    425: "Too Early",
    426: "Upgrade Required",
    428: "Precondition Required",
    429: "Too Many Requests",
    431: "Request Header Fields Too Large",
    451: "Unavailable For Legal Reasons",
    500: "Internal Server Error",
    501: "Not Implemented",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
    505: "HTTP Version Not Supported",
    506: "Variant Also Negotiates",
    507: "Insufficient Storage",
    508: "Loop Detected",
    510: "Not Extended",
    511: "Network Authentication Required",
}
REGISTRY_STATES = {104: "temporary", 306: "unused", 418: "unused", 510: "obsoleted"}
SPECS = {
    102: "RFC 2518",
    103: "RFC 8297",
    207: "RFC 4918",
    208: "RFC 5842",
    226: "RFC 3229",
    423: "RFC 4918",
    424: "RFC 4918",
    425: "RFC 8470",
    428: "RFC 6585",
    429: "RFC 6585",
    431: "RFC 6585",
    451: "RFC 7725",
    506: "RFC 2295",
    507: "RFC 4918",
    508: "RFC 5842",
    510: "RFC 2774",
    511: "RFC 6585",
}


def test_every_registered_code_with_its_exact_phrase():
    catalog = shipped_catalog()
    registered = {
        code: status.phrase for code, status in catalog.codes.items() if not status.unofficial
    }
    assert registered == IANA_REGISTRY


def test_registry_states_are_marked():
    catalog = shipped_catalog()
    states = {code: s.registry_state for code, s in catalog.codes.items() if s.registry_state}
    assert states == REGISTRY_STATES


def test_defining_specification_and_link():
    for code, status in shipped_catalog().codes.items():
        if status.unofficial:
            continue
        expected = SPECS.get(code, "RFC 9110" if code != 104 else "draft-ietf-httpbis")
        assert status.spec.startswith(expected), (code, status.spec)
        assert status.spec_url.startswith("https://"), code
        if status.spec.startswith("RFC 9110, Section "):
            section = status.spec.removeprefix("RFC 9110, Section ")
            assert status.spec_url == f"https://www.rfc-editor.org/rfc/rfc9110#section-{section}"


def test_every_code_has_its_own_texts():
    catalog = shipped_catalog()
    seen: dict[str, int] = {}
    for code, status in catalog.codes.items():
        for name in TEXT_FIELDS:
            text = getattr(status, name)
            assert text and text.endswith("."), (code, name)
            assert text not in seen, f"{code}.{name} repeats {seen.get(text)}"
            seen[text] = code
        assert len(status.summary) <= 160, code


def test_unofficial_codes_say_who_uses_them():
    unofficial = {c: s.unofficial for c, s in shipped_catalog().codes.items() if s.unofficial}
    assert {444, 499, 520, 521, 522, 523, 524, 525, 526, 530} <= set(unofficial)
    aws = {code for code, who in unofficial.items() if who.startswith("AWS Application Load")}
    assert aws == {460, 463, 464, 561}
    assert all(unofficial.values())
    assert not set(unofficial) & set(IANA_REGISTRY)


CURATED_PAIRS = [
    (401, 403),
    (403, 404),
    (301, 308),
    (302, 307),
    (302, 303),
    (200, 204),
    (201, 202),
    (200, 202),
    (400, 422),
    (404, 410),
    (409, 412),
    (429, 503),
    (500, 502),
    (502, 504),
    (503, 504),
    (405, 501),
    (406, 415),
    (408, 504),
    (413, 414),
    (200, 304),
]


@pytest.mark.parametrize("pair", CURATED_PAIRS, ids=lambda pair: f"{pair[0]}-{pair[1]}")
def test_curated_pair_notes(pair):
    note = shipped_catalog().pair(*pair)
    assert note is not None
    assert note.key_difference.endswith(".")
    assert note.when_to_use_which.endswith(".")


# Families of codes that readers confuse: every pair inside one has a curated note (issue 11).
CONFUSABLE_FAMILIES = [
    {401, 403, 404, 407},
    {400, 409, 412, 415, 422, 428},
    {301, 302, 303, 307, 308},
    {200, 201, 202, 204, 206},
    {404, 410, 451},
    {413, 414, 429, 431, 503},
    {408, 499, 502, 504, 522, 524},
    {500, 501, 502, 503},
]


def test_every_pair_inside_a_family_has_a_curated_note():
    catalog = shipped_catalog()
    pairs = {pair for family in CONFUSABLE_FAMILIES for pair in combinations(sorted(family), 2)}
    assert len(pairs) == 75
    assert [pair for pair in sorted(pairs) if catalog.pair(*pair) is None] == []


def test_every_pair_note_has_its_own_texts():
    seen: dict[str, tuple[int, int]] = {}
    for note in shipped_catalog().pairs.values():
        for name in PAIR_TEXT_FIELDS:
            text = getattr(note, name)
            assert text and text.endswith("."), (note.codes, name)
            assert text not in seen, f"{note.codes}.{name} repeats {seen.get(text)}"
            seen[text] = note.codes
        assert note.key_difference not in note.when_to_use_which, note.codes


def test_related_codes_exist():
    catalog = shipped_catalog()
    for code, status in catalog.codes.items():
        assert all(other in catalog and other != code for other in status.related), code


def test_shipped_files_are_valid_each_on_its_own():
    from sphinxext_httpstatus.datafiles import SHIPPED_DATA_DIR, data_sources

    files = [read_data_file(path) for path in data_sources(SHIPPED_DATA_DIR)]
    assert files
    assert all(not data.problems for data in files)
    _catalog, problems = merge(None, files)
    assert problems == []
