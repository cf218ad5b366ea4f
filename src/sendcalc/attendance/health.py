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
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from sendcalc.calendar.counting import SkippedRun, skipped_runs
from sendcalc.calendar.model import SchoolCalendar, school_year_bounds, school_year_label
from sendcalc.core.dates import in_words, parse_record_date
from sendcalc.core.errors import InputError, OutOfRangeError
from sendcalc.core.school_age import Pupil, SchoolAge, school_age_on
from sendcalc.core.sources import HERTS_GUIDE, SCHOOL_AGE, SCHOOL_DAY, convention
from sendcalc.core.steps import Step
from sendcalc.core.units import days_text
from sendcalc.readers.text import csv_rows, decoded_lines

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
    steps: tuple[Step, ...]
    warnings: tuple[str, ...]


# ----- the --earlier file ---------------------------------------------------------------------------


def read_earlier(path: str | Path, calendar: SchoolCalendar) -> Earlier:
    shown = str(path)
    try:
        with open(path, "rb") as handle:
            return read_earlier_lines(decoded_lines(handle), calendar, shown)
    except FileNotFoundError:
        raise InputError(f"--earlier file {shown!r} does not exist; check the path") from None
    except IsADirectoryError:
        raise InputError(f"--earlier {shown!r} is a folder, not a file") from None
    except UnicodeDecodeError:
        raise InputError(f"--earlier {shown}: is not UTF-8 text; save it as plain text or 'CSV UTF-8'") from None


def read_earlier_lines(lines: Iterable[str], calendar: SchoolCalendar, shown: str = "--earlier") -> Earlier:
    """Earlier health absence, one entry a line: DATE, 'DATE,am', 'DATE,pm', 'FIRST,LAST' or 'FIRST to LAST'.

    A header line (date,...) and lines starting with # are skipped. Ranges count their school days;
    a single date must be a school day. The same date twice is an error naming both lines.
    """
    seen: dict[dt.date, int] = {}
    days: list[EarlierDay] = []
    for number, cells in csv_rows(lines, shown):
        cells = [c.strip() for c in cells]
        while cells and not cells[-1]:
            cells.pop()
        if not cells or cells[0].startswith("#"):
            continue
        where = f"{shown}, line {number}"
        if len(cells) == 1 and " to " in cells[0].lower():
            head, _, tail = cells[0].lower().partition(" to ")
            cells = [head.strip(), tail.strip()]
        if cells[0].lower() in ("date", "from", "first", "first day"):
            continue
        if len(cells) > 2:
            raise InputError(f"{where}: expected DATE, 'DATE,am|pm' or 'FIRST,LAST', not {','.join(cells)!r}")
        first = parse_record_date(cells[0], where)
        if len(cells) == 1 or cells[1].lower() in ("am", "pm", "morning", "afternoon", "all day", "day"):
            half = len(cells) > 1 and cells[1].lower() not in ("all day", "day")
            entries = [(first, 1 if half else 2)]
            _require_school_day(calendar, first, where)
        else:
            last = parse_record_date(cells[1], where)
            if last < first:
                raise InputError(f"{where}: the range ends on {in_words(last)}, before it starts ({in_words(first)})")
            try:
                entries = [(d, 2) for d in calendar.school_days(first, last)]
            except OutOfRangeError as exc:
                raise OutOfRangeError(f"{where}: {exc}") from None
        for day, halves in entries:
            if day in seen:
                raise InputError(f"{shown}: lines {seen[day]} and {number} both include {in_words(day)}")
            seen[day] = number
            days.append(EarlierDay(day, halves, number))
    days.sort(key=lambda e: e.day)
    return Earlier(source=shown, halves=sum(e.halves for e in days), days=tuple(days))


