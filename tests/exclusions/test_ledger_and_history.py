"""History files, running totals, thresholds crossed and back-to-back runs (rules.md §2, §2.3, §7 case 4)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sendcalc.calendar import SchoolCalendar
from sendcalc.core.errors import InputError, NotASchoolDayError
from sendcalc.exclusions.explain import suspension_steps
from sendcalc.exclusions.history import HistoryRow
from sendcalc.exclusions.suspension import assess_suspension
from sendcalc.exclusions.totals import summarise_history
from sendcalc.readers.history import parse_history_csv, parse_history_toml, read_history
from tests.conftest import D


def row(
    on: str, halves: int, time: str | None = None, *, not_collected: bool = False, exam: bool = False
) -> HistoryRow:
    return HistoryRow(
        where=f"row {on}",
        on=D(on),
        picked_up=dt.time.fromisoformat(time) if time else None,
        not_collected=not_collected,
        halves=halves,
        exam=exam,
    )


# ----- reading -------------------------------------------------------------------------------------------


def test_csv_rows_with_every_kind_of_time() -> None:
    rows = parse_history_csv(
        "date,time,days,exam,note\n"
        "# a comment line\n"
        "2025-10-01,11:00,1,,hit another child\n"
        "\n"
        "03/11/2025,,2.5,yes,\n"
        "2025-11-20,not collected,0.5,no,\n"
        "2025-11-24,12:15,lunchtime,,\n",
        "h.csv",
    )
    assert rows == (
        HistoryRow("h.csv row 1 (line 3)", D("2025-10-01"), dt.time(11, 0), False, 2, False, "hit another child"),
        HistoryRow("h.csv row 2 (line 5)", D("2025-11-03"), None, False, 5, True, ""),
        HistoryRow("h.csv row 3 (line 6)", D("2025-11-20"), None, True, 1, False, ""),
        HistoryRow("h.csv row 4 (line 7)", D("2025-11-24"), dt.time(12, 15), False, 1, False, "", lunchtime=True),
    )


def test_a_lunchtime_by_kind_needs_no_days_and_cannot_be_not_collected() -> None:
    rows = parse_history_csv("date,time,days,kind\n2025-11-24,,,lunchtime\n", "h.csv")
    assert (rows[0].lunchtime, rows[0].halves, rows[0].picked_up) == (True, 1, None)
    with pytest.raises(InputError, match="field 'time': a lunchtime suspension ends when the afternoon begins"):
        parse_history_csv("date,time,kind\n2025-11-24,not collected,lunchtime\n", "h.csv")
    with pytest.raises(InputError, match="field 'days': a lunchtime suspension is half a day, not '2'"):
        parse_history_csv("date,days,kind\n2025-11-24,2,lunchtime\n", "h.csv")


def test_toml_rows() -> None:
    rows = parse_history_toml(
        '[[suspension]]\ndate = 2025-10-01\ntime = "11:00"\ndays = 1\n\n'
        "[[suspension]]\ndate = 2025-11-03\ntime = 14:30:00\ndays = 2.5\nexam = true\n",
        "h.toml",
    )
    assert rows == (
        HistoryRow("h.toml suspension 1", D("2025-10-01"), dt.time(11, 0), False, 2, False, ""),
        HistoryRow("h.toml suspension 2", D("2025-11-03"), dt.time(14, 30), False, 5, True, ""),
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("date,time,days\n2025-10-01,11:00,1\n2025-10-08,25:00,1\n", "h.csv row 2 (line 3), field 'time': "),
        ("date,time,days\n2025-10-01,11:00,0\n", "h.csv row 1 (line 2), field 'days': value '0' must be a positive"),
        ("date,time,days\n2025-10-01,11:00,1.25\n", "h.csv row 1 (line 2), field 'days'"),
        ("date,time,days\n,11:00,1\n", "h.csv row 1 (line 2), field 'date': empty"),
        ("date,time,days\n32/10/2025,,1\n", "h.csv row 1 (line 2), field 'date': date '32/10/2025' is not a real date"),
        ("date,time,days,exam\n2025-10-01,,1,maybe\n", "h.csv row 1 (line 2), field 'exam': 'maybe' is not yes or no"),
        ("date,tme,days\n", "h.csv line 1: unknown column 'tme'"),
        ("date,time\n", "h.csv line 1: no 'days' column"),
        ("", "h.csv: the file is empty"),
        ("date,time,days\n2025-10-01,,1,,x\n", "h.csv row 1 (line 2): more cells than the header"),
    ],
)
def test_csv_errors_name_the_row_and_the_field(text: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_history_csv(text, "h.csv")
    assert str(caught.value).startswith(message)
    assert "\n" not in str(caught.value)


def test_toml_errors_name_the_suspension_and_the_field() -> None:
    with pytest.raises(InputError, match=r"^h.toml suspension 2, field 'days': value 'x' is not a number"):
        parse_history_toml(
            '[[suspension]]\ndate = 2025-10-01\ndays = 1\n[[suspension]]\ndate = 2025-10-02\ndays = "x"\n', "h.toml"
        )
    with pytest.raises(InputError, match=r"^h.toml suspension 1: unknown field 'tim'"):
        parse_history_toml('[[suspension]]\ndate = 2025-10-01\ntim = "11:00"\ndays = 1\n', "h.toml")
    with pytest.raises(InputError, match=r"^h.toml suspension 1, field 'days': missing"):
        parse_history_toml("[[suspension]]\ndate = 2025-10-01\n", "h.toml")
    with pytest.raises(InputError, match=r"^h.toml: not valid TOML"):
        parse_history_toml("[[suspension]\n", "h.toml")


def test_read_history_files(tmp_path: Path) -> None:
    csv_file = tmp_path / "kid.csv"
    csv_file.write_text("date,time,days\n2025-10-01,11:00,1\n", encoding="utf-8")
    assert read_history(csv_file)[0].where == "kid.csv row 1 (line 2)"
    with pytest.raises(InputError, match="does not exist"):
        read_history(tmp_path / "missing.csv")


def test_a_row_on_a_closed_day_names_the_row_and_the_date_field(herts: SchoolCalendar) -> None:
    rows = parse_history_csv("date,time,days\n2025-10-04,,1\n", "h.csv")
    with pytest.raises(NotASchoolDayError, match=r"^h.csv row 1 \(line 2\), field 'date': Saturday 4 October 2025"):
        summarise_history(herts, rows)


def test_overlapping_rows_are_an_error_naming_both(herts: SchoolCalendar) -> None:
    rows = parse_history_csv("date,time,days\n2025-10-01,11:00,3\n2025-10-02,,1\n", "h.csv")
    with pytest.raises(InputError, match=r"h.csv row 2 \(line 3\) starts at .* before h.csv row 1 \(line 2\) ends"):
        summarise_history(herts, rows)


# ----- runs: broken only by a full session attended ------------------------------------------------------


@pytest.mark.parametrize(
    ("back", "next_start", "broken"),
    [
        ((10, 0), (10, 0), False),  # straight on
        ((10, 0), (10, 15299), False),  # one second short of the morning session (08:45-13:00)
        ((10, 0), (10, 15300), True),  # the whole morning attended
        ((10, 3600), (11, 0), True),  # back at 09:45 and there for the whole afternoon
        ((10, 3600), (10, 23399), False),  # the afternoon session ends at 15:15 (23400 s)
        ((10, 15300), (11, 0), True),  # back at 13:00 and there all afternoon
        ((10, 15301), (11, 15299), False),  # back at 13:00:01, out again before the next morning ends
        ((10, 15301), (11, 15300), True),
    ],
)
def test_attends_full_session(
    herts: SchoolCalendar, back: tuple[int, int], next_start: tuple[int, int], broken: bool
) -> None:
    assert herts.attends_full_session(back, next_start) is broken


def test_worked_case_4_back_to_back_day_six_is_the_second_wednesday(weekdays: SchoolCalendar) -> None:
    # 3 days Wednesday-Friday from the start of the day, then 3 more from Monday (weekdays only)
    r = assess_suspension(weekdays, D("2018-01-15"), 6, history=[row("2018-01-10", 6)])
    assert r.run.day_one == D("2018-01-10")
    assert r.run.day_six == D("2018-01-17")
    assert r.provision_from == D("2018-01-17")
    assert r.provision_by == "school"
    assert r.run_labels == ("row 2018-01-10", "this suspension")
    assert r.term_total_halves == 12
    assert r.governing_board.duty == "if-parents-ask"
    assert r.governing_board.deadline == D("2018-03-26")  # 50 school days after Monday 15 January
    assert any(s.convention and "back-to-back" in s.rule.lower() for s in suspension_steps(weekdays, r))


def test_separate_suspensions_in_different_weeks_do_not_trigger_day_six(weekdays: SchoolCalendar) -> None:
    r = assess_suspension(weekdays, D("2018-01-22"), 6, history=[row("2018-01-10", 6)])
    assert r.run.day_six is None
    assert r.provision_from is None
    assert r.provision_by is None
    assert r.term_total_halves == 12  # they still add up
    assert r.governing_board.duty == "if-parents-ask"


def test_the_christmas_holiday_does_not_break_a_run(herts: SchoolCalendar) -> None:
    # 3 days from Wednesday 17 December 2025 end at the start of Monday 5 January; 3 more from that Monday
    r = assess_suspension(herts, D("2026-01-05"), 6, history=[row("2025-12-17", 6)])
    assert r.run.halves == 12
    assert r.run.day_one == D("2025-12-17")
    # days 1-5: 17, 18, 19 December, 5, 6 January; day 6 is Wednesday 7 January
    assert r.provision_from == D("2026-01-07")
    assert [(t.period, t.total_halves) for t in r.term_totals] == [("spring 2025-26", 6)]
    assert r.year_total_halves == 12


def test_attending_the_first_day_back_breaks_the_run(herts: SchoolCalendar) -> None:
    r = assess_suspension(herts, D("2026-01-06"), 6, history=[row("2025-12-17", 6)])
    assert r.run.halves == 6
    assert r.provision_from is None


def test_pru_moves_provision_to_the_local_authority(weekdays: SchoolCalendar) -> None:
    r = assess_suspension(weekdays, D("2018-01-08"), 12, pru=True)
    assert (r.provision_from, r.provision_by) == (D("2018-01-15"), "local authority")


def test_a_run_that_passed_day_six_earlier_needs_provision_from_the_first_day(weekdays: SchoolCalendar) -> None:
    r = assess_suspension(weekdays, D("2018-01-16"), 2, history=[row("2018-01-08", 12)])
    assert r.run.day_six == D("2018-01-15")
    assert r.provision_from == D("2018-01-16")


def test_history_rows_must_be_earlier(weekdays: SchoolCalendar) -> None:
    with pytest.raises(InputError, match="not before this suspension"):
        assess_suspension(weekdays, D("2018-01-08"), 2, history=[row("2018-01-10", 2)])


# ----- totals report -------------------------------------------------------------------------------------


def test_totals_crossings_runs_and_board_duties(herts: SchoolCalendar) -> None:
    rows = [
        row("2025-10-01", 2, "11:00"),
        row("2025-11-05", 6),
        row("2025-11-10", 6),
        row("2025-12-01", 1, "14:00"),
        row("2026-01-12", 20),
    ]
    result = summarise_history(herts, rows)
    ledger = result.ledger
    assert [(t.period, t.total_halves) for t in ledger.terms] == [("autumn 2025-26", 15), ("spring 2025-26", 20)]
    assert [(y.period, y.total_halves) for y in ledger.years] == [("2025-26", 35)]
    assert [(c.scope, c.period, c.threshold_halves, c.entry, c.date) for c in ledger.crossings] == [
        ("term", "autumn 2025-26", 10, 2, D("2025-11-11")),
        ("school year", "2025-26", 10, 2, D("2025-11-11")),
        ("term", "spring 2025-26", 10, 4, D("2026-01-19")),
        ("school year", "2025-26", 30, 4, D("2026-01-21")),
    ]
    assert [(r.members, r.halves, r.day_six) for r in ledger.runs] == [
        ((0,), 2, None),
        ((1, 2), 12, D("2025-11-12")),
        ((3,), 1, None),
        ((4,), 20, D("2026-01-19")),
    ]
    assert [b.duty for b in result.boards] == [
        "consider-representations",
        "consider-representations",
        "if-parents-ask",
        "if-parents-ask",
        "if-parents-ask",
    ]
    assert result.provision == (
        (None, None),
        (None, None),
        (D("2025-11-12"), "school"),
        (None, None),
        (D("2026-01-19"), "school"),
    )
