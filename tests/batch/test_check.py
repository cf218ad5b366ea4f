"""`sendcalc check`, the batch kernel and the Python API: one row out per row in, statuses, safety, sameness."""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import json
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from sendcalc.api import assess_suspension, case_dates, check_rows, load_calendar
from sendcalc.batch.columns import OUTPUT_COLUMNS
from sendcalc.calendar import SchoolCalendar
from sendcalc.cli import app
from sendcalc.core.errors import SendcalcError
from tests.conftest import WEEKDAYS, D
from tests.oracle import naive_is_school_day, naive_next_school_day, naive_offset, naive_return

MIXED = (
    "Case ID,Kind,Date,Time,Days,Provision started,Board met,Returned\r\n"
    "A1,suspension,18/11/2025,11:00,1,,,2025-11-19\r\n"
    "A2,suspension,2025-11-23,11:00,1,,,\r\n"
    "A3,suspension,2025-11-18,,abc,,,\r\n"
    "A4,suspension,2025-11-17,,8,2025-11-26,,2025-11-27\r\n"
    '"=HYPERLINK(""http://example.org"",""x"")",lunchtime,2025-11-18,12:00,,,,2025-11-18\r\n'
    "\r\n"
)


def run_check(runner: CliRunner, tmp_path: Path, text: str, *args: str, encoding: str = "utf-8-sig") -> tuple:
    path = tmp_path / "cases.csv"
    path.write_bytes(text.encode(encoding))
    result = runner.invoke(app, ["check", str(path), *args])
    return result, list(csv.DictReader(io.StringIO(result.stdout)))


def test_mixed_file_gives_one_row_each_with_statuses_and_exit_1(runner: CliRunner, tmp_path: Path) -> None:
    # Saved by Excel: a byte-order mark, CRLF line ends, a trailing blank line, "Case ID" with a space.
    result, rows = run_check(runner, tmp_path, MIXED)
    assert result.exit_code == 1
    assert result.stderr == "sendcalc check: 5 rows, 1 with a breach, 2 with an error\n"
    assert [r["case_id"] for r in rows] == ["A1", "A2", "A3", "A4", '\'=HYPERLINK("http://example.org","x")']
    a1, a2, a3, a4, a5 = rows
    assert (a1["starts_at"], a1["returns_at"], a1["return_status"], a1["error"]) == (
        "2025-11-18T11:00", "2025-11-19T11:00", "on-time", "",
    )  # fmt: skip
    assert (a1["provision_status"], a1["board_status"], a1["board_duty"]) == (
        "not-required", "not-required", "consider-representations",
    )  # fmt: skip
    assert a2["error"].startswith("Sunday 23 November 2025 is not a school day: it is a weekend (Sunday)")
    assert a2["starts_at"] == ""
    assert a3["error"] == "days 'abc' is not a number of days; use 1, 2.5 or 0.5"
    # 8 days from Monday 17 November: day 6 is Monday 24 November; provision began on Wednesday 26th.
    assert (a4["provision_from"], a4["provision_by"], a4["provision_status"]) == (
        "2025-11-24", "school", "late by 2 school days",
    )  # fmt: skip
    assert (a4["returns_at"], a4["return_status"], a4["board_duty"], a4["board_deadline"]) == (
        "2025-11-27T08:45", "on-time", "if-parents-ask", "2026-02-09",
    )  # fmt: skip
    assert (a5["kind"], a5["returns_at"], a5["term_total_days"]) == ("lunchtime", "2025-11-18T13:00", "0.5")


def test_formula_cells_are_inert_in_the_output(runner: CliRunner, tmp_path: Path) -> None:
    result, _ = run_check(runner, tmp_path, MIXED)
    for line in result.stdout.splitlines()[1:]:
        assert not line.startswith(("=", "+", "-", "@", '"=', '"+', '"-', '"@'))
    assert "\"'=HYPERLINK(" in result.stdout


def test_missing_column_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    result, _ = run_check(runner, tmp_path, "case,when\nA1,2025-11-18\n")
    assert result.exit_code == 2
    assert "no date column" in result.stderr
    assert result.stderr.count("\n") == 1


