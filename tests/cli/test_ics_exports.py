"""Calendar (.ics) exports that never collide: --label, `absence --ics` and `check --ics DIR`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from icalendar import Calendar
from typer.testing import CliRunner

from sendcalc.cli import app

CASES = str(Path(__file__).parent.parent.parent / "docs" / "examples" / "cases.csv")
# Hertfordshire 2025-26 (src/sendcalc/data/term_dates/hertfordshire.toml): the autumn half-term; no bank holiday
# falls on a weekday from September to mid-December 2025 (the next are 25 and 26 December).
NOT_SCHOOL_DAYS = {dt.date(2025, 10, 27) + dt.timedelta(days=n) for n in range(5)}


def nth_school_day(first: dt.date, n: int) -> dt.date:
    """The nth school day counting ``first`` as day 1, walking weekdays and skipping the days above."""
    day, count = first, 0
    while True:
        if day.weekday() < 5 and day not in NOT_SCHOOL_DAYS:
            count += 1
            if count == n:
                return day
        day += dt.timedelta(days=1)


def read(path: Path) -> tuple[str, list[tuple[str, str, str]]]:
    """The calendar's name, and each event's (uid, date, title)."""
    cal = Calendar.from_ical(path.read_bytes())
    rows = [(str(ev["uid"]), ev.decoded("dtstart").isoformat(), str(ev["summary"])) for ev in cal.walk("VEVENT")]
    return str(cal["x-wr-calname"]), rows


def invoke(runner: CliRunner, args: list[str], code: int = 0) -> str:
    result = runner.invoke(app, args)
    assert result.exit_code == code, result.stderr
    return result.stderr


# ----- --label ---------------------------------------------------------------------------------------------


def test_two_childrens_suspensions_on_one_day_never_share_a_uid(runner: CliRunner, tmp_path: Path) -> None:
    sam, alex = tmp_path / "sam.ics", tmp_path / "alex.ics"
    on = ["exclusion", "--on", "2025-11-18", "--picked-up", "11:00"]
    stderr = invoke(runner, [*on, "--ics", str(sam), "--label", "Sam"])
    assert f"wrote 5 event(s) to {sam}" in stderr
    invoke(runner, [*on, "--days", "2", "--ics", str(alex), "--label", "Alex (case 7)"])
    sam_name, sam_events = read(sam)
    alex_name, alex_events = read(alex)
    assert sam_name == "Sam: Suspension dates (sendcalc)"
    assert alex_name == "Alex (case 7): Suspension dates (sendcalc)"
    assert sam_events[0][1:] == ("2025-11-18", "Sam: Suspension starts (11:00)")
    assert alex_events[0][1:] == ("2025-11-18", "Alex (case 7): Suspension starts (11:00)")
    assert all(title.startswith("Sam: ") for _, _, title in sam_events)
    assert all(title.startswith("Alex (case 7): ") for _, _, title in alex_events)
    uids = [uid for uid, _, _ in sam_events + alex_events]
    assert len(uids) == len(set(uids)) == len(sam_events) + len(alex_events)
    assert all(uid.endswith("@sendcalc") for uid in uids)


def test_the_same_export_twice_gives_the_same_uids(runner: CliRunner, tmp_path: Path) -> None:
    first, again = tmp_path / "first.ics", tmp_path / "again.ics"
    args = ["exclusion", "--on", "2025-11-17", "--days", "8", "--label", "A4"]
    invoke(runner, [*args, "--ics", str(first)])
    invoke(runner, [*args, "--ics", str(again)])
    assert read(first) == read(again)
    assert len(read(first)[1]) == 13  # the CSV timeline's rows, less its header


@pytest.mark.parametrize("command", ["exclusion", "permanent", "review", "totals", "absence"])
def test_label_is_offered_wherever_ics_is(runner: CliRunner, command: str) -> None:
    help_text = " ".join(runner.invoke(app, [command, "--help"]).stdout.split())
    assert "--ics FILE" in help_text
    assert "--label TEXT" in help_text
    assert "so two children's dates never overwrite each other" in help_text


@pytest.mark.parametrize(
    ("label", "error"),
    [
        ("Sam\nSmith", "--label holds the control character U+000A; give the name on one line"),
        ("Sam\x1b[2J", "--label holds the control character U+001B; give the name on one line"),
        ("  ", "--label is empty"),
    ],
)
def test_a_label_is_one_line_of_text(runner: CliRunner, tmp_path: Path, label: str, error: str) -> None:
    path = tmp_path / "x.ics"
    stderr = invoke(runner, ["exclusion", "--on", "2025-11-18", "--ics", str(path), "--label", label], code=2)
    assert error in stderr
    assert len(stderr.strip().splitlines()) == 1
    assert not path.exists()


def test_a_label_without_ics_is_an_error(runner: CliRunner) -> None:
    stderr = invoke(runner, ["exclusion", "--on", "2025-11-18", "--label", "Sam"], code=2)
    assert "--label names the events of the calendar file; give --ics too" in stderr


# ----- absence --ics ---------------------------------------------------------------------------------------


def test_absence_ics_gives_the_first_day_the_15th_and_the_last(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "absence.ics"
    args = ["absence", "--from", "2025-11-03", "--to", "2025-11-28", "--ics", str(path), "--label", "Sam"]
    stderr = invoke(runner, args)
    assert f"wrote 3 event(s) to {path}" in stderr
    fifteenth = nth_school_day(dt.date(2025, 11, 3), 15)
    assert fifteenth == dt.date(2025, 11, 21)
    name, events = read(path)
    assert name == "Sam: Health absence dates (sendcalc)"
    assert [(day, title) for _, day, title in events] == [
        ("2025-11-03", "Sam: Health absence: first school day off"),
        (fifteenth.isoformat(), "Sam: 15th school day off in a row: the local authority must arrange education"),
        ("2025-11-28", "Sam: Health absence: last school day off"),
    ]
    cal = Calendar.from_ical(path.read_bytes())
    detail = str(cal.walk("VEVENT")[1]["description"])
    assert "Education Act 1996 s.19" in detail
    assert "Arranging education for children who cannot attend school because of health needs" in detail


def test_absence_ics_over_half_term_with_earlier_days(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "absence.ics"
    args = ["absence", "--from", "2025-10-20", "--earlier-days", "4", "--as-of", "2025-10-21", "--ics", str(path)]
    invoke(runner, args)
    first = dt.date(2025, 10, 20)
    in_a_row = nth_school_day(first, 15)
    added_up = nth_school_day(first, 11)  # 4 days earlier this school year + 11 = 15
    assert (in_a_row, added_up) == (dt.date(2025, 11, 14), dt.date(2025, 11, 10))
    duty = "the local authority must arrange education"
    assert [(day, title) for _, day, title in read(path)[1]] == [
        ("2025-10-20", "Health absence: first school day off"),
        (added_up.isoformat(), f"15th school day off this school year (added up): {duty}"),
        (in_a_row.isoformat(), f"15th school day off in a row: {duty}"),
    ]


def test_absence_ics_ages_out_of_the_duty(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "absence.ics"
    invoke(runner, ["absence", "--from", "2025-11-03", "--year-group", "12", "--ics", str(path), "-q"])
    titles = [title for _, _, title in read(path)[1]]
    assert titles == ["Health absence: first school day off", "15th school day off in a row"]


# ----- check --ics DIR -------------------------------------------------------------------------------------


def test_check_ics_writes_one_file_per_case(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "calendars" / "2025"  # made, parents too
    result = runner.invoke(app, ["check", CASES, "--as-of", "2025-11-21", "--ics", str(folder)])
    assert result.exit_code == 1  # the case list has a breach and bad rows; the calendars are written all the same
    assert f"sendcalc: wrote 6 calendar file(s) with 17 event(s) to {folder}, one per case with dates" in result.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["A1.ics", "A4.ics", "A5.ics", "A6.ics", "A7.ics", "A8.ics"]
    name, a4 = read(folder / "A4.ics")
    assert name == "A4: Exclusion dates (sendcalc)"
    assert [(day, title) for _, day, title in a4] == [
        ("2025-11-17", "A4: Suspension starts (08:45)"),
        ("2025-11-24", "A4: Day 6: provision from the school"),
        ("2025-11-27", "A4: Back at school (08:45)"),
        ("2026-02-09", "A4: Governing board deadline (50 school days)"),
    ]
    assert [(day, title) for _, day, title in read(folder / "A5.ics")[1]] == [
        ("2025-11-18", "A5: Permanent exclusion starts (10:00)"),
        ("2025-11-25", "A5: Day 6: local authority provision"),
        ("2025-12-09", "A5: Governing board deadline (15 school days)"),
    ]
    assert [(day, title) for _, day, title in read(folder / "A6.ics")[1]] == [
        ("2025-11-18", "A6: Lunchtime suspension starts (12:15)"),
        ("2025-11-18", "A6: Back for the afternoon (13:00)"),
    ]
    uids = [uid for path in folder.iterdir() for uid, _, _ in read(path)[1]]
    assert len(uids) == len(set(uids)) == 17
    assert not list(folder.glob(".*"))  # no temporary file left behind


def test_check_ics_is_the_same_each_run_and_in_json(runner: CliRunner, tmp_path: Path) -> None:
    first, again = tmp_path / "first", tmp_path / "again"
    runner.invoke(app, ["check", CASES, "--as-of", "2025-11-21", "--ics", str(first)])
    runner.invoke(app, ["check", CASES, "--as-of", "2025-11-21", "--json", "--ics", str(again)])
    assert sorted(p.name for p in first.iterdir()) == sorted(p.name for p in again.iterdir())
    for path in first.iterdir():
        assert read(path) == read(again / path.name)


def test_check_ics_names_and_rows_of_one_case(runner: CliRunner, tmp_path: Path) -> None:
    cases = tmp_path / "cases.csv"
    cases.write_text(
        "case_id,kind,date,decision_notice\n"
        "P1,permanent,2025-11-18,2025-12-02\n"
        "P/1,suspension,2025-11-18,\n"
        "p_1,suspension,2025-11-19,\n"
        "P1,suspension,2026-01-12,\n"
        "../x,suspension,2025-11-20,\n",
        encoding="utf-8",
    )
    folder = tmp_path / "out"
    invoke(runner, ["check", str(cases), "--as-of", "2025-11-21", "--ics", str(folder)])
    assert sorted(p.name for p in folder.iterdir()) == ["P1.ics", "P_1.ics", "p_1-2.ics", "x.ics"]
    assert read(folder / "P_1.ics")[1][0][2] == "P/1: Suspension starts (08:45)"
    assert read(folder / "p_1-2.ics")[1][0][2] == "p_1: Suspension starts (08:45)"
    assert [(day, title) for _, day, title in read(folder / "P1.ics")[1]] == [
        ("2025-11-18", "P1: Permanent exclusion starts (08:45)"),
        ("2025-11-25", "P1: Day 6: local authority provision"),
        ("2025-12-09", "P1: Governing board deadline (15 school days)"),
        ("2026-01-06", "P1: Last day to apply for an independent review (and ask for a SEN expert)"),
        ("2026-01-12", "P1: Suspension starts (08:45)"),
        ("2026-01-13", "P1: Back at school (08:45)"),
    ]


def test_check_ics_dir_that_is_a_file_is_an_error_before_reading(runner: CliRunner, tmp_path: Path) -> None:
    taken = tmp_path / "calendars"
    taken.write_text("not a folder", encoding="utf-8")
    result = runner.invoke(app, ["check", CASES, "--ics", str(taken)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"sendcalc: error: --ics {str(taken)!r} is a file; give a folder for the calendar files (one per case)\n"
    )
    assert result.stdout == ""
    assert taken.read_text(encoding="utf-8") == "not a folder"


def test_check_without_ics_writes_no_calendars(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", CASES, "--as-of", "2025-11-21", "-o", str(tmp_path / "out.csv")])
    assert "calendar file" not in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]


def test_check_ics_makes_no_folder_when_the_case_list_cannot_be_read(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "calendars"
    result = runner.invoke(app, ["check", str(tmp_path / "missing.csv"), "--ics", str(folder)])
    assert result.exit_code == 2
    assert not folder.exists()


def test_check_ics_folder_that_cannot_be_made_is_one_line(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x", encoding="utf-8")
    folder = tmp_path / "file" / "calendars"
    result = runner.invoke(app, ["check", CASES, "--ics", str(folder)])
    assert result.exit_code == 2
    assert (
        result.stderr
        == f"sendcalc: error: cannot make the folder {str(folder)!r} for the calendar files: Not a directory\n"
    )
