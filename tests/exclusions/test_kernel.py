"""One suspension on the calendar: start, return, numbered days, attribution (rules.md §2.1, §2.2)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sendcalc.calendar import Closure, SchoolCalendar
from sendcalc.core.errors import InputError, NotASchoolDayError, OutOfRangeError
from sendcalc.core.units import days_words
from sendcalc.exclusions.explain import placement_steps
from sendcalc.exclusions.kernel import place_start, place_suspension
from sendcalc.exclusions.suspension import assess_suspension
from sendcalc.exclusions.thresholds import board_duty, head_must_notify, over_cap
from tests.conftest import D
from tests.oracle import naive_is_school_day


def T(text: str) -> dt.time:
    return dt.time.fromisoformat(text)


def M(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


# ----- rules.md §7 case 1: the seed example ---------------------------------------------------------


def test_seed_example_collected_at_eleven_returns_at_eleven_next_school_day(herts: SchoolCalendar) -> None:
    s = place_suspension(herts, D("2025-11-18"), 2, picked_up=T("11:00"))
    assert s.starts_at == M("2025-11-18T11:00")
    assert s.returns_at == M("2025-11-19T11:00")
    assert s.excluded_dates == (D("2025-11-18"), D("2025-11-19"))
    assert s.day_one == D("2025-11-18")
    assert s.day_zero is None
    assert s.numbered == ((1, D("2025-11-18")), (2, D("2025-11-19")))
    assert s.start.how == "collected"


def test_seed_example_not_collected_is_out_all_next_day_back_the_day_after(herts: SchoolCalendar) -> None:
    s = place_suspension(herts, D("2025-11-18"), 2, not_collected=True)
    assert s.starts_at == M("2025-11-19T08:45")
    assert s.returns_at == M("2025-11-20T08:45")
    assert s.excluded_dates == (D("2025-11-19"),)
    assert s.day_one == D("2025-11-19")


# ----- collection boundaries (1 day, Herts Tuesday 18 November 2025) ---------------------------------


@pytest.mark.parametrize(
    ("time", "how", "starts", "returns", "day_zero", "day_one", "excluded"),
    [
        ("00:00", "before-start", "2025-11-18T08:45", "2025-11-19T08:45", None, "2025-11-18", ["2025-11-18"]),
        ("08:00", "before-start", "2025-11-18T08:45", "2025-11-19T08:45", None, "2025-11-18", ["2025-11-18"]),
        ("08:45", "collected", "2025-11-18T08:45", "2025-11-19T08:45", None, "2025-11-18", ["2025-11-18"]),
        (
            "12:59",
            "collected",
            "2025-11-18T12:59",
            "2025-11-19T12:59",
            None,
            "2025-11-18",
            ["2025-11-18", "2025-11-19"],
        ),
        (
            "13:00",
            "collected",
            "2025-11-18T13:00",
            "2025-11-19T13:00",
            "2025-11-18",
            "2025-11-19",
            ["2025-11-18", "2025-11-19"],
        ),
        (
            "15:14",
            "collected",
            "2025-11-18T15:14",
            "2025-11-19T15:14",
            "2025-11-18",
            "2025-11-19",
            ["2025-11-18", "2025-11-19"],
        ),
        ("15:15", "after-end", "2025-11-19T08:45", "2025-11-20T08:45", None, "2025-11-19", ["2025-11-19"]),
        ("23:59", "after-end", "2025-11-19T08:45", "2025-11-20T08:45", None, "2025-11-19", ["2025-11-19"]),
    ],
)
def test_collection_time_boundaries(
    herts: SchoolCalendar,
    time: str,
    how: str,
    starts: str,
    returns: str,
    day_zero: str | None,
    day_one: str,
    excluded: list[str],
) -> None:
    s = place_suspension(herts, D("2025-11-18"), 2, picked_up=T(time))
    assert s.start.how == how
    assert s.starts_at == M(starts)
    assert s.returns_at == M(returns)
    assert s.day_zero == (D(day_zero) if day_zero else None)
    assert s.day_one == D(day_one)
    assert s.excluded_dates == tuple(D(d) for d in excluded)


def test_afternoon_start_numbers_the_partial_afternoon_day_zero(herts: SchoolCalendar) -> None:
    s = place_suspension(herts, D("2025-11-18"), 2, picked_up=T("14:00"))
    assert s.numbered == ((0, D("2025-11-18")), (1, D("2025-11-19")))
    assert s.first_five_days == (D("2025-11-19"),)
    # 1 day is 5 days or fewer: the parent's duty covers every excluded date, day 0 included
    assert s.duty_days == (D("2025-11-18"), D("2025-11-19"))
    assert [(c.number, c.date, c.halves) for c in s.counted] == [(1, D("2025-11-19"), 2)]


@pytest.mark.parametrize(
    ("halves", "time", "returns", "excluded", "day_one", "counted"),
    [
        # the worked cases for half days (Hertfordshire 2025-26, sessions 08:45-13:00 and 13:00-15:15)
        (1, "08:30", "2025-11-18T13:00", ["2025-11-18"], "2025-11-18", [("2025-11-18", 1)]),  # the morning
        (1, "10:00", "2025-11-19T08:45", ["2025-11-18"], "2025-11-18", [("2025-11-18", 1)]),  # the afternoon
        (1, "14:00", "2025-11-19T13:00", ["2025-11-18", "2025-11-19"], "2025-11-19", [("2025-11-19", 1)]),
        (
            3,
            "11:00",
            "2025-11-20T08:45",
            ["2025-11-18", "2025-11-19"],
            "2025-11-18",
            [("2025-11-18", 2), ("2025-11-19", 1)],
        ),
        (1, None, "2025-11-18T13:00", ["2025-11-18"], "2025-11-18", [("2025-11-18", 1)]),  # from the start of the day
    ],
)
def test_half_days_are_sessions(
    herts: SchoolCalendar,
    halves: int,
    time: str | None,
    returns: str,
    excluded: list[str],
    day_one: str,
    counted: list[tuple[str, int]],
) -> None:
    s = place_suspension(herts, D("2025-11-18"), halves, picked_up=T(time) if time else None)
    assert s.returns_at == M(returns)
    assert s.excluded_dates == tuple(D(d) for d in excluded)
    assert s.day_one == D(day_one)
    assert [(c.date, c.halves) for c in s.counted] == [(D(d), h) for d, h in counted]


def test_lunchtime_is_the_midday_break_only(herts: SchoolCalendar) -> None:
    s = place_suspension(herts, D("2025-11-18"), 1, picked_up=T("12:15"), lunchtime=True)
    assert (s.starts_at, s.returns_at, s.lunchtime) == (M("2025-11-18T12:15"), M("2025-11-18T13:00"), True)
    assert s.excluded_dates == (D("2025-11-18"),)
    assert s.duty_days == (D("2025-11-18"),)
    assert [(c.date, c.halves) for c in s.counted] == [(D("2025-11-18"), 1)]
    default = place_suspension(herts, D("2025-11-18"), 1, lunchtime=True)
    assert (default.starts_at, default.start.how) == (M("2025-11-18T12:00"), "lunchtime-default")


@pytest.mark.parametrize(
    ("time", "message"),
    [
        ("13:00", "a lunchtime suspension ends when the afternoon session begins (13:00)"),
        ("14:30", "so it cannot start at 14:30"),
        ("08:00", "is before the school day starts (08:45)"),
    ],
)
def test_lunchtime_outside_the_morning_is_refused(herts: SchoolCalendar, time: str, message: str) -> None:
    with pytest.raises(InputError, match=re.escape(message)):
        place_suspension(herts, D("2025-11-18"), 1, picked_up=T(time), lunchtime=True)


def test_lunchtime_not_collected_is_refused(herts: SchoolCalendar) -> None:
    with pytest.raises(InputError, match="cannot have stayed until the end of the day"):
        place_suspension(herts, D("2025-11-18"), 1, not_collected=True, lunchtime=True)


def test_half_day_ending_with_the_day_returns_next_morning_with_a_convention_step(herts: SchoolCalendar) -> None:
    s = place_suspension(herts, D("2025-11-18"), 1, picked_up=T("12:00"))
    step = next(x for x in placement_steps(herts, s) if x.rule.startswith("A return that falls exactly at the end"))
    assert step.convention
    assert step.source.startswith("sendcalc convention: the law is silent; ")
    assert "15:15 on Tuesday 18 November 2025" in step.result
    assert "08:45 on Wednesday 19 November 2025" in step.result
    session = next(x for x in placement_steps(herts, s) if x.rule.startswith("A half day is one session"))
    assert session.result == "the half day is the afternoon session; back at 08:45 on Wednesday 19 November 2025"


# ----- skipping non-school days -----------------------------------------------------------------------


def test_last_day_of_term(herts: SchoolCalendar) -> None:
    collected = place_suspension(herts, D("2025-12-19"), 2, picked_up=T("11:00"))
    assert collected.returns_at == M("2026-01-05T11:00")
    assert collected.excluded_dates == (D("2025-12-19"), D("2026-01-05"))
    left = place_suspension(herts, D("2025-12-19"), 2, not_collected=True)
    assert left.starts_at == M("2026-01-05T08:45")
    assert left.returns_at == M("2026-01-06T08:45")


def test_across_a_bank_holiday(herts: SchoolCalendar) -> None:
    # Monday 4 May 2026 is the May Day bank holiday
    s = place_suspension(herts, D("2026-05-01"), 4)
    assert s.excluded_dates == (D("2026-05-01"), D("2026-05-05"))
    assert s.returns_at == M("2026-05-06T08:45")


def test_across_an_inset_day(herts: SchoolCalendar) -> None:
    cal = herts.with_closures([Closure(D("2025-11-19"), "inset")])
    s = place_suspension(cal, D("2025-11-18"), 2, picked_up=T("11:00"))
    assert s.returns_at == M("2025-11-20T11:00")
    assert s.excluded_dates == (D("2025-11-18"), D("2025-11-20"))


def test_autumn_into_spring_counts_two_days_in_autumn_and_one_in_spring(herts: SchoolCalendar) -> None:
    # the last Thursday of the Herts 2025-26 autumn term
    r = assess_suspension(herts, D("2025-12-18"), 6)
    assert r.suspension.returns_at == M("2026-01-06T08:45")
    assert r.suspension.excluded_dates == (D("2025-12-18"), D("2025-12-19"), D("2026-01-05"))
    assert [(t.period, t.this_halves, t.total_halves) for t in r.term_totals] == [
        ("autumn 2025-26", 4, 4),
        ("spring 2025-26", 2, 2),
    ]
    assert r.term == "autumn 2025-26"
    assert r.term_total_halves == 4
    assert r.year_total_halves == 6
    assert r.warnings[0] == (
        "this suspension runs from the autumn 2025-26 term into the spring 2025-26 term: it counts 2 days in "
        "autumn 2025-26 and 1 day in spring 2025-26; the child returns at 08:45 on Tuesday 6 January 2026"
    )


def test_summer_into_next_school_year(herts: SchoolCalendar) -> None:
    r = assess_suspension(herts, D("2026-07-23"), 4)
    assert r.suspension.excluded_dates == (D("2026-07-23"), D("2026-09-01"))
    assert r.suspension.returns_at == M("2026-09-02T08:45")
    assert [(y.period, y.this_halves) for y in r.year_totals] == [("2025-26", 2), ("2026-27", 2)]
    assert any("runs from school year 2025-26 into 2026-27" in w for w in r.warnings)
    assert any("2026-27 are unverified" in w for w in r.warnings)


# ----- bad input ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "words"),
    [
        ("2025-11-22", "it is a weekend (Saturday)"),
        ("2025-12-25", "it is a bank holiday (Christmas Day)"),
        ("2025-12-29", "it is in the Christmas holiday"),
        ("2025-10-28", "it is in the half-term break of the autumn term"),
    ],
)
def test_collection_on_a_closed_day_names_the_kind_of_day(herts: SchoolCalendar, day: str, words: str) -> None:
    with pytest.raises(NotASchoolDayError, match=re.escape(words)):
        place_suspension(herts, D(day), 2, picked_up=T("11:00"))


def test_collection_on_an_inset_or_closure_day(herts: SchoolCalendar) -> None:
    cal = herts.with_closures([Closure(D("2025-11-18"), "inset"), Closure(D("2025-11-19"), "closure")])
    with pytest.raises(NotASchoolDayError, match=r"it is an INSET \(training\) day"):
        place_suspension(cal, D("2025-11-18"), 2, picked_up=T("11:00"))
    with pytest.raises(NotASchoolDayError, match="it is a closure"):
        place_suspension(cal, D("2025-11-19"), 2, not_collected=True)


def test_bad_lengths_and_both_start_options(herts: SchoolCalendar) -> None:
    with pytest.raises(InputError, match="at least half a day"):
        place_suspension(herts, D("2025-11-18"), 0)
    with pytest.raises(InputError, match="not both"):
        place_start(herts, D("2025-11-18"), picked_up=T("11:00"), not_collected=True)
    with pytest.raises(OutOfRangeError):
        place_suspension(herts, D("2031-01-06"), 2)


# ----- thresholds: bands on the term total, the cap on the year total ----------------------------------


@pytest.mark.parametrize(
    ("halves", "duty", "school_days", "notify"),
    [
        (10, "consider-representations", None, False),  # 5.0
        (11, "if-parents-ask", 50, True),  # 5.5
        (30, "if-parents-ask", 50, True),  # 15.0
        (31, "must-consider", 15, True),  # 15.5
        (90, "must-consider", 15, True),  # 45.0
    ],
)
def test_board_bands(halves: int, duty: str, school_days: int | None, notify: bool) -> None:
    band = board_duty(halves)
    assert (band.duty, band.school_days) == (duty, school_days)
    assert head_must_notify(halves) is notify


def test_exam_and_permanent_are_always_fifteen_days() -> None:
    assert (board_duty(2, exam=True).duty, board_duty(2, exam=True).school_days) == ("must-consider", 15)
    assert board_duty(0, permanent=True).school_days == 15
    assert head_must_notify(2, exam=True)


def test_cap_is_above_forty_five() -> None:
    assert not over_cap(90)
    assert over_cap(91)


def test_days_words() -> None:
    assert [days_words(h) for h in (1, 2, 3, 4, 11)] == ["0.5 day", "1 day", "1.5 days", "2 days", "5.5 days"]


# ----- property: a start-of-day suspension against a naive day-by-day walk -------------------------------


@settings(max_examples=60, deadline=None)
@given(
    start=st.dates(min_value=dt.date(2024, 9, 2), max_value=dt.date(2026, 5, 29)),
    halves=st.integers(min_value=1, max_value=90),
)
def test_start_of_day_suspension_matches_a_naive_walk(herts: SchoolCalendar, start: dt.date, halves: int) -> None:
    while not naive_is_school_day(herts, start):
        start += dt.timedelta(days=1)
    s = place_suspension(herts, start, halves)
    # walk school days one at a time: ceil(halves / 2) of them carry excluded time
    expected = []
    day = start
    while len(expected) < (halves + 1) // 2:
        if naive_is_school_day(herts, day):
            expected.append(day)
        day += dt.timedelta(days=1)
    assert s.excluded_dates == tuple(expected)
    assert sum(c.halves for c in s.counted) == halves
    if halves % 2 == 0:
        back = expected[-1] + dt.timedelta(days=1)
        while not naive_is_school_day(herts, back):
            back += dt.timedelta(days=1)
        assert s.returns_at == dt.datetime.combine(back, T("08:45"))
    else:
        assert s.returns_at == dt.datetime.combine(expected[-1], T("13:00"))  # the last morning session