def test_json_lines_in_and_out_and_stdin(runner: CliRunner) -> None:
    lines = (
        '{"case_id": "J1", "kind": "permanent", "date": "2025-11-18", "time": "10:00"}\n'
        '{"case_id": "J2", "date": "2025-11-18", "session": "pm", "days": 2}\n'
    )
    result = runner.invoke(app, ["check", "-", "--json"], input=lines)
    assert result.exit_code == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    # the first line's keys are the columns: kind, date and time come back as given, then the results
    assert list(out[0]) == ["schema_version", "case_id", "input_kind", "date", "time", *OUTPUT_COLUMNS[1:]]
    assert out[1]["time"] is None  # J2 has no time: passed through as null
    assert (out[0]["provision_from"], out[0]["provision_by"], out[0]["board_deadline"]) == (
        "2025-11-25", "local authority", "2025-12-09",
    )  # fmt: skip
    # from the start of the afternoon session: day 1 is the next school day (EIA 2006 s.103(7))
    assert (out[1]["starts_at"], out[1]["day_one"], out[1]["returns_at"]) == (
        "2025-11-18T13:00", "2025-11-19", "2025-11-20T13:00",
    )  # fmt: skip


def test_review_deadline_from_a_posted_decision_weekdays_case(runner: CliRunner, tmp_path: Path) -> None:
    # rules.md §7 case 6: letter posted Monday 13 September 2004, deemed given Wednesday 15th,
    # application due Wednesday 6 October 2004 (weekdays only).
    text = (
        "case_id,kind,date,calendar,decision_notice,decision_posted,review_applied\n"
        f"R1,permanent,2004-09-06,{WEEKDAYS},2004-09-13,yes,2004-10-07\n"
        f"R2,permanent,2004-09-06,{WEEKDAYS},2004-09-13,yes,2004-10-06\n"
    )
    result, rows = run_check(runner, tmp_path, text)
    assert [r["review_deadline"] for r in rows] == ["2004-10-06", "2004-10-06"]
    assert [r["review_status"] for r in rows] == ["late by 1 school day", "on-time"]
    assert result.exit_code == 1


def test_board_status_is_missing_only_when_the_board_must_meet(runner: CliRunner, tmp_path: Path) -> None:
    text = "case_id,date,days,board_met\nB1,2025-11-17,16,\nB2,2025-11-17,6,\nB3,2025-11-17,16,2025-12-05\n"
    _, rows = run_check(runner, tmp_path, text)
    assert [(r["board_duty"], r["board_status"]) for r in rows] == [
        ("must-consider", "missing"),
        ("if-parents-ask", "not-required"),
        ("must-consider", "on-time"),
    ]


def test_check_rows_streams(herts: SchoolCalendar) -> None:
    # An endless supply of rows: a checker that read everything first would never return.
    endless = ({"case_id": f"C{n}", "date": "2025-11-18", "days": "1"} for n in itertools.count())
    first = list(itertools.islice(check_rows(endless), 3))
    assert [r["case_id"] for r in first] == ["C0", "C1", "C2"]
    assert {r["returns_at"] for r in first} == {"2025-11-19T08:45"}


def test_same_dates_through_check_exclusion_json_and_the_api(runner: CliRunner, herts: SchoolCalendar) -> None:
    args = ["--on", "2025-12-18", "--picked-up", "10:30", "--days", "3", "--notice-date", "2025-12-19", "--json"]
    cli = json.loads(runner.invoke(app, ["exclusion", *args]).stdout)
    row = next(check_rows([{"case_id": "X", "date": "2025-12-18", "time": "10:30", "days": "3",
                            "notice_date": "2025-12-19"}]))  # fmt: skip
    api = assess_suspension(herts, D("2025-12-18"), 6, picked_up=dt.time(10, 30), notice_date=D("2025-12-19"))
    assert cli["starts_at"] == row["starts_at"] == api.suspension.starts_at.isoformat(timespec="minutes")
    assert cli["returns_at"] == row["returns_at"] == "2026-01-06T10:30"
    assert cli["day_one"] == row["day_one"] == api.suspension.day_one.isoformat()
    assert str(cli["term_total_days"]) == row["term_total_days"] == "2"  # 2 days in autumn, 1 in spring
    assert cli["governing_board"]["duty"] == row["board_duty"] == api.governing_board.duty
    assert cli["provision_from"] is None and row["provision_from"] == "" and api.provision_from is None


