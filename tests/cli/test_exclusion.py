"""CLI tests for `exclusion`, `permanent`, `review` and `totals`: exact JSON values, errors, --ics."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar
from typer.testing import CliRunner

from sendcalc.cli import app
from sendcalc.guide import guide_text
from tests.conftest import WEEKDAYS, D

CONFLICTING = "the Hertfordshire term dates for 2025-26 are conflicting, not confirmed."


def run_json(runner: CliRunner, args: list[str]) -> dict[str, Any]:
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.stderr
    body: dict[str, Any] = json.loads(result.stdout)
    return body


# ----- rules.md §7 case 1: the seed example ---------------------------------------------------------------


def test_seed_example_json(runner: CliRunner) -> None:
    body = run_json(runner, ["exclusion", "--picked-up", "11:00", "--on", "2025-11-18"])
    assert body["kind"] == "suspension"
    assert body["calendar"] == "Hertfordshire"
    assert body["days"] == 1
    assert body["starts_at"] == "2025-11-18T11:00"
    assert body["returns_at"] == "2025-11-19T11:00"
    assert body["excluded_dates"] == ["2025-11-18", "2025-11-19"]
    assert body["day_one"] == "2025-11-18"
    assert body["day_zero"] is None
    assert body["first_five_days"] == ["2025-11-18", "2025-11-19"]
    assert body["parent_duty_dates"] == ["2025-11-18", "2025-11-19"]
    assert body["provision_from"] is None
    assert body["provision_by"] is None
    assert body["term_total_days"] == 1
    assert body["year_total_days"] == 1
    assert body["term_totals"] == [{"term": "autumn 2025-26", "school_year": "2025-26", "days": 1, "total_days": 1}]
    assert body["governing_board"]["duty"] == "consider-representations"
    assert body["governing_board"]["deadline"] is None
    assert body["written_notice_by"] == "2025-11-18T15:15"
    assert body["unlawful"] is False
    assert len(body["warnings"]) == 1 and body["warnings"][0].startswith(CONFLICTING)
    assert all(set(step) == {"rule", "source", "result", "convention"} for step in body["steps"])
    assert body["steps"][0]["result"] == "starts at 11:00 on Tuesday 18 November 2025"


def test_seed_example_not_collected_json(runner: CliRunner) -> None:
    body = run_json(runner, ["exclusion", "--not-collected", "--on", "2025-11-18"])
    assert body["starts_at"] == "2025-11-19T08:45"
    assert body["returns_at"] == "2025-11-20T08:45"
    assert body["excluded_dates"] == ["2025-11-19"]
    assert body["start_rule"] == "not-collected"


def test_seed_example_table_says_it_in_words(runner: CliRunner) -> None:
    result = runner.invoke(app, ["exclusion", "--picked-up", "11:00", "--on", "18/11/2025"])
    assert result.exit_code == 0
    out = result.stdout
    assert "Suspension of 1 day (Hertfordshire calendar)" in out
    assert "Starts   11:00 on Tuesday 18 November 2025" in out
    assert "Returns  11:00 on Wednesday 19 November 2025" in out
    assert "18* 19*" in out  # the month view marks the excluded days
    assert CONFLICTING in result.stderr


def test_aliases_suspension_and_fixed_term(runner: CliRunner) -> None:
    for name in ("suspension", "fixed-term"):
        body = run_json(runner, [name, "--picked-up", "11:00", "--on", "2025-11-18"])
        assert body["returns_at"] == "2025-11-19T11:00"
    listing = runner.invoke(app, ["--help"]).stdout
    assert "exclusion" in listing and "permanent" in listing and "review" in listing and "totals" in listing
    assert not any(line.strip().startswith(("suspension", "fixed-term")) for line in listing.splitlines())


# ----- rules.md §7 case 2: 18 days from Monday 8 January 2018 (weekdays only) ------------------------------


def test_worked_case_2_eighteen_days(runner: CliRunner) -> None:
    body = run_json(runner, ["exclusion", "--on", "2018-01-08", "--days", "18", "--calendar", WEEKDAYS])
    assert body["excluded_dates"] == [
        f"2018-01-{d:02d}" for d in (8, 9, 10, 11, 12, 15, 16, 17, 18, 19, 22, 23, 24, 25, 26, 29, 30, 31)
    ]
    assert body["returns_at"] == "2018-02-01T08:45"
    assert body["first_five_days"] == ["2018-01-08", "2018-01-09", "2018-01-10", "2018-01-11", "2018-01-12"]
    assert body["parent_duty_dates"] == body["first_five_days"]
    assert body["provision_from"] == "2018-01-15"
    assert body["provision_by"] == "school"
    assert body["term_total_days"] == 18
    assert body["governing_board"]["duty"] == "must-consider"
    assert body["governing_board"]["deadline"] == "2018-01-29"
    assert body["governing_board"]["deadline_passed"] is True
    assert [w for w in body["warnings"] if not w.startswith("Weekdays only calendar: ")] == []  # no half-terms


# ----- rules.md §7 case 3 and the boundary table: 5 / 5.5 / 15 / 15.5 / 45 / 45.5 -----------------------


@pytest.mark.parametrize(
    ("days", "duty", "deadline", "returns", "unlawful"),
    [
        ("5", "consider-representations", None, "2018-01-15T08:45", False),
        ("5.5", "if-parents-ask", "2018-03-19", "2018-01-15T13:00", False),  # the half day: Monday morning
        ("15", "if-parents-ask", "2018-03-19", "2018-01-29T08:45", False),
        ("15.5", "must-consider", "2018-01-29", "2018-01-29T13:00", False),
        ("45", "must-consider", "2018-01-29", "2018-03-12T08:45", False),
        ("45.5", "must-consider", "2018-01-29", "2018-03-12T13:00", True),
    ],
)
def test_threshold_table(
    runner: CliRunner, days: str, duty: str, deadline: str | None, returns: str, unlawful: bool
) -> None:
    body = run_json(runner, ["exclusion", "--on", "2018-01-08", "--days", days, "-c", WEEKDAYS])
    assert body["governing_board"]["duty"] == duty
    assert body["governing_board"]["deadline"] == deadline
    assert body["returns_at"] == returns
    assert body["unlawful"] is unlawful
    assert body["year_totals"][0]["unlawful"] is unlawful
    assert any(w.startswith("UNLAWFUL: this suspension takes the 2017-18") for w in body["warnings"]) is unlawful
    assert body["provision_from"] == (None if days == "5" else "2018-01-15")


@pytest.mark.parametrize(
    ("previous", "days", "term_total", "duty"),
    [
        ("4", "1", 5, "consider-representations"),
        ("4.5", "1", 5.5, "if-parents-ask"),
        ("14", "1", 15, "if-parents-ask"),
        ("14.5", "1", 15.5, "must-consider"),
        ("44", "1", 45, "must-consider"),
        ("44", "1.5", 45.5, "must-consider"),
    ],
)
def test_threshold_table_with_previous_days(
    runner: CliRunner, previous: str, days: str, term_total: float, duty: str
) -> None:
    args = ["exclusion", "--on", "2018-03-01", "--days", days, "--previous", previous, "-c", WEEKDAYS]
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 0
    body = json.loads(result.stdout)
    assert body["term_total_days"] == term_total
    assert body["year_total_days"] == term_total
    assert body["governing_board"]["duty"] == duty
    assert body["unlawful"] is (term_total > 45)
    assert ("UNLAWFUL" in result.stderr) is (term_total > 45)


def test_exam_brings_the_fifteen_day_deadline(runner: CliRunner) -> None:
    body = run_json(runner, ["exclusion", "--on", "2018-01-08", "--days", "2", "--exam", "-c", WEEKDAYS])
    assert body["governing_board"]["duty"] == "must-consider"
    assert body["governing_board"]["deadline"] == "2018-01-29"
    assert body["governing_board"]["head_must_notify"] is True


def test_notice_date_moves_the_deadline(runner: CliRunner) -> None:
    body = run_json(
        runner, ["exclusion", "--on", "2018-01-08", "--days", "16", "--notice-date", "2018-01-10", "-c", WEEKDAYS]
    )
    assert body["governing_board"]["notice_date"] == "2018-01-10"
    assert body["governing_board"]["notice_date_given"] is True
    assert body["governing_board"]["deadline"] == "2018-01-31"


# ----- rules.md §7 case 4: back-to-back from a history file -----------------------------------------------


def test_worked_case_4_back_to_back_from_history(runner: CliRunner, tmp_path: Path) -> None:
    history = tmp_path / "history.csv"
    history.write_text("date,time,days\n2018-01-10,,3\n", encoding="utf-8")
    body = run_json(
        runner, ["exclusion", "--on", "2018-01-15", "--days", "3", "--history", str(history), "-c", WEEKDAYS]
    )
    assert body["provision_from"] == "2018-01-17"
    assert body["provision_by"] == "school"
    assert body["back_to_back"] == {
        "suspensions": ["history.csv row 1 (line 2)", "this suspension"],
        "days": 6,
        "day_one": "2018-01-10",
        "day_six": "2018-01-17",
    }
    assert body["term_total_days"] == 6
    assert body["earlier"] == [
        {
            "label": "history.csv row 1 (line 2)",
            "starts_at": "2018-01-10T08:45",
            "returns_at": "2018-01-15T08:45",
            "days": 3,
        }
    ]


def test_history_bad_row_is_one_line_naming_row_and_field(runner: CliRunner, tmp_path: Path) -> None:
    history = tmp_path / "history.csv"
    history.write_text("date,time,days\n2018-01-10,,3\n2018-01-11,9:00,three\n", encoding="utf-8")
    result = runner.invoke(app, ["exclusion", "--on", "2018-01-15", "--history", str(history), "-c", WEEKDAYS])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "sendcalc: error: history.csv row 2 (line 3), field 'days': value 'three' is not a number of days; "
        "use 1, 2.5 or 0.5\n"
    )


# ----- the autumn-to-spring case ---------------------------------------------------------------------------


def test_last_thursday_of_autumn_for_three_days(runner: CliRunner) -> None:
    result = runner.invoke(app, ["exclusion", "--on", "2025-12-18", "--days", "3", "--json"])
    body = json.loads(result.stdout)
    assert body["returns_at"] == "2026-01-06T08:45"
    assert body["excluded_dates"] == ["2025-12-18", "2025-12-19", "2026-01-05"]
    assert body["term_totals"] == [
        {"term": "autumn 2025-26", "school_year": "2025-26", "days": 2, "total_days": 2},
        {"term": "spring 2025-26", "school_year": "2025-26", "days": 1, "total_days": 1},
    ]
    assert body["term_total_days"] == 2
    assert body["year_total_days"] == 3
    assert body["warnings"][0] == (
        "this suspension runs from the autumn 2025-26 term into the spring 2025-26 term: it counts 2 days in "
        "autumn 2025-26 and 1 day in spring 2025-26; the child returns at 08:45 on Tuesday 6 January 2026"
    )
    table = " ".join(runner.invoke(app, ["exclusion", "--on", "2025-12-18", "--days", "3", "--no-grid"]).stdout.split())
    assert (
        "This suspension runs into another term: it counts 2 days in autumn 2025-26 and 1 day in "
        "spring 2025-26; the child returns at 08:45 on Tuesday 6 January 2026." in table
    )


def test_inset_day_is_skipped(runner: CliRunner) -> None:
    body = run_json(runner, ["exclusion", "--picked-up", "11:00", "--on", "2025-11-18", "--inset", "2025-11-19"])
    assert body["returns_at"] == "2025-11-20T11:00"
    assert body["excluded_dates"] == ["2025-11-18", "2025-11-20"]


def test_lunchtime_from_noon_back_for_the_afternoon(runner: CliRunner) -> None:
    body = run_json(runner, ["exclusion", "--picked-up", "12:00", "--on", "2025-11-18", "--days", "lunchtime"])
    assert (body["days"], body["lunchtime"]) == (0.5, True)
    assert body["returns_at"] == "2025-11-18T13:00"
    assert body["excluded_dates"] == ["2025-11-18"]


# ----- bad input: one line, non-zero exit ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--picked-up", "25:00"], 2, "--picked-up '25:00' is not a clock time between 00:00 and 23:59"),
        (["--picked-up", "soon"], 2, "--picked-up 'soon' is not a clock time"),
        (["--on", "2025-11-22", "--picked-up", "11:00"], 2, "it is a weekend (Saturday)"),
        (["--on", "2025-12-29", "--picked-up", "11:00"], 2, "it is in the Christmas holiday"),
        (["--on", "2025-12-25", "--picked-up", "11:00"], 2, "it is a bank holiday (Christmas Day)"),
        (["--on", "2025-11-18", "--inset", "2025-11-18"], 2, "it is an INSET (training) day"),
        (["--on", "2025-11-18", "--closure", "2025-11-18"], 2, "it is a closure"),
        (["--days", "0"], 2, "--days '0' must be a positive number of days in half-day steps"),
        (["--days", "1.25"], 2, "--days '1.25' must be a positive number of days in half-day steps"),
        (["--days", "lots"], 2, "--days 'lots' is not a number of days"),
        (["--on", "2031-01-06"], 4, "school year 2030-31"),
        (["--previous", "1", "--history", "x.csv"], 2, "give --previous or --history, not both"),
    ],
)
def test_bad_input(runner: CliRunner, args: list[str], code: int, message: str) -> None:
    base = ["exclusion"] + ([] if "--on" in args else ["--on", "2025-11-18"])
    result = runner.invoke(app, [*base, *args])
    assert result.exit_code == code
    assert result.stdout == ""
    assert result.stderr.startswith("sendcalc: error: ")
    assert message in result.stderr
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr


# ----- csv and ics -------------------------------------------------------------------------------------------


def test_csv_timeline(runner: CliRunner) -> None:
    result = runner.invoke(app, ["exclusion", "--picked-up", "11:00", "--on", "2025-11-18", "-f", "csv"])
    assert result.stdout.splitlines() == [
        "date,time,what,detail",
        "2025-11-18,11:00,Suspension starts,collected during school hours",
        "2025-11-18,,Suspended: day 1,excluded from 11:00; parent: child not in a public place in school hours; "
        "school: sets and marks work",
        "2025-11-18,15:15,Written notice of the suspension due,the school must give the parents written notice by "
        "the end of the afternoon session (SI 2007/1870 reg 6(2))",
        "2025-11-19,,Suspended: day 2,excluded until 11:00; parent: child not in a public place in school hours; "
        "school: sets and marks work",
        "2025-11-19,11:00,Back at school,the suspension ends",
    ]


def _events(path: Path) -> list[tuple[str, str]]:
    cal = Calendar.from_ical(path.read_bytes())
    return [(ev.decoded("dtstart").isoformat(), str(ev.get("summary"))) for ev in cal.walk("VEVENT")]


def test_ics_parses_back(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "suspension.ics"
    result = runner.invoke(app, ["exclusion", "--on", "2018-01-08", "--days", "6", "-c", WEEKDAYS, "--ics", str(path)])
    assert result.exit_code == 0
    assert f"wrote 11 event(s) to {path}" in result.stderr
    events = _events(path)
    assert events[0] == ("2018-01-08", "Suspension starts (08:45)")
    assert ("2018-01-15", "Day 6: provision from the school") in events
    assert ("2018-01-16", "Back at school (08:45)") in events
    assert ("2018-03-19", "Governing board deadline (50 school days)") in events
    cal = Calendar.from_ical(path.read_bytes())
    assert all(ev.get("uid") and ev.get("dtstamp") for ev in cal.walk("VEVENT"))


def test_ics_for_permanent_review_and_totals(runner: CliRunner, tmp_path: Path) -> None:
    perm = tmp_path / "p.ics"
    assert runner.invoke(app, ["permanent", "--on", "2018-01-08", "-c", WEEKDAYS, "--ics", str(perm)]).exit_code == 0
    assert ("2018-01-15", "Day 6: local authority provision") in _events(perm)
    rev = tmp_path / "r.ics"
    args = ["review", "--decision-notice", "2004-09-13", "--posted", "-c", WEEKDAYS, "--ics", str(rev)]
    assert runner.invoke(app, args).exit_code == 0
    assert _events(rev) == [
        ("2004-09-15", "Board's decision letter counts as given"),
        ("2004-10-06", "Last day to apply for an independent review (and ask for a SEN expert)"),
    ]
    history = tmp_path / "h.csv"
    history.write_text("date,time,days\n2018-01-10,,3\n2018-01-15,,3\n", encoding="utf-8")
    tot = tmp_path / "t.ics"
    args = ["totals", "--history", str(history), "-c", WEEKDAYS, "--ics", str(tot)]
    assert runner.invoke(app, args).exit_code == 0
    assert ("2018-01-17", "Day 6: provision from the school") in _events(tot)


def test_ics_unwritable_path_is_an_error(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["exclusion", "--on", "2025-11-18", "--ics", str(tmp_path / "no" / "x.ics")])
    assert result.exit_code == 2
    assert "cannot write the calendar file" in result.stderr


# ----- permanent -----------------------------------------------------------------------------------------------


def test_permanent_json(runner: CliRunner) -> None:
    body = run_json(runner, ["permanent", "--picked-up", "14:00", "--on", "2025-11-18"])
    assert body["kind"] == "permanent"
    assert body["starts_at"] == "2025-11-18T14:00"
    assert body["day_zero"] == "2025-11-18"
    assert body["day_one"] == "2025-11-19"
    assert body["first_five_days"] == ["2025-11-19", "2025-11-20", "2025-11-21", "2025-11-24", "2025-11-25"]
    assert body["parent_duty_dates"] == body["first_five_days"]
    assert body["provision_from"] == "2025-11-26"
    assert body["provision_by"] == "local authority"
    assert body["governing_board"]["duty"] == "must-consider"
    assert body["governing_board"]["deadline"] == "2025-12-09"
    assert body["governing_board"]["school_days"] == 15


def test_permanent_table_and_explain(runner: CliRunner) -> None:
    result = runner.invoke(app, ["permanent", "--on", "2018-01-08", "-c", WEEKDAYS, "--explain", "--no-grid"])
    assert result.exit_code == 0
    assert "Permanent exclusion (Weekdays only calendar)" in result.stdout
    assert "Deadline: Monday 29 January 2018" in result.stdout
    assert "How this was worked out:" in result.stdout
    assert "(convention: the law is silent here; this is the rule sendcalc applies)" in result.stdout


# ----- review (rules.md §7 case 6) -----------------------------------------------------------------------------


def test_worked_case_6_review_json(runner: CliRunner) -> None:
    body = run_json(runner, ["review", "--decision-notice", "2004-09-13", "--posted", "-c", WEEKDAYS])
    assert body["kind"] == "review"
    assert body["decision_notice"] == {
        "date": "2004-09-13",
        "posted": True,
        "given_on": "2004-09-15",
        "apply_by": "2004-10-06",
        "sen_expert_by": "2004-10-06",
    }
    assert body["application"] is None
    assert body["panel_decision"] is None
    assert [w for w in body["warnings"] if not w.startswith("Weekdays only calendar: ")] == []  # no half-terms


def test_review_application_and_panel_json(runner: CliRunner) -> None:
    body = run_json(runner, ["review", "--applied", "2004-10-01", "--panel-decision", "1 Nov 2004", "-c", WEEKDAYS])
    assert body["application"] == {
        "date": "2004-10-01",
        "posted": False,
        "made_on": "2004-10-01",
        "closing_date": "2004-10-22",
    }
    assert body["panel_decision"] == {
        "date": "2004-11-01",
        "posted": False,
        "notified_on": "2004-11-01",
        "reconsider_by": "2004-11-15",
    }


def test_review_without_dates_is_an_error(runner: CliRunner) -> None:
    result = runner.invoke(app, ["review"])
    assert result.exit_code == 2
    assert result.stderr.startswith("sendcalc: error: give at least one date")


# ----- totals ----------------------------------------------------------------------------------------------------


def test_totals_json(runner: CliRunner, tmp_path: Path) -> None:
    history = tmp_path / "h.toml"
    history.write_text(
        "[[suspension]]\ndate = 2018-01-10\ndays = 3\n\n[[suspension]]\ndate = 2018-01-15\ndays = 3\n\n"
        '[[suspension]]\ndate = 2018-02-05\ntime = "11:00"\ndays = 10.5\n',
        encoding="utf-8",
    )
    body = run_json(runner, ["totals", "--history", str(history), "-c", WEEKDAYS])
    assert body["kind"] == "totals"
    assert [s["days"] for s in body["suspensions"]] == [3, 3, 10.5]
    assert [s["run"] for s in body["suspensions"]] == [1, 1, 2]
    assert [s["provision_from"] for s in body["suspensions"]] == [None, "2018-01-17", "2018-02-12"]
    assert [s["governing_board"]["duty"] for s in body["suspensions"]] == [
        "consider-representations",
        "if-parents-ask",
        "must-consider",
    ]
    assert body["suspensions"][2]["governing_board"]["deadline"] == "2018-02-26"
    assert body["terms"] == [
        {
            "term": "spring 2017-18",
            "school_year": "2017-18",
            "total_days": 16.5,
            "crossed": [
                {
                    "threshold_days": 5,
                    "suspension": 2,
                    "row": "h.toml suspension 2",
                    "date": "2018-01-17",
                    "meaning": "above 5 days in the term: the head must tell the governing board and the local "
                    "authority; the board must consider reinstatement if the parents ask (within 50 school days)",
                },
                {
                    "threshold_days": 15,
                    "suspension": 3,
                    "row": "h.toml suspension 3",
                    "date": "2018-02-16",
                    "meaning": "above 15 days in the term: the governing board must consider reinstatement within 15 "
                    "school days",
                },
            ],
        }
    ]
    assert body["school_years"][0]["total_days"] == 16.5
    assert body["school_years"][0]["unlawful"] is False
    assert body["runs"] == [
        {"run": 1, "suspensions": [1, 2], "days": 6, "day_one": "2018-01-10", "day_six": "2018-01-17"},
        {"run": 2, "suspensions": [3], "days": 10.5, "day_one": "2018-02-05", "day_six": "2018-02-12"},
    ]


def test_totals_csv_and_table(runner: CliRunner, tmp_path: Path) -> None:
    history = tmp_path / "h.csv"
    history.write_text("date,time,days\n2018-01-10,,3\n2018-01-15,,3\n", encoding="utf-8")
    csv_out = runner.invoke(app, ["totals", "--history", str(history), "-c", WEEKDAYS, "-f", "csv"]).stdout
    assert csv_out.splitlines() == [
        "number,row,starts_at,returns_at,days,term,term_total_days,school_year,year_total_days,run,provision_from,"
        "board_duty,board_deadline",
        "1,h.csv row 1 (line 2),2018-01-10T08:45,2018-01-15T08:45,3,spring 2017-18,3,2017-18,3,1,,"
        "consider-representations,",
        "2,h.csv row 2 (line 3),2018-01-15T08:45,2018-01-18T08:45,3,spring 2017-18,6,2017-18,6,1,2018-01-17,"
        "if-parents-ask,2018-03-26",
    ]
    table = runner.invoke(app, ["totals", "--history", str(history), "-c", WEEKDAYS]).stdout
    assert "run 1 (suspensions 1, 2): 6 days; day 6 is Wednesday 17 January 2018" in table


def test_every_command_has_help_with_an_example(runner: CliRunner) -> None:
    for name in ("exclusion", "permanent", "review", "totals"):
        result = runner.invoke(app, [name, "--help"])
        assert result.exit_code == 0
        assert re.search(rf"Examples?:\s+sendcalc {name} ", result.stdout), result.stdout


def test_dates_in_words_parse_day_first(runner: CliRunner) -> None:
    body = run_json(runner, ["exclusion", "--on", "18 Nov 2025", "--picked-up", "2:30pm"])
    assert body["on"] == D("2025-11-18").isoformat()
    assert body["picked_up"] == "14:30"


def _keys(value: Any, prefix: str = "") -> set[str]:
    """Every key in a JSON document (nested objects and lists of objects included)."""
    found: set[str] = set()
    if isinstance(value, dict):
        for key, inner in value.items():
            found.add(key)
            found |= _keys(inner)
    elif isinstance(value, list):
        for inner in value:
            found |= _keys(inner)
    return found


def test_every_json_key_is_documented(runner: CliRunner, tmp_path: Path) -> None:
    docs = guide_text("exclusions")
    history = tmp_path / "h.csv"
    history.write_text("date,time,days\n2018-01-10,,3\n2018-01-15,,3\n", encoding="utf-8")
    outputs = [
        ["exclusion", "--on", "2018-01-18", "--days", "3", "--history", str(history), "-c", WEEKDAYS],
        ["permanent", "--on", "2018-01-08", "-c", WEEKDAYS],
        [
            "review",
            "--decision-notice",
            "2004-09-13",
            "--applied",
            "2004-10-01",
            "--panel-decision",
            "2004-11-01",
            "-c",
            WEEKDAYS,
        ],
        ["totals", "--history", str(history), "-c", WEEKDAYS],
    ]
    for args in outputs:
        keys = _keys(run_json(runner, args))
        missing = sorted(k for k in keys if f"`{k}`" not in docs)
        assert missing == [], f"{args[0]}: undocumented JSON keys {missing}"
