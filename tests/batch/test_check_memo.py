"""The batch checker's memos and its CSV text: a row seen before gets exactly what a fresh checker
would give it, however small the memos, and every output line reads back as the cells it stands for."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from sendcalc.batch import calendars
from sendcalc.batch import checker as check
from sendcalc.batch.checker import Checker
from sendcalc.batch.columns import OUTPUT_COLUMNS
from sendcalc.batch.rows import RecordDates
from sendcalc.cli import app
from sendcalc.readers.text import text_lines
from tests.batch.test_check import MIXED, run_check

HEADER = ["Case ID", "Kind", "Date", "Time", "Days", "Calendar", "INSET", "Notice date", "Provision started",
          "Board met", "Returned", "Review applied"]  # fmt: skip
# small pools, so generated rows repeat one another's inputs the way case lists do
ROWS = st.tuples(
    st.sampled_from(["A1", "B2", "=1+1", "x, y", ' "q" ']),
    st.sampled_from(["suspension", "lunchtime", "permanent", "Fixed-term", "bogus"]),
    st.sampled_from(["2025-11-18", "18/11/2025", "2025-12-18", "19/12/2025", "2025-11-23", "2026-07-17", "nope"]),
    st.sampled_from(["", "09:30", "13:00", "13:20", "not collected", "2:30"]),
    st.sampled_from(["", "1", "0.5", "5", "5.5", "6", "15.5", "46", "abc"]),
    st.sampled_from(["", "hertfordshire", "derbyshire", "nowhere"]),
    st.sampled_from(["", "2025-11-21", "2025-11-23"]),
    st.sampled_from(["", "2025-11-18", "2025-11-10"]),
    st.sampled_from(["", "2025-11-25", "2026-01-20", "junk"]),
    st.sampled_from(["", "2025-12-01", "2026-03-01"]),
    st.sampled_from(["", "2025-11-19", "2025-11-20", "2026-01-07"]),
    st.sampled_from(["", "2025-12-10"]),
).map(list)


def fresh(row: list[str]) -> str:
    return Checker(HEADER).check_line(row)


@settings(max_examples=150, deadline=None)
@given(rows=st.lists(ROWS, min_size=1, max_size=40))
def test_a_remembered_row_gets_what_a_fresh_checker_gives(rows: list[list[str]]) -> None:
    shared = Checker(HEADER)
    assert [shared.check_line(list(row)) for row in rows] == [fresh(list(row)) for row in rows]


@settings(max_examples=100, deadline=None)
@given(rows=st.lists(ROWS, min_size=1, max_size=40))
def test_tiny_memos_change_nothing(rows: list[list[str]]) -> None:
    expected = [fresh(list(row)) for row in rows]
    with (
        mock.patch.object(check, "_CACHE_LIMIT", 1500),
        mock.patch.object(RecordDates, "KEPT", 1),
        mock.patch.object(calendars, "DERIVED", 1),
    ):
        shared = Checker(HEADER)
        assert [shared.check_line(list(row)) for row in rows] == expected
        assert shared._remembered <= 1500


@settings(max_examples=300, deadline=None)
@given(case_id=st.text(st.characters(blacklist_characters="\x00"), max_size=12), returned=st.text(max_size=6))
def test_each_line_reads_back_as_its_cells(case_id: str, returned: str) -> None:
    checker = Checker(["case_id", "date", "days", "returned"], only_results=True)
    line = checker.check_line([case_id, "2025-11-18", "1", returned])
    assert line.endswith("\n")
    (cells,) = list(csv.reader(io.StringIO(line, newline="")))
    assert len(cells) == len(OUTPUT_COLUMNS)
    trimmed = case_id.strip()
    if not trimmed:
        assert cells[-1].startswith("case_id is blank")
        return
    shown = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", lambda m: f"\\x{ord(m.group()):02x}", trimmed)
    assert cells[0] == ("'" + shown if shown.startswith(("=", "+", "-", "@", "\t", "\r")) else shown)
    assert cells[1:4] == ["suspension", "hertfordshire", "2025-11-18T08:45"]
    assert checker.check([case_id, "2025-11-18", "1", returned]) == cells


def test_json_and_csv_output_hold_the_same_rows(runner: CliRunner, tmp_path: Path) -> None:
    _, rows = run_check(runner, tmp_path, MIXED)
    result = runner.invoke(app, ["check", str(tmp_path / "cases.csv"), "--json"])
    typed = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r.pop("schema_version") for r in typed] == [1] * len(rows)
    as_text = [{k: "" if v is None else "yes" if v is True else "" if v is False else str(v) for k, v in r.items()}
               for r in typed]  # fmt: skip
    assert as_text == rows
    assert (typed[3]["excluded_days"], typed[3]["unlawful"], typed[1]["unlawful"]) == (8, False, None)
    assert result.stderr == "sendcalc check: 5 rows, 1 with a breach, 2 with an error\n"


def test_blank_and_short_rows(runner: CliRunner, tmp_path: Path) -> None:
    # Excel leaves rows of bare commas; a hand-edited file may stop a row early.
    text = "case_id,date,days,returned\n,,,\nS1,2025-11-18\n\nS2,2025-11-18,2,2025-11-21\n,,,\n"
    result, rows = run_check(runner, tmp_path, text)
    assert [(r["case_id"], r["returns_at"], r["return_status"]) for r in rows] == [
        ("S1", "2025-11-19T08:45", "missing"),
        ("S2", "2025-11-20T08:45", "late by 1 school day"),
    ]
    assert result.stderr == "sendcalc check: 2 rows, 2 with a breach, 0 with an error\n"


def test_a_short_row_lacks_only_blank_cells(runner: CliRunner, tmp_path: Path) -> None:
    # The row stops before its recorded date, or before its case_id: those cells are blank.
    result, rows = run_check(runner, tmp_path, "date,days,case_id,returned\n2025-11-18,2,S1\n2025-11-18,2\n")
    assert [(r["case_id"], r["returns_at"], r["return_status"]) for r in rows] == [
        ("S1", "2025-11-20T08:45", "missing"),
        ("", "", ""),  # a row with no case ID is an error row, with its own cells passed through
    ]
    assert rows[1]["date"] == "2025-11-18" and rows[1]["error"].startswith("case_id is blank")
    assert result.exit_code == 1


def test_a_row_without_a_case_id_or_date_is_an_error_not_a_blank(runner: CliRunner, tmp_path: Path) -> None:
    result, rows = run_check(runner, tmp_path, "case_id,date,days\n,,3\n")
    assert rows[0]["error"] == "case_id is blank; give every case its own ID so its dates can be found"
    assert rows[0]["days"] == "3"
    result, rows = run_check(runner, tmp_path, "case_id,date,days\nX,,3\n")
    assert rows[0]["error"] == "date: cannot read the date ''; write it as 2025-11-18, 18/11/2025 or '18 Nov 2025'"
    assert result.exit_code == 1


def test_a_broken_json_line_is_an_error_row_and_the_rest_go_on(runner: CliRunner) -> None:
    lines = (
        '{"case_id": "J1", "date": "2025-11-18"}\n{"case_id": "J2", "date": \n[1, 2]\n'
        '{"case_id": "J3", "date": "2025-11-19"}\n'
    )
    result = runner.invoke(app, ["check", "-"], input=lines)
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["case_id"] for r in rows] == ["J1", "", "", "J3"]
    assert rows[1]["error"].startswith("line 2 is not a JSON object (")
    assert rows[2]["error"] == "line 3 is not a JSON object (not an object); the other lines go on"
    assert (rows[3]["returns_at"], result.exit_code) == ("2025-11-20T08:45", 1)
    assert result.stderr == "sendcalc check: 4 rows, 0 with a breach, 2 with an error\n"


def test_an_output_file_that_cannot_be_written_is_a_one_line_error(runner: CliRunner, tmp_path: Path) -> None:
    run_check(runner, tmp_path, MIXED)
    result = runner.invoke(app, ["check", str(tmp_path / "cases.csv"), "-o", str(tmp_path / "no" / "out.csv")])
    assert result.exit_code == 2
    assert result.stderr.startswith("sendcalc: error: cannot write the results to ")
    assert result.stderr.count("\n") == 1


def test_the_memo_key_separator_in_a_cell_is_an_error_row(runner: CliRunner, tmp_path: Path) -> None:
    result, rows = run_check(
        runner, tmp_path, "case_id,date,days\nA,2025-11-18\x1f,1\nB,2025-11-18,1\x1f\nC,2025-11-18,1\n"
    )
    assert [r["error"][:44] for r in rows] == ["a cell of this row holds the control charact"] * 2 + [""]
    assert result.exit_code == 1


def test_json_nested_too_deep_is_an_error_row(runner: CliRunner) -> None:
    lines = '{"case_id": "J1", "date": "2025-11-18"}\n' + "[" * 100_000 + "\n"
    result = runner.invoke(app, ["check", "-"], input=lines)
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows[1]["error"].startswith("line 2 is not a JSON object (maximum recursion depth")
    assert result.stderr == "sendcalc check: 2 rows, 0 with a breach, 1 with an error\n"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_is_a_one_line_error(runner: CliRunner, tmp_path: Path) -> None:
    run_check(runner, tmp_path, MIXED)
    result = runner.invoke(app, ["check", str(tmp_path / "cases.csv"), "-o", "/dev/full"])
    assert (result.exit_code, result.stderr) == (
        2, "sendcalc: error: cannot write the results to '/dev/full': No space left on device\n",
    )  # fmt: skip


def test_text_lines_reads_utf8_windows_1252_and_every_line_end() -> None:
    # UTF-8 with a byte-order mark, one line holding a Windows-1252 byte, then old Mac (CR) and CRLF ends.
    raw = "\ufeffa,é\n".encode() + b"b,caf\xe9 \xa35\rc,1\r\nd,2"
    assert list(text_lines(io.BytesIO(raw))) == ["a,é\n", "b,café £5\r", "c,1\r\n", "d,2"]
