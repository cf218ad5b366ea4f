"""Health absence: the 15-school-day trigger, consecutive and cumulative (rules.md §4)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from sendcalc.attendance.explain import health_steps
from sendcalc.attendance.health import Earlier, health_absence
from sendcalc.calendar import Closure, SchoolCalendar, school_year_label
from sendcalc.core.errors import InputError
from sendcalc.readers.earlier import read_earlier_lines
from tests.conftest import D
from tests.oracle import naive_is_school_day


def test_monday_two_weeks_before_christmas_reaches_15_in_january(herts: SchoolCalendar) -> None:
    r = health_absence(herts, D("2025-12-08"), as_of=D("2025-12-12"))
    assert r.first_day == D("2025-12-08")
    assert r.run_halves == 10  # 5 school days so far
    assert (r.consecutive.date, r.consecutive.status, r.consecutive.day_number) == (D("2026-01-09"), "due", 15)
    assert r.cumulative.date == D("2026-01-09")
    assert r.three_weeks_last == D("2025-12-28")
    assert [(h.first, h.last) for h in r.holidays] == [(D("2025-12-20"), D("2026-01-04"))]
    assert r.holidays[0].reasons[0] == "in the Christmas holiday"


def test_same_case_in_2024(herts: SchoolCalendar) -> None:
    r = health_absence(herts, D("2024-12-09"), as_of=D("2025-01-20"))
    assert r.consecutive.date == D("2025-01-10")
    assert r.consecutive.status == "reached"
    assert r.run_halves == 2 * 21  # 10 days in December, 11 in January (from Monday 6th) to Monday 20th


def test_no_holiday_means_three_school_weeks(herts: SchoolCalendar) -> None:
    r = health_absence(herts, D("2025-11-03"), as_of=D("2025-11-03"))
    assert r.consecutive.date == D("2025-11-21")
    assert r.holidays == ()


def test_half_term_counts_as_a_holiday(herts: SchoolCalendar) -> None:
    r = health_absence(herts, D("2025-10-13"), as_of=D("2025-10-13"))
    assert r.consecutive.date == D("2025-11-07")  # 10 days to 24 Oct, half-term, then 3-7 Nov
    assert [h.reasons for h in r.holidays] == [("in the half-term break of the autumn term",)]


def test_afternoon_start_counts_half_a_day(herts: SchoolCalendar) -> None:
    r = health_absence(herts, D("2025-11-03"), start_session="pm", as_of=D("2025-11-07"))
    assert r.run_halves == 9  # 4.5 days
    assert (r.consecutive.date, r.consecutive.day_number) == (D("2025-11-24"), 16)
    assert any(s.convention and "afternoon session" in s.rule for s in health_steps(r))


def test_run_with_an_end_date_that_stops_short(herts: SchoolCalendar) -> None:
    r = health_absence(herts, D("2025-12-08"), end=D("2025-12-19"), as_of=D("2026-02-01"))
    assert r.last_day == D("2025-12-19")
    assert r.run_halves == 20
    assert r.consecutive.status == "not reached"
    assert r.consecutive.date == D("2026-01-09")  # had it continued
    assert r.continuing is False


def test_earlier_days_bring_the_cumulative_trigger_forward(herts: SchoolCalendar) -> None:
    r = health_absence(herts, D("2025-12-08"), as_of=D("2025-12-08"), earlier=Earlier("--earlier-days", 20))
    assert r.year_halves == 22
    assert (r.cumulative.date, r.cumulative.day_number, r.cumulative.status) == (D("2025-12-12"), 5, "due")
    assert r.consecutive.date == D("2026-01-09")


def test_cumulative_already_reached_before(herts: SchoolCalendar) -> None:
    lines = ["date\n", "2025-09-08,2025-09-26\n"]  # 15 school days
    earlier = read_earlier_lines(lines, herts, "e.txt")
    assert earlier.halves == 30
    r = health_absence(herts, D("2025-12-08"), as_of=D("2025-12-08"), earlier=earlier)
    assert (r.cumulative.status, r.cumulative.date) == ("reached before", D("2025-09-26"))


def test_cumulative_stops_at_the_end_of_the_school_year(herts: SchoolCalendar) -> None:
    r = health_absence(herts, D("2026-07-13"), as_of=D("2026-07-13"))
    assert r.consecutive.date == D("2026-09-08")  # 9 days in July, then 2026-27 starts on 1 September
    assert r.cumulative.status == "not this school year"
    assert r.cumulative.date is None


def test_past_the_calendar_is_unknown_with_a_warning(derbys: SchoolCalendar) -> None:
    r = health_absence(derbys, D("2026-07-13"), as_of=D("2026-07-13"))
    assert (r.consecutive.status, r.consecutive.date) == ("unknown", None)
    assert any("cannot be dated" in w for w in r.warnings)


def test_start_on_a_saturday_counts_from_monday(herts: SchoolCalendar) -> None:
    r = health_absence(herts, D("2025-11-08"), as_of=D("2025-11-10"))
    assert r.first_day == D("2025-11-10")
    assert r.run_halves == 2
    assert "a Saturday" in health_steps(r)[0].result


def test_session_closure_inside_the_run_is_a_stated_convention(herts: SchoolCalendar) -> None:
    cal = herts.with_closures([Closure(D("2025-11-05"), "closure", "pm")])
    r = health_absence(cal, D("2025-11-03"), as_of=D("2025-11-07"))
    assert r.run_halves == 10
    step = next(s for s in health_steps(r) if "one session closed" in s.rule)
    assert step.convention and "Wednesday 5 November 2025" in step.result


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        (
            {"start": D("2025-11-08"), "start_session": "pm"},
            "an absence that begins in the afternoon needs its first day to be a school day",
        ),
        (
            {"start": D("2025-11-10"), "end": D("2025-11-07")},
            "the last day off, Friday 7 November 2025, is before the first",
        ),
        ({"start": D("2025-12-20"), "end": D("2025-12-31")}, "there is no school day from Saturday 20 December"),
    ],
)
def test_input_errors(herts: SchoolCalendar, kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(InputError, match=message):
        health_absence(herts, **kwargs)  # type: ignore[arg-type]


def test_earlier_file_formats(herts: SchoolCalendar) -> None:
    lines = [
        "# health absence before this run\n",
        "2025-09-10\n",
        "11/09/2025,pm\n",
        "2025-10-23 to 2025-11-04\n",  # Thu, Fri, half-term, Mon, Tue: 4 school days
        "\n",
    ]
    earlier = read_earlier_lines(lines, herts, "e.txt")
    assert earlier.halves == 2 + 1 + 8
    assert [(e.day.isoformat(), e.halves, e.row) for e in earlier.days][:3] == [
        ("2025-09-10", 2, 2),
        ("2025-09-11", 1, 3),
        ("2025-10-23", 2, 4),
    ]


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (["2025-09-13\n"], "e.txt, line 1: Saturday 13 September 2025 is not a school day"),
        (["2025-09-10\n", "2025-09-08,2025-09-12\n"], "e.txt: lines 1 and 2 both include Wednesday 10 September"),
        (["2025-09-12,2025-09-08\n"], "e.txt, line 1: the range ends on Monday 8 September 2025, before it starts"),
        (["2025-09-10,am,x\n"], "e.txt, line 1: expected DATE"),
        (["10 Sept\n"], "e.txt, line 1: cannot read the date"),
    ],
)
def test_earlier_file_errors(herts: SchoolCalendar, lines: list[str], message: str) -> None:
    with pytest.raises(InputError) as err:
        read_earlier_lines(lines, herts, "e.txt")
    assert str(err.value).startswith(message)


def test_earlier_must_be_before_and_in_the_same_school_year(herts: SchoolCalendar) -> None:
    other_year = read_earlier_lines(["2025-07-01\n"], herts, "e.txt")
    with pytest.raises(InputError, match="line 1: Tuesday 1 July 2025 is in school year 2024-25, not 2025-26"):
        health_absence(herts, D("2025-12-08"), earlier=other_year)
    overlap = read_earlier_lines(["2025-12-09\n"], herts, "e.txt")
    with pytest.raises(InputError, match="is not before this absence began"):
        health_absence(herts, D("2025-12-08"), earlier=overlap)


# ----- property: the 15th school day against a naive day-by-day walk ---------------------------------


def naive_reach(cal: SchoolCalendar, start: dt.date, pm: bool, needed_halves: int) -> dt.date:
    day = start
    halves = 0
    first = True
    while True:
        if naive_is_school_day(cal, day):
            halves += 1 if (first and pm) else 2
            first = False
            if halves >= needed_halves:
                return day
        day += dt.timedelta(days=1)


@settings(max_examples=150, deadline=None)
@given(
    offset=st.integers(min_value=0, max_value=330),
    pm=st.booleans(),
    earlier=st.integers(min_value=0, max_value=40),
)
def test_fifteenth_school_day_matches_a_naive_count(herts: SchoolCalendar, offset: int, pm: bool, earlier: int) -> None:
    start = D("2025-08-01") + dt.timedelta(days=offset)
    assume(not pm or naive_is_school_day(herts, start))
    r = health_absence(herts, start, start_session="pm" if pm else "am", as_of=start, earlier=Earlier("n", earlier))
    assert r.consecutive.date == naive_reach(herts, start, pm, 30)
    if earlier >= 30:
        assert r.cumulative.status == "reached before"
    else:
        expected = naive_reach(herts, start, pm, 30 - earlier)
        if school_year_label(expected) == school_year_label(r.first_day):
            assert r.cumulative.date == expected
        else:
            assert r.cumulative.status == "not this school year"
