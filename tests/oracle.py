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
