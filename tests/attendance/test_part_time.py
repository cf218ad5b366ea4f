"""Part-time timetables: sessions missed per week and in total, and the no-end-date flag (rules.md §6)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from sendcalc.attendance.explain import part_time_steps
from sendcalc.attendance.part_time import describe_slots, parse_attends, part_time
from sendcalc.calendar import Closure, SchoolCalendar
from sendcalc.core.errors import InputError
from tests.conftest import D


def test_parse_attends() -> None:
    slots = parse_attends("mon-am, tue-am,wed, Thursday pm")
    assert slots == ((0, "am"), (1, "am"), (2, "am"), (2, "pm"), (3, "pm"))
    assert describe_slots(slots) == "Mon am, Tue am, Wed, Thu pm"
    assert parse_attends("none") == ()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("sat-am", "schools have no sessions at the weekend"),
        ("mon-eve", "is not a day and session"),
        ("monday,", None),
        (",", "no sessions given"),
    ],
)
def test_parse_attends_errors(text: str, message: str | None) -> None:
    if message is None:
        assert parse_attends(text) == ((0, "am"), (0, "pm"))
        return
    with pytest.raises(InputError, match=message):
        parse_attends(text)


def test_weeks_and_totals_across_half_term(herts: SchoolCalendar) -> None:
    r = part_time(
        herts, D("2025-10-13"), parse_attends("mon-am,tue-am,wed"), end=D("2025-11-14"), as_of=D("2025-11-05")
    )
    assert [(w.monday.isoformat(), w.held, w.attended, w.missed) for w in r.weeks] == [
        ("2025-10-13", 10, 4, 6),
        ("2025-10-20", 10, 4, 6),
        ("2025-11-03", 10, 4, 6),
        ("2025-11-10", 10, 4, 6),
    ]
    assert r.total is not None and r.so_far is not None
    assert (r.total.held, r.total.missed, r.total.school_weeks) == (40, 24, 4)
    assert r.total.best_rate == Decimal("40.00")
    assert (r.so_far.last, r.so_far.held, r.so_far.missed, r.so_far.school_weeks) == (D("2025-11-05"), 26, 14, 3)
    assert r.no_end_date is False
    assert r.to_year_end is None


def test_no_end_date_is_flagged_and_projected(herts: SchoolCalendar) -> None:
    r = part_time(herts, D("2026-06-29"), parse_attends("mon,tue,wed,thu"), as_of=D("2026-07-10"))
    assert r.no_end_date is True
    assert r.so_far is not None and (r.so_far.held, r.so_far.missed, r.so_far.school_weeks) == (20, 4, 2)
    assert r.to_year_end is not None
    # 13-23 July 2026: 9 school days, Fridays 17 July missed (2 sessions)
    assert (r.to_year_end.first, r.to_year_end.last) == (D("2026-07-11"), D("2026-07-23"))
    assert (r.to_year_end.held, r.to_year_end.missed) == (18, 2)
    assert any("no end date" in s.result for s in part_time_steps(r))


def test_session_closure_reduces_sessions_held(herts: SchoolCalendar) -> None:
    cal = herts.with_closures([Closure(D("2025-11-12"), "closure", "pm"), Closure(D("2025-11-13"), "inset")])
    r = part_time(cal, D("2025-11-10"), parse_attends("mon-am,tue-am,wed"), end=D("2025-11-14"), as_of=D("2025-11-14"))
    (week,) = r.weeks
    assert (week.held, week.attended, week.missed) == (7, 3, 4)


def test_future_timetable_has_not_started(herts: SchoolCalendar) -> None:
    r = part_time(herts, D("2026-01-05"), parse_attends("mon"), end=D("2026-01-16"), as_of=D("2025-12-01"))
    assert r.so_far is None
    assert r.total is not None and (r.total.held, r.total.missed) == (20, 16)


def test_warnings_for_full_time_and_no_sessions(herts: SchoolCalendar) -> None:
    full = part_time(herts, D("2025-11-10"), parse_attends("mon,tue,wed,thu,fri"), as_of=D("2025-11-14"))
    assert any("full-time timetable" in w for w in full.warnings)
    none = part_time(herts, D("2025-11-10"), parse_attends("none"), as_of=D("2025-11-14"))
    assert any("not a part-time timetable" in w for w in none.warnings)
    assert none.so_far is not None and none.so_far.missed == 10


def test_end_before_start_is_an_error(herts: SchoolCalendar) -> None:
    with pytest.raises(InputError, match="the end date Friday 7 November 2025 is before the start"):
        part_time(herts, D("2025-11-10"), parse_attends("mon"), end=D("2025-11-07"))
