"""A deliberately naive day-by-day model of a school calendar, for property tests only.

It walks one date at a time and asks the plain questions (weekday? in a term? in a break?
bank holiday? closed?), sharing no code with the product's precomputed engine.
"""

from __future__ import annotations

import datetime as dt

from sendcalc.calendar import SchoolCalendar

ONE = dt.timedelta(days=1)


def naive_is_school_day(cal: SchoolCalendar, day: dt.date) -> bool:
    if day.weekday() >= 5 or day in cal.bank_holidays:
        return False
    if any(c.day == day and c.session is None for c in cal.closures):
        return False
    for year in cal.years:
        for term in year.terms:
            if term.first_day <= day <= term.last_day:
                return not any(b.first_day <= day <= b.last_day for b in term.breaks)
    return False


def naive_offset(cal: SchoolCalendar, day: dt.date, n: int) -> dt.date:
    step = ONE if n > 0 else -ONE
    left = abs(n)
    while left:
        day += step
        if naive_is_school_day(cal, day):
            left -= 1
    return day


def naive_count(cal: SchoolCalendar, first: dt.date, last: dt.date, with_first: bool, with_last: bool) -> int:
    total = 0
    day = first
    while day <= last:
        if naive_is_school_day(cal, day) and (with_first or day != first) and (with_last or day != last):
            total += 1
        day += ONE
    return total


def naive_next_school_day(cal: SchoolCalendar, day: dt.date) -> dt.date:
    day += ONE
    while not naive_is_school_day(cal, day):
        day += ONE
    return day


def naive_return(
    cal: SchoolCalendar, day: dt.date, collected: dt.time | None, halves: int, *, not_collected: bool = False
) -> dt.datetime:
    """When a suspension of ``halves`` half days from ``day`` ends, walking one school day at a time.

    Whole days keep the clock time; a half day is the first whole session (morning: start of day to
    the afternoon; afternoon: to the end of the day) that begins at or after the moment the whole
    days end; an end at the end of a day is the next school day's start. Whole-day calendars only.
    """
    times = cal.times
    if not_collected or (collected is not None and collected >= times.day_ends):
        day, clock = naive_next_school_day(cal, day), times.day_starts
    elif collected is None or collected < times.day_starts:
        clock = times.day_starts
    else:
        clock = collected
    for _ in range(halves // 2):
        day = naive_next_school_day(cal, day)
    if halves % 2:
        sessions = [(times.day_starts, times.afternoon_starts), (times.afternoon_starts, times.day_ends)]
        begins_later = [(s, e) for s, e in sessions if s >= clock]
        if begins_later:
            clock = begins_later[0][1]
        else:  # no session begins later today: the next school day's morning
            day, clock = naive_next_school_day(cal, day), times.afternoon_starts
    if clock == times.day_ends:
        day, clock = naive_next_school_day(cal, day), times.day_starts
    return dt.datetime.combine(day, clock)
