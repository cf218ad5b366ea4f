"""The calendar engine: golden school-day counts, boundaries, and properties against a naive oracle."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sendcalc.calendar import Closure, SchoolCalendar, school_year_label
from sendcalc.core.errors import InputError, NotASchoolDayError, OutOfRangeError
from tests.conftest import D
from tests.oracle import naive_count, naive_is_school_day, naive_offset


def with_days(cal: SchoolCalendar, inset: list[str], occasional: list[str] = ()) -> SchoolCalendar:  # type: ignore[assignment]
    extra = [Closure(D(x), "inset") for x in inset] + [Closure(D(x), "occasional") for x in occasional]
    return cal.with_closures(extra)


# The real school calendars of term-dates.md: pupil days must come out exactly.
SCHOOLS = [
    (
        "Bushey",
        "hertfordshire",
        "2024-25",
        ["2024-09-02", "2024-09-03", "2024-11-04", "2025-02-24", "2025-06-02"],
        ["2024-10-25"],
        190,
    ),
    (
        "Crabtree",
        "hertfordshire",
        "2024-25",
        ["2024-09-02", "2024-09-03", "2024-11-04", "2025-01-06", "2025-04-22"],
        ["2024-12-20"],
        190,
    ),
    (
        "Bedwell",
        "hertfordshire",
        "2025-26",
        ["2025-09-03", "2025-11-03", "2026-01-05", "2026-04-13", "2026-06-26"],
        ["2026-06-29"],
        190,
    ),
    (
        "Tannery Drift",
        "hertfordshire",
        "2022-23",
        ["2022-09-01", "2022-09-02", "2022-10-31", "2023-06-05", "2023-07-21"],
        ["2022-12-02"],
        188,
    ),
    (
        "Turnditch",
        "derbyshire",
        "2024-25",
        ["2024-09-04", "2024-11-04", "2025-04-04", "2025-07-23", "2025-07-24"],
        [],
        190,
    ),
    (
        "Bakewell",
        "derbyshire",
        "2024-25",
        ["2024-09-04", "2024-09-05", "2024-11-04", "2025-06-02", "2025-06-03"],
        [],
        190,
    ),
    (
        "Calow",
        "derbyshire",
        "2025-26",
        ["2025-10-24", "2025-11-03", "2026-06-01", "2026-06-02", "2026-07-23"],
        [],
        190,
    ),
]


@pytest.mark.parametrize(
    ("school", "la", "year", "inset", "occasional", "pupil_days"), SCHOOLS, ids=[s[0] for s in SCHOOLS]
)
def test_real_school_calendars_give_their_pupil_days(
    request: pytest.FixtureRequest,
    school: str,
    la: str,
    year: str,
    inset: list[str],
    occasional: list[str],
    pupil_days: int,
) -> None:
    cal = request.getfixturevalue("herts" if la == "hertfordshire" else "derbys")
    assert len(with_days(cal, inset, occasional).school_days_in_year(year)) == pupil_days


@pytest.mark.parametrize(
    ("fixture", "year", "window"),
    [
        ("herts", "2024-25", 196),
        ("herts", "2025-26", 196),
        ("herts", "2026-27", 196),
        ("herts", "2022-23", 194),
        ("derbys", "2024-25", 195),
        ("derbys", "2025-26", 195),
    ],
)
def test_la_windows_match_the_la_day_count_rules(
    request: pytest.FixtureRequest, fixture: str, year: str, window: int
) -> None:
    # Herts: 196 weekdays after bank holidays (2022-23 loses two to the funeral and coronation);
    # Derbyshire: 195 days including the 5 INSET days each school chooses.
    assert len(request.getfixturevalue(fixture).school_days_in_year(year)) == window


def test_offset_skips_christmas_and_its_bank_holidays(herts: SchoolCalendar) -> None:
    assert herts.school_day_offset(D("2025-12-18"), 1) == D("2025-12-19")
    assert herts.school_day_offset(D("2025-12-18"), 2) == D("2026-01-05")
    assert herts.school_day_offset(D("2025-12-18"), 3) == D("2026-01-06")
    assert herts.school_day_offset(D("2026-01-05"), -1) == D("2025-12-19")


def test_offset_from_a_non_school_day_counts_the_next_school_day_as_one(herts: SchoolCalendar) -> None:
    saturday = D("2025-11-22")
    assert herts.school_day_offset(saturday, 1) == D("2025-11-24")
    assert herts.school_day_offset(saturday, -1) == D("2025-11-21")
    with pytest.raises(NotASchoolDayError, match="Saturday"):
        herts.school_day_offset(saturday, 0)


def test_nth_school_day_counts_the_start_when_it_is_a_school_day(herts: SchoolCalendar) -> None:
    assert herts.nth_school_day(D("2025-11-24"), 1) == D("2025-11-24")
    assert herts.nth_school_day(D("2025-11-22"), 1) == D("2025-11-24")
    assert herts.nth_school_day(D("2025-11-24"), 5) == D("2025-11-28")
    with pytest.raises(InputError):
        herts.nth_school_day(D("2025-11-24"), 0)


def test_count_states_its_ends(herts: SchoolCalendar) -> None:
    mon, fri = D("2025-11-24"), D("2025-11-28")
    assert herts.count_school_days(mon, fri) == 5
    assert herts.count_school_days(mon, fri, inclusive="start") == 4
    assert herts.count_school_days(mon, fri, inclusive="end") == 4
    assert herts.count_school_days(mon, fri, inclusive="neither") == 3
    assert herts.count_school_days(mon, mon) == 1
    assert herts.count_school_days(mon, mon, inclusive="neither") == 0
    with pytest.raises(InputError, match="before"):
        herts.count_school_days(fri, mon)


def test_bank_holiday_and_inset_are_not_school_days(herts: SchoolCalendar) -> None:
    assert herts.classify(D("2026-05-04")) == ("bank holiday", "a bank holiday (May Day)")
    cal = herts.with_closures([Closure(D("2026-04-13"), "inset")])
    assert cal.classify(D("2026-04-13"))[0] == "inset"
    assert cal.school_day_offset(D("2026-04-10"), 1) == D("2026-04-14")  # Friday in the Easter holiday
    assert herts.classify(D("2025-10-28")) == ("break", "in the half-term break of the autumn term")
    assert herts.classify(D("2025-12-22")) == ("holiday", "in the Christmas holiday")
    assert herts.classify(D("2026-08-03")) == ("holiday", "in the summer holiday")


def test_last_day_of_term_and_first_of_next(herts: SchoolCalendar) -> None:
    assert herts.is_school_day(D("2025-12-19"))
    assert not herts.is_school_day(D("2025-12-22"))
    assert herts.next_school_day(D("2025-12-19")) == D("2026-01-05")
    assert herts.previous_school_day(D("2026-01-05")) == D("2025-12-19")
    assert herts.next_school_day(D("2026-07-23")) == D("2026-09-01")  # across the summer, into 2026-27
    assert herts.term_of(D("2025-12-19")).label == "autumn 2025-26"  # type: ignore[union-attr]
    assert herts.term_of(D("2025-12-22")) is None
    assert herts.term_of(D("2025-10-28")).name == "autumn"  # type: ignore[union-attr]


def test_session_closure_keeps_the_school_day_but_drops_the_session(herts: SchoolCalendar) -> None:
    cal = herts.with_closures([Closure(D("2026-05-07"), "closure", "am", "polling station")])
    assert cal.is_school_day(D("2026-05-07"))
    assert cal.sessions_on(D("2026-05-07")) == ("pm",)
    assert cal.sessions_on(D("2026-05-08")) == ("am", "pm")


def test_closure_must_be_a_weekday_in_term(herts: SchoolCalendar) -> None:
    with pytest.raises(InputError, match="Sunday 23 November 2025 cannot be an INSET"):
        herts.with_closures([Closure(D("2025-11-23"), "inset")])
    with pytest.raises(InputError, match="Christmas holiday"):
        herts.with_closures([Closure(D("2025-12-23"), "closure")])
    with pytest.raises(InputError, match="already a bank holiday"):
        herts.with_closures([Closure(D("2026-05-04"), "closure")])


def test_dates_outside_the_data_name_the_years_there_are(herts: SchoolCalendar) -> None:
    with pytest.raises(OutOfRangeError, match=r"2023-24.*2022-23, 2024-25, 2025-26, 2026-27"):
        herts.is_school_day(D("2024-03-01"))
    with pytest.raises(OutOfRangeError, match="passes through school year 2023-24"):
        herts.school_day_offset(D("2023-07-20"), 5)  # would silently jump the missing year
    with pytest.raises(OutOfRangeError, match="runs after"):
        herts.school_day_offset(D("2027-07-20"), 10)


def test_offsets_from_a_holiday_next_to_the_missing_year(herts: SchoolCalendar) -> None:
    # 2023-07-21 is the last school day before the missing 2023-24; the summer after it and
    # August 2024 (school year 2024-25) are covered, but a count across the gap is refused.
    assert herts.school_day_offset(D("2023-07-25"), -1) == D("2023-07-21")
    assert herts.school_day_offset(D("2024-08-30"), 1) == D("2024-09-02")
    for day, n in ((D("2023-07-25"), 1), (D("2024-08-30"), -1), (D("2023-07-21"), 1)):
        with pytest.raises(OutOfRangeError, match="2023-24"):
            herts.school_day_offset(day, n)


def test_school_year_runs_from_august_to_july() -> None:
    assert school_year_label(D("2025-07-31")) == "2024-25"
    assert school_year_label(D("2025-08-01")) == "2025-26"
    assert school_year_label(D("2000-01-01")) == "1999-00"


def test_working_days_skip_bank_holidays_but_not_school_holidays(herts: SchoolCalendar) -> None:
    assert herts.is_working_day(D("2025-12-22"))  # school holiday, still a working day
    assert not herts.is_working_day(D("2025-12-25"))
    assert herts.working_day_offset(D("2025-12-24"), 2) == D("2025-12-30")  # 25, 26 Dec are bank holidays
    assert herts.working_day_offset(D("2026-04-02"), 2) == D("2026-04-08")  # Good Friday, Easter Monday


# ----- school time (rules.md §2.1) -------------------------------------------------------------


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


@pytest.mark.parametrize(
    ("start", "halves", "expected"),
    [
        ("2025-11-18T11:00", 2, "2025-11-19T11:00"),  # the guide's example: 1 day from 11:00 Tuesday
        ("2025-11-18T08:00", 2, "2025-11-19T08:45"),  # before the day starts = from the start
        ("2025-11-18T08:45", 1, "2025-11-18T13:00"),  # a half day from the start is the morning session
        ("2025-11-18T08:46", 1, "2025-11-19T08:45"),  # one minute in: the afternoon session is the half day
        ("2025-11-18T12:00", 1, "2025-11-19T08:45"),  # during the morning: the afternoon session
        ("2025-11-18T12:59", 1, "2025-11-19T08:45"),
        ("2025-11-18T13:00", 1, "2025-11-19T08:45"),  # at the start of the afternoon: that afternoon session
        ("2025-11-18T13:01", 1, "2025-11-19T13:00"),  # during the afternoon: the next morning session
        ("2025-11-18T14:00", 1, "2025-11-19T13:00"),
        ("2025-11-18T11:00", 3, "2025-11-20T08:45"),  # 1.5 days: to 11:00 Wednesday, then Wednesday afternoon
        ("2025-11-18T14:00", 3, "2025-11-20T13:00"),  # to 14:00 Wednesday, then Thursday morning
        ("2025-11-18T15:15", 2, "2025-11-20T08:45"),  # at the end = not collected
        ("2025-11-18T16:30", 2, "2025-11-20T08:45"),
        ("2025-12-19T11:00", 2, "2026-01-05T11:00"),  # last day of term
        ("2025-12-19T11:00", 1, "2026-01-05T08:45"),  # the last afternoon of term: back after Christmas
        ("2025-12-19T14:00", 1, "2026-01-05T13:00"),  # the next morning session is after Christmas
    ],
)
def test_school_time_arithmetic(herts: SchoolCalendar, start: str, halves: int, expected: str) -> None:
    assert herts.add_school_time(at(start), halves) == at(expected)


def test_school_time_from_a_closed_day_says_which_kind(herts: SchoolCalendar) -> None:
    with pytest.raises(NotASchoolDayError, match="Saturday 22 November 2025 is not a school day: it is a Saturday"):
        herts.add_school_time(at("2025-11-22T11:00"), 2)


# ----- properties against the naive oracle ------------------------------------------------------

dates_2025_26 = st.dates(min_value=D("2025-08-01"), max_value=D("2026-07-31"))


@settings(max_examples=300, deadline=None)
@given(day=dates_2025_26)
def test_is_school_day_matches_oracle(herts: SchoolCalendar, day: dt.date) -> None:
    assert herts.is_school_day(day) == naive_is_school_day(herts, day)


@settings(max_examples=300, deadline=None)
@given(day=dates_2025_26, n=st.integers(min_value=-40, max_value=40))
def test_offset_matches_oracle(herts: SchoolCalendar, day: dt.date, n: int) -> None:
    if n == 0 or not D("2025-08-01") <= naive_offset(herts, day, n) <= D("2027-07-31"):
        return
    if naive_offset(herts, day, n) < D("2025-08-01"):
        return
    assert herts.school_day_offset(day, n) == naive_offset(herts, day, n)


@settings(max_examples=300, deadline=None)
@given(day=dates_2025_26, n=st.integers(min_value=1, max_value=60))
def test_offset_then_count_round_trip(herts: SchoolCalendar, day: dt.date, n: int) -> None:
    result = herts.school_day_offset(day, n)
    assert herts.count_school_days(day, result, inclusive="end") == n
    assert herts.is_school_day(result)


@settings(max_examples=300, deadline=None)
@given(a=dates_2025_26, b=dates_2025_26, first=st.booleans(), last=st.booleans())
def test_count_matches_oracle(herts: SchoolCalendar, a: dt.date, b: dt.date, first: bool, last: bool) -> None:
    a, b = min(a, b), max(a, b)
    inclusive = {
        (True, True): "both",
        (True, False): "start",
        (False, True): "end",
        (False, False): "neither",
    }
    assert herts.count_school_days(a, b, inclusive=inclusive[(first, last)]) == naive_count(herts, a, b, first, last)  # type: ignore[arg-type]


@settings(max_examples=200, deadline=None)
@given(day=dates_2025_26, minute=st.integers(min_value=0, max_value=24 * 60 - 1), halves=st.integers(0, 30))
def test_school_time_whole_days_keep_the_clock(herts: SchoolCalendar, day: dt.date, minute: int, halves: int) -> None:
    if not naive_is_school_day(herts, day):
        return
    moment = dt.datetime.combine(day, dt.time(minute // 60, minute % 60))
    result = herts.add_school_time(moment, 2 * halves)
    start = herts.add_school_time(moment, 0)
    assert result.time() == start.time()
    assert herts.count_school_days(start.date(), result.date(), inclusive="end") == halves


def test_index_moves_refuse_to_jump_a_missing_school_year(herts: SchoolCalendar) -> None:
    # Hertfordshire ships 2022-23 and 2024-25 but not 2023-24: day 6 of a suspension late in
    # July 2023 must not land in September 2024.
    last = herts.index_of(D("2023-07-21"))
    assert herts.day_at_index(last, last - 3) == D("2023-07-21")
    assert herts.day_at_index(last + 1) == D("2024-09-02")  # a bare position is only range-checked
    with pytest.raises(OutOfRangeError, match="2023-24"):
        herts.day_at_index(last + 1, last)
    with pytest.raises(OutOfRangeError, match="2023-24"):
        herts.add_school_time(at("2023-07-20T11:00"), 6)


def test_suspension_cannot_run_past_the_data(herts: SchoolCalendar) -> None:
    from sendcalc.exclusions.suspension import assess_suspension

    with pytest.raises(OutOfRangeError, match="2023-24"):
        assess_suspension(herts, D("2023-07-19"), 12)


@settings(max_examples=60, deadline=None)
@given(picks=st.lists(st.integers(min_value=0, max_value=700), min_size=1, max_size=12, unique=True))
def test_inset_days_added_to_a_loaded_calendar_give_the_calendar_built_with_them(
    herts: SchoolCalendar, picks: list[int]
) -> None:
    """with_closures shares the loaded calendar's terms; the school days must be those of a fresh build."""
    days = herts.school_days_in_year("2024-25") + herts.school_days_in_year("2025-26")
    closures = [Closure(days[i], "inset") for i in picks if i < len(days)]
    derived = herts.with_closures(closures)
    fresh = SchoolCalendar(herts.name, herts.years, herts.bank_holidays, herts.closures + tuple(closures), herts.times)
    assert derived.school_days(D("2024-09-01"), D("2026-07-31")) == fresh.school_days(D("2024-09-01"), D("2026-07-31"))
    assert [d for d in days if naive_is_school_day(derived, d)] == [
        d for d in days if d not in {c.day for c in closures}
    ]