def _require_school_day(calendar: SchoolCalendar, day: dt.date, where: str) -> None:
    try:
        ok = calendar.is_school_day(day)
    except OutOfRangeError as exc:
        raise OutOfRangeError(f"{where}: {exc}") from None
    if not ok:
        raise InputError(f"{where}: {in_words(day)} is not a school day (it is {calendar.day_kind(day)})")


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
    steps: list[Step] = []
    calendar.require(start)
    if pm_start:
        if not calendar.is_school_day(start):
            raise InputError(
                f"--from-session pm needs --from to be a school day; {in_words(start)} is {calendar.day_kind(start)}"
            )
        if "pm" not in calendar.sessions_on(start):
            raise InputError(
                f"the afternoon session of {in_words(start)} was not held (a closure); "
                "give the next school day as --from instead"
            )
    first = calendar.nth_school_day(start, 1)
    if first != start:
        steps.append(
            Step(
                "only school days count; the absence is counted from the first school day on or after --from",
                SCHOOL_DAY,
                f"{in_words(start)} is {calendar.day_kind(start)}; the first school day missed is {in_words(first)}",
            )
        )
    last: dt.date | None = None
    if end is not None:
        if end < start:
            raise InputError(f"--to {in_words(end)} is before --from {in_words(start)}; swap them")
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
                f"{school_year_label(entry.day)}, not {label} (the year of --from); only this school year counts"
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
    steps.append(
        Step(
            "the local authority's duty covers children of compulsory school age (from the 31 December, 31 March or "
            "31 August after the fifth birthday to the last Friday in June of Year 11)",
            f"{S19}; {SCHOOL_AGE}",
            school_age.reason,
            convention=school_age.compulsory == "assumed",
        )
    )

    horizon = max(through, consecutive.date or through)
    one_session = [d for d in calendar.school_days(first, horizon) if len(calendar.sessions_on(d)) < 2]
    steps += _steps(
        first,
        pm_start,
        last,
        as_of,
        run_halves,
        earlier,
        label,
        year_halves,
        consecutive,
        cumulative,
        three_weeks_last,
        holidays,
        one_session,
    )
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
        steps=tuple(steps),
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


def _steps(
    first: dt.date,
    pm_start: bool,
    last: dt.date | None,
    as_of: dt.date,
    run_halves: int,
    earlier: Earlier,
    label: str,
    year_halves: int,
    consecutive: Trigger,
    cumulative: Trigger,
    three_weeks_last: dt.date,
    holidays: tuple[SkippedRun, ...],
    one_session: list[dt.date],
) -> list[Step]:
    through = f"to {in_words(last)}" if last else f"so far (to {in_words(as_of)})"
    steps = [
        Step(
            "count school days, not calendar weeks: the trigger is 15 school days, consecutive or cumulative "
            "over the school year; holidays, weekends, bank holidays and INSET days do not count",
            HEALTH_GUIDANCE,
            f"this absence: {days_text(run_halves)} school day(s) {through}",
        ),
    ]
    if pm_start:
        steps.append(
            Step(
                "an absence that begins at the afternoon session counts its first day as half a school day",
                convention("registers count sessions (Pupil Registration Regs 2024 reg 10)"),
                f"{in_words(first)} counts 0.5; the 15th whole school day is reached in the morning of school "
                f"day {consecutive.day_number}",
                convention=True,
            )
        )
    if one_session:
        steps.append(
            Step(
                "a school day with one session closed still counts as a whole school day missed",
                convention("Education Act 1996 s.579: a school day is any day with a session"),
                "applies to " + ", ".join(in_words(d) for d in one_session),
                convention=True,
            )
        )
    steps += [
        Step(
            "consecutive count: the 15th school day of this absence, counting its first school day as day 1",
            HEALTH_GUIDANCE,
            _trigger_words(consecutive),
        ),
        Step(
            "cumulative count: earlier health absence this school year plus this absence",
            HEALTH_GUIDANCE,
            f"earlier {days_text(earlier.halves)} ({earlier.source}) + this absence = "
            f"{days_text(year_halves)} in {label}; 15th: {_trigger_words(cumulative)}",
        ),
        Step(
            "15 school days is three calendar weeks only when no holiday intervenes",
            f"{HEALTH_GUIDANCE}; {HERTS_GUIDE} ('longer than 3 weeks')",
            f"three calendar weeks from {in_words(first)} end on {in_words(three_weeks_last)}; "
            + (
                "not school days in between: " + "; ".join("; ".join(h.reasons) for h in holidays)
                if holidays
                else "no holiday intervenes"
            ),
        ),
        Step(
            "the school must tell the local authority about a pupil off sick (code I) whom it has reasonable "
            "grounds to believe will miss 15 school days, consecutive or cumulative",
            SICKNESS_RETURN,
            "the school's duty; ask the school whether it has made the return",
        ),
        Step(
            "the local authority must arrange suitable (normally full-time) education for a child who cannot "
            "attend because of health needs, as soon as it is clear the child will miss 15 school days; "
            "it need not wait for the 15th day",
            f"{S19}; {HEALTH_GUIDANCE}",
            "write to the local authority's medical needs / health needs team",
        ),
        Step(
            "absence because of illness should be authorised (code I) unless the school has genuine doubt; "
            "schools should need medical evidence only in a minority of cases",
            f"{WTISA}; {HERTS_GUIDE}",
            "code I is authorised absence",
        ),
    ]
    return steps


def _trigger_words(t: Trigger) -> str:
    if t.date is None:
        return STATUS_WORDS[t.status]
    day = f" (school day {t.day_number} of this absence)" if t.day_number else ""
    return f"{in_words(t.date)}{day}: {STATUS_WORDS[t.status]}"
