"""The vocabulary of a school calendar: school years, terms, breaks, closures and the times of the day.

Plain frozen values, read from calendar files (files.py) and built into a SchoolCalendar (engine.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

Session = Literal["am", "pm"]
SESSIONS: tuple[Session, Session] = ("am", "pm")
STATUSES = ("confirmed", "published", "secondary", "conflicting", "unverified", "imported")
"""How sure a school year's dates are, surest first: seen on the school's own list; the council's published dates
(its page, or two sources agreeing); schools following the council agree; sources disagree; one third-party copy;
read from a calendar feed or typed in (`calendar import`, `calendar new`) and not yet checked."""
Inclusive = Literal["both", "start", "end", "neither"]
Position = tuple[int, int]
"""A point in school time: (school-day index in the calendar, seconds into that day's hours)."""


def school_year_label(day: dt.date) -> str:
    """The school year a date belongs to: 1 August to 31 July, written '2025-26'."""
    start = day.year if day.month >= 8 else day.year - 1
    return f"{start}-{(start + 1) % 100:02d}"


def school_year_bounds(label: str) -> tuple[dt.date, dt.date]:
    """First and last calendar date (1 Aug, 31 Jul) of a school year label such as '2025-26'."""
    start = int(label[:4])
    return dt.date(start, 8, 1), dt.date(start + 1, 7, 31)


DEFAULT_MORNING_ENDS = dt.time(12, 0)


@dataclass(frozen=True)
class SchoolTimes:
    """Clock times of the school day; school hours run from ``day_starts`` to ``day_ends``.

    The morning session runs from ``day_starts`` to ``afternoon_starts`` (the midday break is part
    of it for counting); ``morning_ends`` is when the midday break begins, which only a lunchtime
    suspension needs. None means the default (:attr:`lunch_starts`).
    """

    day_starts: dt.time = dt.time(8, 45)
    afternoon_starts: dt.time = dt.time(13, 0)
    day_ends: dt.time = dt.time(15, 15)
    morning_ends: dt.time | None = None

    @property
    def length_seconds(self) -> int:
        return seconds(self.day_ends) - seconds(self.day_starts)

    @property
    def morning_seconds(self) -> int:
        """Length of the morning session, midday break included: where the afternoon session begins."""
        return seconds(self.afternoon_starts) - seconds(self.day_starts)

    @property
    def lunch_starts(self) -> dt.time:
        """When the midday break begins: ``morning_ends``, else 12:00 (or half an hour before the
        afternoon session when that begins by 12:00)."""
        if self.morning_ends is not None:
            return self.morning_ends
        if self.afternoon_starts > DEFAULT_MORNING_ENDS:
            return DEFAULT_MORNING_ENDS
        half_hour_before = dt.datetime.combine(dt.date.min, self.afternoon_starts) - dt.timedelta(minutes=30)
        return max(half_hour_before.time(), self.day_starts)


def seconds(value: dt.time) -> int:
    """A clock time as seconds after midnight."""
    return value.hour * 3600 + value.minute * 60 + value.second


@dataclass(frozen=True)
class Break:
    """A holiday inside a term (half-term)."""

    name: str
    first_day: dt.date
    last_day: dt.date


@dataclass(frozen=True)
class Term:
    name: str
    school_year: str
    first_day: dt.date
    last_day: dt.date
    breaks: tuple[Break, ...] = ()

    def break_on(self, day: dt.date) -> Break | None:
        return next((b for b in self.breaks if b.first_day <= day <= b.last_day), None)

    @property
    def label(self) -> str:
        """'autumn 2025-26': unique across a calendar."""
        return f"{self.name} {self.school_year}"


ClosureKind = Literal["inset", "occasional", "closure"]
_KIND_WORDS = {"inset": "an INSET (training) day", "occasional": "an occasional day", "closure": "a closure"}


@dataclass(frozen=True)
class Closure:
    """A day (or one session) without pupils inside term: INSET, occasional day, snow, strike, polling."""

    day: dt.date
    kind: ClosureKind = "closure"
    session: Session | None = None
    reason: str = ""

    def describe(self) -> str:
        words = _KIND_WORDS[self.kind]
        if self.session:
            words = f"{words} ({'morning' if self.session == 'am' else 'afternoon'} session only)"
        return f"{words}: {self.reason}" if self.reason else words


@dataclass(frozen=True)
class SchoolYear:
    """One school year's terms, with where the dates came from and how sure we are of them."""

    label: str
    status: str
    source: str
    terms: tuple[Term, ...]
    notes: str = ""
