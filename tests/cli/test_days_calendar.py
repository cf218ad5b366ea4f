"""Exact CLI output of `days` and `calendar` (CliRunner), including errors and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from sendcalc.cli import app

BUSHEY = [
    "--inset",
    "2024-09-02",
    "--inset",
    "2024-09-03",
    "--inset",
    "2024-11-04",
    "--inset",
    "2025-02-24",
    "--inset",
    "2025-06-02",
    "--closure",
    "2024-10-25",
]


def test_days_add_across_christmas_says_what_it_skipped(runner: CliRunner) -> None:
    result = runner.invoke(app, ["days", "add", "2025-12-18", "3", "--calendar", "hertfordshire"])
    assert result.exit_code == 0
    assert result.stdout == (
        "3 school days after Thursday 18 December 2025 is Tuesday 6 January 2026.\n"
        "Counting: day 0 is the start date itself; day 1 is the first school day after it.\n"
        "  day  1  Friday 19 December 2025\n"
        "  day  2  Monday 5 January 2026\n"
        "  day  3  Tuesday 6 January 2026\n"
        "Skipped (not school days):\n"
        "  Saturday 20 December 2025 to Sunday 4 January 2026: in the Christmas holiday; bank holidays: "
        "Christmas Day (Thursday 25 December 2025), Boxing Day (Friday 26 December 2025), "
        "New Year's Day (Thursday 1 January 2026)\n"
        "Calendar: Hertfordshire.\n"
    )
    assert "2025-26 are conflicting, not confirmed" in result.stderr


def test_days_add_json(runner: CliRunner) -> None:
    result = runner.invoke(app, ["days", "add", "18/12/2025", "3", "--json"])
    body = json.loads(result.stdout)
    assert body["start"] == "2025-12-18"
    assert body["result"] == "2026-01-06"
    assert body["counted"] == ["2025-12-19", "2026-01-05", "2026-01-06"]
    assert body["skipped"][0] == {
        "first": "2025-12-20",
        "last": "2026-01-04",
        "days": 16,
        "reasons": [
            "in the Christmas holiday",
            "bank holidays: Christmas Day (Thursday 25 December 2025), Boxing Day (Friday 26 December 2025), "
            "New Year's Day (Thursday 1 January 2026)",
        ],
    }
    assert len(body["warnings"]) == 1


def test_days_add_with_an_inset_day_on_the_command_line(runner: CliRunner) -> None:
    result = runner.invoke(app, ["days", "add", "2025-12-18", "3", "--inset", "2026-01-05", "--format", "csv"])
    assert result.stdout == "start,school_days,result\n2025-12-18,3,2026-01-07\n"


def test_days_between_and_list_state_their_ends(runner: CliRunner) -> None:
    both = runner.invoke(app, ["days", "between", "2025-11-24", "2025-11-28", "--json"])
    assert json.loads(both.stdout)["school_days"] == 5
    neither = runner.invoke(app, ["days", "between", "2025-11-24", "2025-11-28", "--exclude-first", "--exclude-last"])
    assert neither.stdout.splitlines()[:2] == [
        "3 school days from Monday 24 November 2025 to Friday 28 November 2025.",
        "Counting: neither the first nor the last date is counted.",
    ]
    listed = runner.invoke(app, ["days", "list", "2025-12-18", "2026-01-06", "--format", "csv"])
    assert listed.stdout == (
        "day,date,weekday\n1,2025-12-18,Thursday\n2,2025-12-19,Friday\n3,2026-01-05,Monday\n4,2026-01-06,Tuesday\n"
    )


def test_calendar_show_bushey_gives_190(runner: CliRunner) -> None:
    result = runner.invoke(app, ["calendar", "show", "hertfordshire", "--year", "2024-25", *BUSHEY])
    assert result.exit_code == 0
    assert "2024-25: 190 school days (380 sessions)." in result.stdout
    body = json.loads(
        runner.invoke(app, ["calendar", "show", "hertfordshire", "--year", "2024-25", *BUSHEY, "--json"]).stdout
    )
    year = body["years"][0]
    assert (year["school_days"], [t["school_days"] for t in year["terms"]]) == (190, [71, 59, 60])
    assert year["terms"][2]["bank_holidays"] == [{"date": "2025-05-05", "name": "May Day"}]
    assert year["status"] == "secondary"


def test_calendar_show_csv_all_years(runner: CliRunner) -> None:
    result = runner.invoke(app, ["calendar", "show", "derbyshire", "--format", "csv"])
    assert result.stdout.splitlines()[:2] == [
        "school_year,status,term,first_day,last_day,school_days,sessions",
        "2024-25,secondary,autumn,2024-09-04,2024-12-20,73,146",  # 38 (4 Sep-25 Oct) + 35 (4 Nov-20 Dec)
    ]


def test_calendar_list(runner: CliRunner) -> None:
    body = json.loads(runner.invoke(app, ["calendar", "list", "--json"]).stdout)
    assert body["schema_version"] == 1
    listed = {c["key"]: [y["status"] for y in c["years"]] for c in body["calendars"]}
    assert listed["derbyshire"] == ["secondary", "secondary"]
    assert listed["hertfordshire"] == ["secondary", "secondary", "conflicting", "unverified"]
    assert listed["surrey"] == ["published", "unverified"]
    assert len(listed) == 11 and {c["kind"] for c in body["calendars"]} == {"shipped"}


def test_calendar_check_rejects_an_inset_day_on_a_sunday(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "school.toml"
    bad.write_text('based_on = "hertfordshire"\ninset_days = [2025-09-04, 2025-11-23]\n', encoding="utf-8")
    result = runner.invoke(app, ["calendar", "check", str(bad)])
    assert result.exit_code == 3
    assert result.stderr == (
        f"sendcalc: error: {bad}, line 2: inset_days[2]: Sunday 2025-11-23 cannot be an INSET (training) day: "
        "it is a Sunday; a day without pupils must be a weekday in term\n"
    )


def test_calendar_check_accepts_a_good_file(runner: CliRunner, tmp_path: Path) -> None:
    good = tmp_path / "school.toml"
    good.write_text(
        'name = "Calow"\nbased_on = "derbyshire"\ninset_days = [2025-10-24, 2025-11-03, 2026-06-01, '
        "2026-06-02, 2026-07-23]\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["calendar", "check", str(good)])
    assert result.exit_code == 0
    assert result.stdout == (
        f"{good}: OK: Calow; 2024-25 195 school days (secondary); 2025-26 190 school days (secondary)\n"
    )


def test_date_outside_the_data_is_exit_4_and_names_the_years(runner: CliRunner) -> None:
    result = runner.invoke(app, ["days", "add", "2024-03-01", "3"])
    assert result.exit_code == 4
    assert result.stderr.startswith(
        "sendcalc: error: Friday 1 March 2024 is in school year 2023-24, but the "
        "Hertfordshire calendar has term dates only for 2022-23, 2024-25, 2025-26, "
        "2026-27; add that year in a school calendar file"
    )
    assert result.stderr.count("\n") == 1


def test_bad_input_is_a_one_line_error_with_a_nonzero_exit(runner: CliRunner) -> None:
    cases = [
        (["days", "add", "31/02/2026", "3"], 2, "DATE '31/02/2026' is not a real date"),
        (["days", "add", "2025-11-20", "3", "--inset", "2025-11-23"], 2, "it is a Sunday"),
        (["days", "add", "2025-11-20", "3", "--calendar", "kent"], 2, "no calendar called 'kent'"),
        (["days", "between", "2025-11-28", "2025-11-24"], 2, "is before the start date"),
        (["days", "add", "2025-11-20", "3", "--closure", "2025-11-21:noon"], 2, "cannot read closure date"),
    ]
    for args, code, fragment in cases:
        result = runner.invoke(app, args)
        assert (result.exit_code, fragment in result.stderr, result.stderr.count("\n")) == (code, True, 1), args
        assert "Traceback" not in result.output


def test_environment_variable_chooses_the_calendar(runner: CliRunner) -> None:
    result = runner.invoke(
        app, ["days", "add", "2025-10-24", "1", "--format", "csv"], env={"SENDCALC_CALENDAR": "derbyshire"}
    )
    assert result.stdout == "start,school_days,result\n2025-10-24,1,2025-11-03\n"


def test_every_command_has_help_with_an_example(runner: CliRunner) -> None:
    from sendcalc.cli import COMMANDS

    groups = {"days": ["add", "between", "list"], "calendar": ["list", "show", "check"], "sent-home": ["add"]}
    for name in COMMANDS:
        result = runner.invoke(app, [name, "--help"])
        assert result.exit_code == 0, name
        if name not in ("days", "calendar"):
            assert "Example" in result.stdout, name
        for sub in groups.get(name, []):
            assert "Example" in runner.invoke(app, [name, sub, "--help"]).stdout, (name, sub)
