"""The penalty-notice threshold and the 10-day return: 10 unauthorised sessions within 10 school weeks, and a
continuous 10 school days of unauthorised absence (WTISA 2024; Pupil Registration Regs 2024 reg 13).

A school week is any Monday-to-Sunday week with at least one session, so a window runs across
half-terms, holidays and the summer.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sendcalc.attendance.codes import Code
from sendcalc.attendance.register import Mark
from sendcalc.calendar.engine import SchoolCalendar
from sendcalc.calendar.model import school_year_bounds, school_year_label

PENALTY_SOURCE = (
    "Education (Penalty Notices) (England) Regulations 2007 as amended from 19 August 2024; "
    "WTISA, National framework for penalty notices"
)
RETURNS_SOURCE = "School Attendance (Pupil Registration) (England) Regulations 2024 reg 13 (returns to the LA)"
PENALTY_SESSIONS = 10
PENALTY_WEEKS = 10
CONTINUOUS_DAYS = 10
FINES = (
    "first penalty notice: £80 if paid within 21 days, £160 if paid within 28 days",
    "a second notice to the same parent for the same child within 3 years: £160, no reduction",
    "no third notice within 3 years: the local authority must consider other action instead "
    "(for example an attendance prosecution, a parenting order or an education supervision order)",
)


@dataclass(frozen=True)
class PenaltyCheck:
    """The first time 10 unauthorised sessions fell within a rolling 10 school weeks (WTISA 2024)."""

    met: bool
    unauthorised_total: int
    most_in_any_window: int
    sessions: tuple[Mark, ...]  # the 10 sessions, when met
    window_first: dt.date | None  # Monday of the school week holding the first of them
    window_last: dt.date | None  # Sunday of the 10th school week from there (None past the calendar's data)
    met_on: dt.date | None  # the day of the 10th session
    school_weeks_spanned: int  # school weeks from the first to the 10th session, both counted


@dataclass(frozen=True)
class ContinuousRun:
    """A run of consecutive school days on which every session held was unauthorised absence."""

    first: dt.date
    tenth: dt.date
    last: dt.date
    days: int


def school_weeks(calendar: SchoolCalendar, first: dt.date, last: dt.date) -> list[dt.date]:
    """Mondays of the weeks from ``first`` to ``last`` holding at least one session (school weeks).

    A week in a holiday has no session and is not a school week, so a rolling window of school weeks
    runs across half-terms, holidays and the summer (WTISA 2024).
    """
    mondays: list[dt.date] = []
    for day in calendar.school_days(first, last):
        monday = monday_of(day)
        if (not mondays or mondays[-1] != monday) and calendar.sessions_on(day):
            mondays.append(monday)
    return mondays


def check_penalty(calendar: SchoolCalendar, marks: tuple[Mark, ...]) -> PenaltyCheck:
    """The first 10 unauthorised sessions (G N O U) falling within 10 consecutive school weeks."""
    unauth = [m for m in marks if m.code.kind == "unauthorised"]
    if not unauth:
        return PenaltyCheck(False, 0, 0, (), None, None, None, 0)
    # Weeks to the end of the last mark's school year, so a window starting late still has its 10 weeks.
    end = school_year_bounds(school_year_label(unauth[-1].day))[1]
    mondays = school_weeks(calendar, unauth[0].day, end)
    index = {monday: i for i, monday in enumerate(mondays)}
    week_of = [index[monday_of(m.day)] for m in unauth]
    most = 0
    lo = 0
    found: int | None = None
    for hi, week in enumerate(week_of):
        while week - week_of[lo] >= PENALTY_WEEKS:
            lo += 1
        most = max(most, hi - lo + 1)
        if found is None and hi - lo + 1 >= PENALTY_SESSIONS:
            found = hi
    if found is None:
        return PenaltyCheck(False, len(unauth), most, (), None, None, None, 0)
    start = found - PENALTY_SESSIONS + 1
    first_week = week_of[start]
    last_index = first_week + PENALTY_WEEKS - 1
    window_last = mondays[last_index] + dt.timedelta(days=6) if last_index < len(mondays) else None
    return PenaltyCheck(
        met=True,
        unauthorised_total=len(unauth),
        most_in_any_window=most,
        sessions=tuple(unauth[start : found + 1]),
        window_first=mondays[first_week],
        window_last=window_last,
        met_on=unauth[found].day,
        school_weeks_spanned=week_of[found] - first_week + 1,
    )


def continuous_unauthorised(calendar: SchoolCalendar, marks: tuple[Mark, ...]) -> ContinuousRun | None:
    """The first run of 10 consecutive school days with every session held marked unauthorised.

    Convention (the rule says "continuous 10 school days"): a school day belongs to the run only if
    every session the school held that day has a mark and all of them are G, N, O or U; any other mark,
    or a missing mark, ends the run. Weekends and holidays do not break it.
    """
    if not marks:
        return None
    by_day: dict[dt.date, dict[str, Code]] = {}
    for mark in marks:
        by_day.setdefault(mark.day, {})[mark.session] = mark.code
    run: list[dt.date] = []
    best: ContinuousRun | None = None
    for day in calendar.school_days(marks[0].day, marks[-1].day):
        held = calendar.sessions_on(day)
        codes = by_day.get(day, {})
        if held and all(s in codes and codes[s].kind == "unauthorised" for s in held):
            run.append(day)
            continue
        if len(run) >= CONTINUOUS_DAYS and best is None:
            best = ContinuousRun(run[0], run[CONTINUOUS_DAYS - 1], run[-1], len(run))
        run = []
    if len(run) >= CONTINUOUS_DAYS and best is None:
        best = ContinuousRun(run[0], run[CONTINUOUS_DAYS - 1], run[-1], len(run))
    return best


def monday_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())
