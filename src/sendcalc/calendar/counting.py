"""School-day arithmetic for advisers (`sendcalc days ...`), with the ends and the skipped days spelled out.

Pure functions over a SchoolCalendar returning frozen results; the CLI only renders them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sendcalc.calendar.engine import SchoolCalendar
from sendcalc.calendar.model import Inclusive
from sendcalc.core.dates import in_words
from sendcalc.core.errors import InputError

ADD_RULE = "day 0 is the start date itself; day 1 is the first school day after it"
_ENDS = {
    "both": "both the first and the last date are counted (if they are school days)",
    "start": "the first date is counted, the last is not",
    "end": "the first date is not counted, the last is",
    "neither": "neither the first nor the last date is counted",
}


@dataclass(frozen=True)
class SkippedRun:
    """Consecutive dates that are not school days, and why."""

    first: dt.date
    last: dt.date
    reasons: tuple[str, ...]

    @property
    def length(self) -> int:
        return (self.last - self.first).days + 1


@dataclass(frozen=True)
class Offset:
    calendar: str
    start: dt.date
    school_days: int
    result: dt.date
    counted: tuple[dt.date, ...]
    skipped: tuple[SkippedRun, ...]
    warnings: tuple[str, ...]
    rule: str = ADD_RULE


@dataclass(frozen=True)
class Span:
    calendar: str
    first: dt.date
    last: dt.date
    inclusive: Inclusive
    school_days: tuple[dt.date, ...]
    skipped: tuple[SkippedRun, ...]
    warnings: tuple[str, ...]

    @property
    def count(self) -> int:
        return len(self.school_days)

    @property
    def ends(self) -> str:
        return _ENDS[self.inclusive]


def skipped_runs(calendar: SchoolCalendar, first: dt.date, last: dt.date) -> tuple[SkippedRun, ...]:
    """Group the non-school days from ``first`` to ``last`` into runs with their reasons."""
    runs: list[SkippedRun] = []
    current: list[dt.date] = []
    for day in calendar.iter_days(first, last):
        if calendar.is_school_day(day):
            if current:
                runs.append(_run(calendar, current))
                current = []
        else:
            current.append(day)
    if current:
        runs.append(_run(calendar, current))
    return tuple(runs)


def _run(calendar: SchoolCalendar, days: list[dt.date]) -> SkippedRun:
    reasons: list[str] = []
    banks: list[str] = []
    for day in days:
        category, words = calendar.classify(day)
        if category == "bank holiday":
            banks.append(f"{calendar.bank_holidays[day]} ({in_words(day)})")
        elif category == "weekend":
            continue
        elif words not in reasons:
            reasons.append(words)
    if banks:
        reasons.append(("bank holiday: " if len(banks) == 1 else "bank holidays: ") + ", ".join(banks))
    if not reasons:
        reasons.append("weekend")
    return SkippedRun(days[0], days[-1], tuple(reasons))


def add_school_days(calendar: SchoolCalendar, start: dt.date, n: int) -> Offset:
    """The ``n``-th school day after ``start`` (day 0), with every counted and skipped day."""
    if n < 0:
        raise InputError(f"the number of school days must be 0 or more, not {n}")
    result = calendar.school_day_offset(start, n)
    counted = calendar.school_days(start + dt.timedelta(days=1), result) if n else []
    return Offset(
        calendar=calendar.name,
        start=start,
        school_days=n,
        result=result,
        counted=tuple(counted),
        skipped=skipped_runs(calendar, start + dt.timedelta(days=1), result) if n else (),
        warnings=tuple(calendar.status_warnings(start, result)),
    )


def school_days_between(calendar: SchoolCalendar, first: dt.date, last: dt.date, inclusive: Inclusive = "both") -> Span:
    """The school days from ``first`` to ``last``; ``inclusive`` says which ends count."""
    if last < first:
        raise InputError(f"the end date {in_words(last)} is before the start date {in_words(first)}; swap them")
    days = calendar.school_days(first, last)
    if inclusive in ("end", "neither") and days and days[0] == first:
        days = days[1:]
    if inclusive in ("start", "neither") and days and days[-1] == last:
        days = days[:-1]
    return Span(
        calendar=calendar.name,
        first=first,
        last=last,
        inclusive=inclusive,
        school_days=tuple(days),
        skipped=skipped_runs(calendar, first, last),
        warnings=tuple(calendar.status_warnings(first, last)),
    )
