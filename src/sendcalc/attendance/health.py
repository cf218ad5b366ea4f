"""Health absence: when a child off school with illness or anxiety reaches 15 school days.

The local authority must arrange suitable education for a child of compulsory school age who cannot
attend because of health needs (EA 1996 s.19) and should act as soon as it is clear the child will miss
15 school days, consecutive or cumulative over the school year (DfE health-needs guidance). Parents'
guides say "longer than 3 weeks"; it is counted here in school days, so holidays do not count and the
days need not be consecutive.

Pure functions over a SchoolCalendar; the parser for an ``--earlier`` file takes lines of text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from sendcalc.calendar.counting import SkippedRun, skipped_runs
from sendcalc.calendar.engine import SchoolCalendar
from sendcalc.calendar.model import school_year_bounds, school_year_label
from sendcalc.core.dates import in_words
from sendcalc.core.errors import InputError, OutOfRangeError
from sendcalc.core.school_age import Pupil, SchoolAge, school_age_on

TRIGGER_DAYS = 15
TRIGGER_HALVES = TRIGGER_DAYS * 2
HEALTH_GUIDANCE = "DfE, Arranging education for children who cannot attend school because of health needs (2023)"
S19 = "Education Act 1996 s.19"
SICKNESS_RETURN = "School Attendance (Pupil Registration) (England) Regulations 2024 reg 13 (sickness return)"
WTISA = "DfE, Working together to improve school attendance (2024), code I"

Status = Literal["reached", "due", "not reached", "reached before", "not this school year", "unknown"]
STATUS_WORDS: dict[str, str] = {
    "reached": "reached",
    "due": "will be reached if the absence continues",
    "not reached": "not reached: the absence ended first (date shown is if it had continued)",
    "reached before": "already reached before this absence began",
    "not this school year": "not reached in this school year",
    "unknown": "beyond the school years the calendar has dates for",
}


@dataclass(frozen=True)
class EarlierDay:
    """A school day (or half) of health absence earlier in the school year, from an --earlier file."""

    day: dt.date
    halves: int
    row: int


@dataclass(frozen=True)
class Earlier:
    source: str
    halves: int
    days: tuple[EarlierDay, ...] = ()


@dataclass(frozen=True)
class Trigger:
    """When the 15th school day of absence is reached on one way of counting."""

    count: str  # "consecutive" or "cumulative"
    status: Status
    date: dt.date | None
    day_number: int | None  # which school day of this absence it is (1 = the first day off)


@dataclass(frozen=True)
class HealthAbsence:
    calendar: str
    start: dt.date
    first_day: dt.date
    start_session: str
    end: dt.date | None
    last_day: dt.date | None
    continuing: bool
    as_of: dt.date
    run_halves: int
    earlier: Earlier
    school_year: str
    year_halves: int
    consecutive: Trigger
    cumulative: Trigger
    three_weeks_last: dt.date
    holidays: tuple[SkippedRun, ...]
    school_age: SchoolAge
    start_kind: str  # what the start date is when it is not a school day ('a Saturday'), else ""
    one_session: tuple[dt.date, ...]  # school days in the count on which the school held one session
    warnings: tuple[str, ...]


# ----- the calculation ------------------------------------------------------------------------------


def _days_for(halves_needed: int, pm_start: bool) -> int:
    """How many school days of this absence it takes to reach ``halves_needed`` half days."""
    return max(1, -(-(halves_needed + int(pm_start)) // 2))


def _run_halves(days: int, pm_start: bool) -> int:
    return 0 if days <= 0 else 2 * days - int(pm_start)


def health_absence(
    calendar: SchoolCalendar,
    start: dt.date,
    *,
    start_session: str = "am",
    end: dt.date | None = None,
    as_of: dt.date | None = None,
    earlier: Earlier | None = None,
    pupil: Pupil | None = None,
) -> HealthAbsence:
    """School days missed and the date the 15th school day is reached, consecutive and cumulative.

    ``pupil``: year group or date of birth; the local authority's s.19 duty is to children of
    compulsory school age.
    """
    as_of = as_of or dt.date.today()
    pm_start = start_session == "pm"
    warnings: list[str] = []
    calendar.require(start)
    if pm_start:
        if not calendar.is_school_day(start):
            raise InputError(
                f"an absence that begins in the afternoon needs its first day to be a school day; {in_words(start)} "
                f"is {calendar.day_kind(start)}"
            )
        if "pm" not in calendar.sessions_on(start):
            raise InputError(
                f"the afternoon session of {in_words(start)} was not held (a closure); "
                "count the absence from the next school day instead"
            )
    first = calendar.nth_school_day(start, 1)
    last: dt.date | None = None
    if end is not None:
        if end < start:
            raise InputError(f"the last day off, {in_words(end)}, is before the first, {in_words(start)}; swap them")
        if end < first:
            raise InputError(
                f"there is no school day from {in_words(start)} to {in_words(end)} "
                f"(the first school day is {in_words(first)}); check the dates"
            )
        last = calendar.school_days(first, end)[-1]
    through = last if last is not None else as_of
    run_days = calendar.count_school_days(first, through) if through >= first else 0
    run_halves = _run_halves(run_days, pm_start)

    label = school_year_label(first)
    year_first, year_last = school_year_bounds(label)
    earlier = earlier or Earlier(source="none", halves=0)
    for entry in earlier.days:
        if not year_first <= entry.day <= year_last:
            raise InputError(
                f"{earlier.source}, line {entry.row}: {in_words(entry.day)} is in school year "
                f"{school_year_label(entry.day)}, not {label} (the year this absence began); only this school year "
                "counts"
            )
        if entry.day >= first:
            raise InputError(
                f"{earlier.source}, line {entry.row}: {in_words(entry.day)} is not before this absence began "
                f"({in_words(first)}); list only earlier absence"
            )
    in_year_days = calendar.count_school_days(first, min(through, year_last)) if through >= first else 0
    year_halves = earlier.halves + _run_halves(in_year_days, pm_start)

    consecutive = _consecutive(calendar, first, pm_start, last, as_of, warnings)
    cumulative = _cumulative(calendar, first, pm_start, last, as_of, earlier, year_last, warnings)

    three_weeks_last = first + dt.timedelta(days=20)
    holidays: tuple[SkippedRun, ...] = ()
    if consecutive.date is not None:
        holidays = tuple(r for r in skipped_runs(calendar, first, consecutive.date) if r.reasons != ("weekend",))
    warnings[:0] = calendar.status_warnings(first, consecutive.date or through)
    school_age = school_age_on(pupil, first)
    if not school_age.duties_apply:
        warnings.append(
            f"the local authority's duty to arrange education (Education Act 1996 s.19) is to children of "
            f"compulsory school age: {school_age.reason}"
        )
    horizon = max(through, consecutive.date or through)
    one_session = [d for d in calendar.school_days(first, horizon) if len(calendar.sessions_on(d)) < 2]
    return HealthAbsence(
        calendar=calendar.name,
        start=start,
        first_day=first,
        start_session=start_session,
        end=end,
        last_day=last,
        continuing=end is None,
        as_of=as_of,
        run_halves=run_halves,
        earlier=earlier,
        school_year=label,
        year_halves=year_halves,
        consecutive=consecutive,
        cumulative=cumulative,
        three_weeks_last=three_weeks_last,
        holidays=holidays,
        school_age=school_age,
        start_kind=calendar.day_kind(start) if first != start else "",
        one_session=tuple(one_session),
        warnings=tuple(warnings),
    )


def _nth(calendar: SchoolCalendar, first: dt.date, n: int, warnings: list[str]) -> dt.date | None:
    try:
        return calendar.nth_school_day(first, n)
    except OutOfRangeError as exc:
        warnings.append(f"the {TRIGGER_DAYS}th school day cannot be dated: {exc}")
        return None


def _status(date: dt.date, last: dt.date | None, as_of: dt.date) -> Status:
    if last is not None:
        return "reached" if date <= last else "not reached"
    return "reached" if date <= as_of else "due"


def _consecutive(
    calendar: SchoolCalendar,
    first: dt.date,
    pm_start: bool,
    last: dt.date | None,
    as_of: dt.date,
    warnings: list[str],
) -> Trigger:
    n = _days_for(TRIGGER_HALVES, pm_start)
    date = _nth(calendar, first, n, warnings)
    if date is None:
        return Trigger("consecutive", "unknown", None, n)
    return Trigger("consecutive", _status(date, last, as_of), date, n)


def _cumulative(
    calendar: SchoolCalendar,
    first: dt.date,
    pm_start: bool,
    last: dt.date | None,
    as_of: dt.date,
    earlier: Earlier,
    year_last: dt.date,
    warnings: list[str],
) -> Trigger:
    needed = TRIGGER_HALVES - earlier.halves
    if needed <= 0:
        total = 0
        when: dt.date | None = None
        for entry in earlier.days:
            total += entry.halves
            if total >= TRIGGER_HALVES:
                when = entry.day
                break
        return Trigger("cumulative", "reached before", when, None)
    n = _days_for(needed, pm_start)
    date = _nth(calendar, first, n, warnings)
    if date is None:
        return Trigger("cumulative", "unknown", None, n)
    if date > year_last:
        return Trigger("cumulative", "not this school year", None, None)
    return Trigger("cumulative", _status(date, last, as_of), date, n)
