"""The dated copy of the IANA registry, the catalog's agreement with it, and the refresh tool."""

from __future__ import annotations

import datetime
import importlib.util
import re
import sys
from pathlib import Path

import pytest

from sphinxext_httpstatus.datafiles import shipped_catalog

TOOL = Path(__file__).parent.parent / "tools" / "iana_registry.py"


@pytest.fixture(scope="module")
def tool():
    spec = importlib.util.spec_from_file_location("iana_registry", TOOL)
    module = importlib.util.module_from_spec(spec)
    sys.modules["iana_registry"] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    yield module
    del sys.modules["iana_registry"]


def test_the_catalog_agrees_with_the_dated_registry(tool):
    registry = tool.load()
    assert tool.catalog_disagreements(registry, shipped_catalog()) == []


def test_the_dated_copy_accounts_for_every_code_once(tool):
    registry = tool.load()
    assert datetime.date.fromisoformat(registry.snapshot_date)
    covered = list(registry.codes)
    for value in registry.unassigned:
        first, _, last = value.partition("-")
        covered += range(int(first), int(last or first) + 1)
    assert sorted(covered) == list(range(100, 600))
    assert {entry.state for entry in registry.codes.values()} <= set(tool.STATES)
    states = {code: e.state for code, e in registry.codes.items() if e.state != "permanent"}
    assert states == {104: "temporary", 306: "unused", 418: "unused", 510: "obsoleted"}


def test_the_temporary_registration_keeps_its_dates_and_draft(tool):
    entry = tool.load().codes[104]
    assert entry.phrase == "Upload Resumption Supported"
    assert entry.reference == "[draft-ietf-httpbis-resumable-upload-05]"
    assert (entry.registered, entry.extension_registered, entry.expires) == (
        "2024-11-13",
        "2025-09-15",
        "2026-11-13",
    )
    # The catalog's registry note carries the same expiry date.
    assert shipped_catalog().codes[104].registry_expires == entry.expires


def test_descriptions_with_state_notes(tool):
    before_renewal = tool.parse_description(
        "Upload Resumption Supported (TEMPORARY - registered 2024-11-13, expires 2025-11-13)"
    )
    assert before_renewal == {
        "phrase": "Upload Resumption Supported",
        "state": "temporary",
        "registered": "2024-11-13",
        "expires": "2025-11-13",
    }
    assert tool.parse_description("Not Extended (OBSOLETED)") == {
        "phrase": "Not Extended",
        "state": "obsoleted",
    }
    assert tool.parse_description("(Unused)")["state"] == "unused"
    assert tool.parse_description("I'm a Teapot (maybe)")["state"] == "permanent"
    with pytest.raises(ValueError, match="unexpected note"):
        tool.parse_description("Thing (TEMPORARY - renewed sometime)")


def test_expiry_is_reported_against_the_date(tool):
    registry = tool.load()
    assert tool.expiring(registry, datetime.date(2026, 1, 1)) == [
        "104: temporary registration expires on 2026-11-13"
    ]
    (late,) = tool.expiring(registry, datetime.date(2026, 12, 1))
    assert late.startswith("104: temporary registration expired on 2026-11-13 unless IANA")


def refresh(tool, monkeypatch, tmp_path, capsys, csv_text: str, command: str):
    """Run the tool on a downloaded CSV, against a scratch copy of the dated file."""
    scratch = tmp_path / "http-status-codes.yaml"
    scratch.write_text(tool.REGISTRY_FILE.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setattr(tool, "REGISTRY_FILE", scratch)
    download = tmp_path / "http-status-codes-1.csv"
    download.write_text(csv_text, encoding="utf-8")
    code = tool.main(["iana_registry.py", command, str(download), "--date", "2025-09-15"])
    return code, capsys.readouterr().out, scratch


def test_refreshing_from_the_dated_copy_finds_no_differences(tool, monkeypatch, tmp_path, capsys):
    csv_text = tool.to_csv(tool.load())
    assert csv_text.startswith("Value,Description,Reference\r\n")
    assert '"[RFC9110, Section 15.2.1]"' in csv_text  # quoted as IANA quotes it
    assert "105-199,Unassigned,\r\n" in csv_text
    code, out, _scratch = refresh(tool, monkeypatch, tmp_path, capsys, csv_text, "check")
    assert (code, out) == (0, "no differences from the dated copy\n")
    code, out, scratch = refresh(tool, monkeypatch, tmp_path, capsys, csv_text, "update")
    assert code == 0
    assert "catalog:" not in out
    assert scratch.read_text(encoding="utf-8") == tool.REGISTRY_FILE.read_text(encoding="utf-8")


def test_refreshing_reports_a_changed_phrase(tool, monkeypatch, tmp_path, capsys):
    csv_text = tool.to_csv(tool.load()).replace("Content Too Large", "Payload Too Large")
    code, out, _scratch = refresh(tool, monkeypatch, tmp_path, capsys, csv_text, "check")
    assert code == 1
    assert out == "413: phrase: 'Content Too Large' -> 'Payload Too Large'\n"
    code, out, scratch = refresh(tool, monkeypatch, tmp_path, capsys, csv_text, "update")
    assert code == 0
    assert "catalog: 413: phrase 'Content Too Large', registry 'Payload Too Large'" in out
    assert '413: {phrase: "Payload Too Large"' in scratch.read_text(encoding="utf-8")


def test_refreshing_reports_new_codes_and_states(tool, monkeypatch, tmp_path, capsys):
    csv_text = tool.to_csv(tool.load())
    csv_text = csv_text.replace("419-420,Unassigned,", "419,Unassigned,\r\n420,Enhance,[RFC0000]")
    csv_text = csv_text.replace("Not Extended (OBSOLETED)", "Not Extended")
    code, out, _scratch = refresh(tool, monkeypatch, tmp_path, capsys, csv_text, "check")
    assert code == 1
    assert "420: added: Enhance [RFC0000]" in out
    assert "510: state: 'obsoleted' -> 'permanent'" in out
    assert re.search(r"^unassigned: .*419-420.* -> .*419, 427", out, re.M)


def test_a_file_that_is_not_the_registry_csv_is_refused(tool):
    with pytest.raises(ValueError, match="Value,Description,Reference"):
        tool.parse_csv("code,phrase\n200,OK\n")