CASE_DATES = st.dates(min_value=D("2025-09-03"), max_value=D("2026-06-30"))
TIMES = st.one_of(st.none(), st.times(min_value=dt.time(7, 0), max_value=dt.time(16, 30)).map(lambda t: t.replace(
    second=0, microsecond=0)))  # fmt: skip


def naive_case(cal: SchoolCalendar, on: dt.date, picked_up: dt.time | None, halves: int) -> tuple:
    """(starts_at, returns_at, day_one, excluded_days, provision_from) by walking school days one at a time."""
    t = cal.times
    if picked_up is not None and picked_up >= t.day_ends:
        starts_at = dt.datetime.combine(naive_next_school_day(cal, on), t.day_starts)
    elif picked_up is None or picked_up < t.day_starts:
        starts_at = dt.datetime.combine(on, t.day_starts)
    else:
        starts_at = dt.datetime.combine(on, picked_up)
    day_one = starts_at.date()
    if starts_at.time() >= t.afternoon_starts:
        day_one = naive_next_school_day(cal, day_one)
    returns_at = naive_return(cal, on, picked_up, halves)
    excluded, day = 0, starts_at.date()
    while day <= returns_at.date():  # a school day with any excluded time in it
        if naive_is_school_day(cal, day) and (day < returns_at.date() or returns_at.time() > t.day_starts):
            excluded += 1
        day += dt.timedelta(days=1)
    six = naive_offset(cal, day_one, 5)  # day 6: due if the child is still excluded for any of it
    still_out = returns_at.date() > six or (returns_at.date() == six and returns_at.time() > t.day_starts)
    provision_from = six if halves > 10 and still_out else None  # more than 5 days, and day 6 is one of them
    return starts_at, returns_at, day_one, excluded, provision_from


@settings(max_examples=400, deadline=None)
@given(on=CASE_DATES, halves=st.integers(1, 90), picked_up=TIMES, previous=st.sampled_from([0, 1, 4, 10, 21, 60]))
# 5.5 days from the afternoon start: day 0 is that afternoon, so the child is back on day 6 and none is due
@example(on=dt.date(2025, 9, 3), halves=11, picked_up=dt.time(13, 0), previous=0)
def test_case_dates_match_a_naive_walk(
    herts: SchoolCalendar, on: dt.date, halves: int, picked_up: dt.time | None, previous: int
) -> None:
    """The dates `check` writes for a suspension, against the day-by-day oracle (the kernel's own arithmetic unused)."""
    if not naive_is_school_day(herts, on):
        with pytest.raises(SendcalcError):
            case_dates(herts, "suspension", on, halves=halves, picked_up=picked_up, previous_halves=previous)
        return
    try:
        got = case_dates(herts, "suspension", on, halves=halves, picked_up=picked_up, previous_halves=previous)
    except SendcalcError as exc:  # only a suspension running past the calendar's last school year may be refused
        assert "school year" in str(exc) or "calendar" in str(exc), exc
        return
    assert (got.starts_at, got.returns_at, got.day_one, got.excluded_days, got.provision_from) == naive_case(
        herts, on, picked_up, halves
    )
    assert got.provision_by == ("school" if got.provision_from else None)
    assert got.term_total_halves is not None and got.term_total_halves >= previous + min(halves, 2)


@settings(max_examples=100, deadline=None)
@given(on=CASE_DATES, picked_up=TIMES)
def test_permanent_case_dates_match_a_naive_walk(herts: SchoolCalendar, on: dt.date, picked_up: dt.time | None) -> None:
    if not naive_is_school_day(herts, on):
        return
    got = case_dates(herts, "permanent", on, picked_up=picked_up)
    starts_at, _, day_one, _, _ = naive_case(herts, on, picked_up, 2)
    assert (got.starts_at, got.day_one) == (starts_at, day_one)
    assert got.provision_from == naive_offset(herts, day_one, 5)  # the local authority's day 6
    assert got.provision_by == "local authority"
    assert got.board_deadline == naive_offset(herts, got.starts_at.date(), 15)  # notice given the day it starts


def test_api_loads_calendars_by_name_and_path() -> None:
    assert load_calendar(WEEKDAYS).name == "Weekdays only"
    assert load_calendar("derbyshire").labels == ("2024-25", "2025-26")
