"""Cases an audit against rules.md found wrong, held right: one-session closures, broken CSV quotes,
Windows-1252 files, check agreeing with exclusion, term-crossing warnings, ambiguous input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sendcalc.cli import app
from sendcalc.core.dates import parse_date, parse_time
from sendcalc.core.errors import InputError
from tests.conftest import D


def exclusion_json(runner: CliRunner, *args: str) -> dict:  # type: ignore[type-arg]
    result = runner.invoke(app, ["exclusion", *args, "--json"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    "args",
    [
        ["--on", "2025-11-21", "--days", "0.5", "--closure", "2025-11-21:am"],  # wholly in the closed morning
        ["--on", "2025-11-20", "--picked-up", "14:00", "--closure", "2025-11-21:pm"],  # returns in a closed afternoon
        ["--on", "2025-11-21", "--picked-up", "14:00", "--closure", "2025-11-21:pm"],  # collected when closed
    ],
)
def test_time_in_a_closed_session_is_refused_not_miscounted(runner: CliRunner, args: list[str]) -> None:
    result = runner.invoke(app, ["exclusion", *args, "--json"])
    assert result.exit_code == 2
    assert "held only one session" in result.stderr
    assert result.stderr.count("\n") == 1


def test_a_closure_the_suspension_does_not_touch_changes_nothing(runner: CliRunner) -> None:
    body = exclusion_json(runner, "--on", "2025-11-21", "--days", "0.5", "--closure", "2025-11-21:pm")
    assert (body["starts_at"], body["returns_at"]) == ("2025-11-21T08:45", "2025-11-21T13:00")


def test_a_closed_session_between_suspensions_does_not_break_the_run(runner: CliRunner, tmp_path: Path) -> None:
    # Back at 13:00 on Friday; the school closed that afternoon; suspended again from Monday for 5 days.
    # The child attended no session in between, so it is one run of 5.5 days and day 6 is Friday 28 November.
    history = tmp_path / "earlier.csv"
    history.write_text("date,time,days\n2025-11-21,,0.5\n", encoding="utf-8")
    args = ["--on", "2025-11-24", "--days", "5", "--history", str(history)]
    closed = exclusion_json(runner, *args, "--closure", "2025-11-21:pm")
    assert (closed["provision_from"], closed["back_to_back"]["days"]) == ("2025-11-28", 5.5)
    held = exclusion_json(runner, *args)  # the Friday afternoon was held: the run is broken
    assert (held["provision_from"], held["back_to_back"]["days"]) == (None, 5)


def test_an_unclosed_quote_is_an_error_not_lost_rows(runner: CliRunner, tmp_path: Path) -> None:
    cases = tmp_path / "cases.csv"
    cases.write_text('case_id,date,note\na,2025-11-18,"x\nb,2025-11-19,y\n', encoding="utf-8")
    result = runner.invoke(app, ["check", str(cases)])
    assert result.exit_code == 2
    assert "line 2: cannot read the CSV row that starts there" in result.stderr
    history = tmp_path / "earlier.csv"
    history.write_text('date,time,days,note\n2025-11-18,,1,"said ok\n2025-11-20,,1,x\n', encoding="utf-8")
    result = runner.invoke(app, ["totals", "--history", str(history)])
    assert result.exit_code == 2
    assert "unclosed quote" in result.stderr


def test_check_reads_excel_windows_1252(runner: CliRunner, tmp_path: Path) -> None:
    cases = tmp_path / "cases.csv"
    cases.write_bytes("case_id,date,note\r\ncafé,2025-11-18,x\r\n".encode("cp1252"))
    result = runner.invoke(app, ["check", str(cases)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[1].startswith("café,2025-11-18,x,suspension,hertfordshire,2025-11-18T08:45")


def test_check_and_exclusion_agree_beyond_45_days_and_on_previous_zero(runner: CliRunner, tmp_path: Path) -> None:
    body = exclusion_json(runner, "--on", "2025-11-18", "--days", "46", "--previous", "0.0")
    cases = tmp_path / "cases.csv"
    cases.write_text("case_id,date,days,previous\nL,2025-11-18,46,0.0\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(cases), "--json"])
    row = json.loads(result.stdout)
    assert (row["error"], row["unlawful"], body["unlawful"]) == (None, True, True)
    assert row["returns_at"] == body["returns_at"]
    assert row["provision_from"] == body["provision_from"]


def test_lunchtime_row_without_a_time_is_back_for_the_afternoon(runner: CliRunner, tmp_path: Path) -> None:
    cases = tmp_path / "cases.csv"
    cases.write_text("case_id,kind,date\nL,lunchtime,2025-11-18\n", encoding="utf-8")
    row = json.loads(runner.invoke(app, ["check", str(cases), "--json"]).stdout)
    assert (row["starts_at"], row["returns_at"], row["excluded_days"]) == ("2025-11-18T12:00", "2025-11-18T13:00", 1)


@pytest.mark.parametrize(("on", "forbidden"), [("2025-07-23", "into the summer"), ("2024-12-20", "into the autumn")])
def test_an_afternoon_start_on_the_last_day_of_term_counts_in_the_next(
    runner: CliRunner, on: str, forbidden: str
) -> None:
    body = exclusion_json(runner, "--on", on, "--picked-up", "14:00", "--days", "1")
    assert not any(forbidden in w or "runs from the" in w for w in body["warnings"])


def test_ambiguous_or_partial_input_is_refused() -> None:
    with pytest.raises(InputError, match="most likely 14:30"):
        parse_time("2:30")
    assert parse_time("02:30").hour == 2
    with pytest.raises(InputError, match="looks like a time"):
        parse_date("11:00", today=D("2025-11-20"))
    with pytest.raises(InputError, match="needs a day and a month"):
        parse_date("Nov 2025", today=D("2025-11-20"))
    assert parse_date("18 Nov", today=D("2025-11-20")) == D("2025-11-18")


def test_notice_before_the_exclusion_is_refused(runner: CliRunner) -> None:
    result = runner.invoke(app, ["exclusion", "--on", "2025-11-18", "--notice-date", "2025-11-10"])
    assert result.exit_code == 2
    assert "is before the exclusion" in result.stderr
