"""Case lists as councils and advisers bring them: statuses as of a date, nothing lost, their own columns kept."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sendcalc.batch import checker as checker_module
from sendcalc.cli import app


def check(runner: CliRunner, tmp_path: Path, text: str, *args: str, name: str = "cases.csv") -> tuple:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["check", str(path), *args])
    return result, list(csv.DictReader(io.StringIO(result.stdout)))


# R1: 8 days from Monday 17 November 2025: day 6 is Monday 24 November, back Thursday 27 November at 08:45
OPEN = "case_id,date,days,provision_started,returned\nR1,2025-11-17,8,,\n"


@pytest.mark.parametrize(
    ("as_of", "provision", "returned", "code"),
    [
        ("2025-11-20", "not-yet-due (due 2025-11-24)", "not-yet-due (due 2025-11-27)", 0),
        ("2025-11-24", "not-yet-due (due 2025-11-24)", "not-yet-due (due 2025-11-27)", 0),  # due today: not late yet
        ("2025-11-25", "missing", "not-yet-due (due 2025-11-27)", 1),  # the day after day 6
        ("2025-11-28", "missing", "missing", 1),
    ],
)
def test_blank_dates_are_not_yet_due_until_their_deadline_passes(
    runner: CliRunner, tmp_path: Path, as_of: str, provision: str, returned: str, code: int
) -> None:
    result, rows = check(runner, tmp_path, OPEN, "--as-of", as_of)
    assert (rows[0]["provision_status"], rows[0]["return_status"], result.exit_code) == (provision, returned, code)


def test_as_of_takes_uk_dates_and_words(runner: CliRunner, tmp_path: Path) -> None:
    _, rows = check(runner, tmp_path, OPEN, "--as-of", "20/11/2025")
    assert rows[0]["provision_status"] == "not-yet-due (due 2025-11-24)"
    result, _ = check(runner, tmp_path, OPEN, "--as-of", "31/11/2025")
    assert result.exit_code == 2 and result.stderr.startswith("sendcalc: error: --as-of")


def test_a_recorded_date_before_its_event_is_never_on_time(runner: CliRunner, tmp_path: Path) -> None:
    text = (
        "case_id,kind,date,days,board_met,returned,decision_notice,review_applied\n"
        "S1,suspension,2025-11-17,16,2025-09-10,2024-11-18,,\n"
        "P1,permanent,2025-11-17,,2025-11-20,,2025-11-24,2025-11-21\n"
    )
    result, rows = check(runner, tmp_path, text, "--as-of", "2026-01-05")
    assert rows[0]["board_status"] == "before the exclusion (2025-09-10 is before 2025-11-17)"
    assert rows[0]["return_status"] == "before the exclusion (2024-11-18 is before 2025-11-17)"
    assert rows[1]["board_status"] == "on-time"
    assert rows[1]["review_status"] == "before the board's decision (2025-11-21 is before 2025-11-24)"
    assert result.exit_code == 1
    assert result.stderr.endswith("2 with a recorded date before its event\n")


def test_output_over_the_input_is_refused_and_the_input_kept(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "cases.csv"
    path.write_text(OPEN, encoding="utf-8")
    for target in (str(path), str(tmp_path / "." / "cases.csv")):
        result = runner.invoke(app, ["check", str(path), "-o", target])
        assert result.exit_code == 2
        assert "is the case list itself; write the results to another file" in result.stderr
    assert path.read_text(encoding="utf-8") == OPEN


def test_an_interrupted_run_says_so_and_leaves_no_output_file(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "cases.csv"
    path.write_text("case_id,date\n" + "".join(f"C{n},2025-11-18\n" for n in range(5000)), encoding="utf-8")
    real = checker_module.Checker.check_line

    def stop_at_3000(self: checker_module.Checker, cells: list[str | None]) -> str:
        if self.summary.rows == 3000:
            raise KeyboardInterrupt
        return real(self, cells)

    monkeypatch.setattr(checker_module.Checker, "check_line", stop_at_3000)
    out = tmp_path / "checked.csv"
    result = runner.invoke(app, ["check", str(path), "-o", str(out)])
    assert result.exit_code == 130
    assert result.stderr == f"sendcalc check: interrupted after 3,000 rows; {out} was not written\n"
    assert list(tmp_path.iterdir()) == [path]  # no partial file, no temporary file
    result = runner.invoke(app, ["check", str(path)])
    assert result.stderr == "sendcalc check: interrupted after 3,000 rows; the output above is incomplete\n"
    assert result.stdout.count("\n") == 1 + 3000  # the header and every row done before the interruption


def test_every_input_column_comes_back_in_order_after_the_case_id(runner: CliRunner, tmp_path: Path) -> None:
    text = 'Child,Date,Case ID,Kind,Notes,Days\nAmy,18/11/2025,C1,suspension,"phoned, no letter",2\n'
    result, rows = check(runner, tmp_path, text)
    header = result.stdout.splitlines()[0].split(",")
    assert header[:6] == ["case_id", "Child", "Date", "input_kind", "Notes", "Days"]
    assert header[6:8] == ["kind", "calendar"]
    assert [rows[0][k] for k in header[:6]] == ["C1", "Amy", "18/11/2025", "suspension", "phoned, no letter", "2"]
    assert result.stderr.splitlines()[0] == (
        "sendcalc: passed through unchanged, not read: Child, Notes (see: sendcalc guide check)"
    )
    result, rows = check(runner, tmp_path, text, "--only-results")
    assert list(rows[0])[:3] == ["case_id", "kind", "calendar"] and "Child" not in rows[0]
    assert result.stderr.splitlines()[0] == "sendcalc: not read: Child, Notes (see: sendcalc guide check)"


def test_a_passed_through_formula_is_made_text(runner: CliRunner, tmp_path: Path) -> None:
    _, rows = check(runner, tmp_path, "case_id,date,note\nC1,2025-11-18,=HYPERLINK(1)\nC2,2025-11-18,-3\n")
    assert [r["note"] for r in rows] == ["'=HYPERLINK(1)", "'-3"]


def test_a_blank_case_id_is_an_error_row(runner: CliRunner, tmp_path: Path) -> None:
    result, rows = check(runner, tmp_path, "case_id,date,child\n,2025-11-18,Amy\n ,,\nC2,2025-11-18,Ben\n")
    assert [(r["case_id"], r["child"], r["error"][:17]) for r in rows] == [
        ("", "Amy", "case_id is blank;"),
        ("C2", "Ben", ""),
    ]
    assert result.stderr.endswith("2 rows, 0 with a breach, 1 with an error\n")


@pytest.mark.parametrize("typed", ["18 Nov 2025", "18 November 2025", "2025-11-18 00:00:00", "18/11/2025", "18-11-25"])
def test_dates_as_people_and_excel_write_them(runner: CliRunner, tmp_path: Path, typed: str) -> None:
    _, rows = check(runner, tmp_path, f"case_id,date,returned\nC1,{typed},{typed}\n")
    assert (rows[0]["starts_at"], rows[0]["return_status"], rows[0]["error"]) == ("2025-11-18T08:45", "on-time", "")


@pytest.mark.parametrize(
    ("separator", "option"), [(";", []), ("\t", []), ("|", ["--delimiter", "|"]), (";", ["--delimiter", ";"])]
)
def test_semicolon_tab_and_named_separators(
    runner: CliRunner, tmp_path: Path, separator: str, option: list[str]
) -> None:
    text = (
        separator.join(["Case ID", "Date", "Time", "Days"])
        + "\n"
        + separator.join(["C1", "18/11/2025", "11:00", "1,5"])
        + "\n"
    )
    text += separator.join(["C2", "18/11/2025", "11:00", "2"]) + "\n"
    _, rows = check(runner, tmp_path, text, *option)
    assert [(r["case_id"], r["returns_at"]) for r in rows][1] == ("C2", "2025-11-20T11:00")
    assert rows[0]["error"].startswith("days '1,5'")  # a decimal comma is not read as 1.5: the row says so


def test_duplicate_and_ambiguous_columns_are_one_line_errors(runner: CliRunner, tmp_path: Path) -> None:
    result, _ = check(runner, tmp_path, "case_id,date,Notes,notes\nC1,2025-11-18,a,b\n")
    assert (result.exit_code, result.stderr) == (
        2,
        "sendcalc: error: the header names 'notes' twice (columns 3 and 4); give each column its own name\n",
    )
    result, _ = check(runner, tmp_path, "case_id,Date,Start date\nC1,2025-11-18,2025-11-19\n")
    assert result.stderr == (
        "sendcalc: error: columns 2 ('Date') and 3 ('Start date') both give the date; keep one of them\n"
    )


def test_an_over_long_cell_is_an_error_row_and_the_rest_go_on(runner: CliRunner, tmp_path: Path) -> None:
    text = "case_id,date,notes\nC1,2025-11-18," + "x" * 5_000_000 + "\nC2,2025-11-18,ok\n"
    result, rows = check(runner, tmp_path, text)
    assert [r["case_id"] for r in rows] == ["", "C2"]
    assert rows[0]["error"] == (
        "line 2: a cell is longer than 100,000 characters (an unclosed quote can cause this); the other rows go on"
    )
    assert rows[1]["returns_at"] == "2025-11-19T08:45"
    assert result.exit_code == 1


def test_excel_output_has_a_byte_order_mark_and_crlf(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "cases.csv"
    path.write_text("case_id,date,child\nC1,2025-11-18,Zoë\n", encoding="utf-8")
    out = tmp_path / "checked.csv"
    assert runner.invoke(app, ["check", str(path), "--excel", "-o", str(out)]).exit_code == 0
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfcase_id,date,child,kind,")
    assert data.count(b"\r\n") == 2 and data.count(b"\n") == 2
    assert "Zoë".encode() in data


def test_typed_json_round_trips(runner: CliRunner, tmp_path: Path) -> None:
    lines = (
        '{"case_id": "J1", "date": "2025-11-17", "days": 8, "pupil_number": 12345, "flags": {"sen": true}}\n'
        '{"case_id": "J2", "date": "2025-11-17", "days": 46}\n'
    )
    path = tmp_path / "cases.jsonl"
    path.write_text(lines, encoding="utf-8")
    result = runner.invoke(app, ["check", str(path), "--json", "--as-of", "2025-11-20"])
    out = [json.loads(line) for line in result.stdout.splitlines()]
    first = out[0]
    assert list(first)[:5] == ["schema_version", "case_id", "date", "days", "pupil_number"]
    assert (first["pupil_number"], first["flags"], first["days"]) == (12345, {"sen": True}, 8)  # as given
    assert (first["excluded_days"], first["term_total_days"], first["unlawful"]) == (8, 8, False)
    assert first["provision_status"] is None and first["review_deadline"] is None
    assert (out[1]["unlawful"], out[1]["year_total_days"], out[1]["pupil_number"]) == (True, 46, None)
    # the JSON says what the CSV says
    csv_rows = list(
        csv.DictReader(io.StringIO(runner.invoke(app, ["check", str(path), "--as-of", "2025-11-20"]).stdout))
    )
    for typed, text in zip(out, csv_rows, strict=True):
        for key, value in text.items():
            if key in ("days", "pupil_number", "flags"):
                continue
            expected = (
                "" if typed[key] is None or typed[key] is False else "yes" if typed[key] is True else str(typed[key])
            )
            assert expected == value, key


def test_an_unreadable_recorded_date_names_its_own_column(runner: CliRunner, tmp_path: Path) -> None:
    # the same bad text in two columns: each row's error names the column it is in
    text = "case_id,date,days,provision_started,board_met\nA,2025-11-17,16,junk,\nB,2025-11-17,16,,junk\n"
    _, rows = check(runner, tmp_path, text)
    assert [r["error"].split(":")[0] for r in rows] == ["provision_started", "board_met"]
