"""The one kernel: where an exclusion starts and ends in school time, its numbered days, and where each counts.

Every caller places exclusions here: `sendcalc exclusion`, `permanent`, `totals`, `check` and the
Python API. Positions are (school-day index, seconds into the school day) on the calendar's
precomputed school days, so placing an exclusion is a few binary searches. Results are named
tuples, immutable and cheap, because a case list builds one per distinct case; the dated lists a
person reads (excluded dates, numbered days) are derived from them on demand. No text here: the
working is worded from these facts in explain.py.

The rules: a suspension starts when the child is collected during school hours (before the day
starts counts from the start; at or after the end, or not collected, from the start of the next
school day); whole days keep the clock time and a half day is one session (calendar.advance); a
lunchtime runs from collection to the start of the afternoon session. Day 1 is the first day
unless the exclusion starts during the afternoon session (EIA 2006 s.103(7)). Each day (or final
half day) counts in the term and school year of its date.
"""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass
from typing import Literal, NamedTuple

from sendcalc.calendar.engine import SchoolCalendar
from sendcalc.calendar.model import Position
from sendcalc.core.dates import in_words
from sendcalc.core.errors import InputError, NotASchoolDayError

How = Literal[
    "collected", "before-start", "after-end", "not-collected", "start-of-day", "lunchtime", "lunchtime-default"
]
FIVE_DAY_HALVES = 10
"""Half days in five school days: the parent's duty covers every excluded date up to this length."""


class Start(NamedTuple):
    """Where an exclusion starts in school time, and its day 1: the same for every length from that moment."""

    on: dt.date
    picked_up: dt.time | None
    how: How
    position: Position
    starts_at: dt.datetime
    day_one_index: int
    day_one: dt.date
    first_term: tuple[str, str, int]  # day one's term label, its school year, its school days from day one on
    lunch_end: Position | None  # a lunchtime's end: the start of the afternoon session

    @property
    def lunchtime(self) -> bool:
        return self.lunch_end is not None

    @property
    def not_collected(self) -> bool:
        return self.how == "not-collected"

    @property
    def day_zero(self) -> dt.date | None:
        """The date of a partial afternoon before day 1, when it starts during the afternoon session."""
        return self.starts_at.date() if self.day_one_index > self.position[0] else None


class Part(NamedTuple):
    """The half days of one exclusion that count in one term (each day counts where its date lies)."""

    term: str
    school_year: str
    halves: int
    first_index: int  # the school-day index of the first numbered day counted in this term


@dataclass(frozen=True, slots=True)
class Placement:
    """An exclusion of ``halves`` half days placed on the calendar."""

    start: Start
    halves: int
    end: Position
    returns_at: dt.datetime
    parts: tuple[Part, ...]

    @property
    def lunchtime(self) -> bool:
        return self.start.lunchtime

    @property
    def starts_at(self) -> dt.datetime:
        return self.start.starts_at

    @property
    def day_one(self) -> dt.date:
        return self.start.day_one

    @property
    def day_zero(self) -> dt.date | None:
        return self.start.day_zero

    @property
    def last_index(self) -> int:
        """The school-day index of the last date with excluded time (a return at the start of a day excludes none)."""
        return self.end[0] if self.end[1] else self.end[0] - 1

    @property
    def excluded_days(self) -> int:
        return self.last_index - self.start.position[0] + 1


class CountedDay(NamedTuple):
    """One numbered day (or the final half day) and where it counts."""

    number: int
    date: dt.date
    halves: int
    term: str
    school_year: str


def not_a_school_day(calendar: SchoolCalendar, day: dt.date, doing: str) -> NotASchoolDayError:
    """The error for a start on a closed day, naming the kind of day (weekend, holiday, INSET ...)."""
    category, words = calendar.classify(day)
    what = f"a weekend ({day:%A})" if category == "weekend" else words
    return NotASchoolDayError(
        f"{in_words(day)} is not a school day: it is {what}, so {doing}", fix="school-day", day=day, kind=category
    )


def place_start(
    calendar: SchoolCalendar,
    on: dt.date,
    *,
    picked_up: dt.time | None = None,
    not_collected: bool = False,
    lunchtime: bool = False,
) -> Start:
    """The start of an exclusion on ``on``: collected at ``picked_up``, not collected, or neither (from the
    start of ``on``); ``lunchtime``: a lunchtime suspension collected at ``picked_up`` (default: the midday break).
    """
    if picked_up is not None and not_collected:
        raise InputError("give a collection time or say the child was not collected, not both")
    index = calendar.school_day_index(on)
    if index is None:
        collected = picked_up is not None or not_collected or lunchtime
        doing = (
            "the child cannot have been collected from school that day"
            if collected
            else "an exclusion cannot start that day"
        )
        raise not_a_school_day(calendar, on, doing)
    lunch_end: Position | None = None
    how: How
    if lunchtime:
        if not_collected:
            raise InputError(
                "a lunchtime suspension ends when the afternoon session begins, so the child cannot have stayed "
                "until the end of the day; give the collection time, or none for the start of the midday break"
            )
        position, lunch_end = calendar.lunchtime(on, picked_up)
        how = "lunchtime" if picked_up is not None else "lunchtime-default"
    elif not_collected:
        calendar.day_at_index(index + 1, index)
        position, how = (index + 1, 0), "not-collected"
    elif picked_up is None:
        position, how = (index, 0), "start-of-day"
    else:
        times = calendar.times
        position = calendar.school_position(dt.datetime.combine(on, picked_up))
        how = (
            "before-start"
            if picked_up < times.day_starts
            else "after-end"
            if picked_up >= times.day_ends
            else "collected"
        )
    starts_at = calendar.moment_at(position)
    day_one_index = position[0] + 1 if calendar.afternoon_started(starts_at) else position[0]
    day_one = calendar.day_at_index(day_one_index, position[0])
    term = calendar.term_of(day_one)
    assert term is not None  # every school day lies in a term
    first_term = (sys.intern(term.label), term.school_year, calendar.count_school_days(day_one, term.last_day))
    return Start(on, picked_up, how, position, starts_at, day_one_index, day_one, first_term, lunch_end)


def place(calendar: SchoolCalendar, start: Start, halves: int) -> Placement:
    """An exclusion of ``halves`` half days from ``start`` (a lunchtime is always one half day)."""
    if start.lunch_end is not None:
        halves, end = 1, start.lunch_end
    else:
        if isinstance(halves, bool) or not isinstance(halves, int) or halves < 1:
            raise InputError(f"a suspension is at least half a day, not {halves!r} half days")
        end = calendar.advance(start.position, halves)
    return Placement(start, halves, end, calendar.moment_at(end), _parts(calendar, start, halves))


def _parts(calendar: SchoolCalendar, start: Start, halves: int) -> tuple[Part, ...]:
    """Where the numbered days count: the half days in each term, in date order."""
    label, year, in_term = start.first_term
    if halves <= 2 * in_term:  # most exclusions end in the term they start in
        return (Part(label, year, halves, start.day_one_index),)
    parts = [Part(label, year, 2 * in_term, start.day_one_index)]
    index, left = start.day_one_index + in_term, halves - 2 * in_term
    while left > 0:
        day = calendar.day_at_index(index, start.position[0])
        term = calendar.term_of(day)
        assert term is not None
        in_term = calendar.count_school_days(day, term.last_day)
        take = min(2 * in_term, left)
        parts.append(Part(term.label, term.school_year, take, index))
        left -= take
        index += (take + 1) // 2
    return tuple(parts)


# ----- the dated lists, derived on demand -------------------------------------------------------------


def excluded_dates(calendar: SchoolCalendar, placement: Placement) -> tuple[dt.date, ...]:
    """Every school date with excluded time, from the start to the last."""
    first = placement.start.position[0]
    return tuple(calendar.day_at_index(i) for i in range(first, placement.last_index + 1))


def numbered_days(calendar: SchoolCalendar, placement: Placement) -> tuple[tuple[int, dt.date], ...]:
    """(day number, date) for each excluded date; a partial afternoon before day 1 is day 0."""
    first, one = placement.start.position[0], placement.start.day_one_index
    return tuple((i - one + 1, calendar.day_at_index(i)) for i in range(first, placement.last_index + 1))


def counted_days(calendar: SchoolCalendar, placement: Placement) -> tuple[CountedDay, ...]:
    """Each numbered day (the last may be a half day) with the term and school year it counts in."""
    out = []
    one = placement.start.day_one_index
    for part in placement.parts:
        left, index = part.halves, part.first_index
        while left > 0:
            take = min(2, left)
            day = calendar.day_at_index(index, placement.start.position[0])
            out.append(CountedDay(index - one + 1, day, take, part.term, part.school_year))
            left -= take
            index += 1
    return tuple(out)


def day_six(calendar: SchoolCalendar, start: Start) -> dt.date:
    """The sixth school day counting from day 1: when full-time provision is due at the latest."""
    return calendar.day_at_index(start.day_one_index + 5, start.position[0])


def day_at_crossing(calendar: SchoolCalendar, placement: Placement, part: Part, halves_in: int) -> dt.date:
    """The date of the day holding the ``halves_in``-th half day (1-based) counted in ``part``."""
    return calendar.day_at_index(part.first_index + (halves_in - 1) // 2, placement.start.position[0])


@dataclass(frozen=True, slots=True)
class Suspension(Placement):
    """A placement with its dated lists, as a person reads it (a case list needs none of them)."""

    calendar: str
    excluded_dates: tuple[dt.date, ...]
    numbered: tuple[tuple[int, dt.date], ...]
    counted: tuple[CountedDay, ...]

    @property
    def first_five_days(self) -> tuple[dt.date, ...]:
        """Dates of days 1 to 5 that fall in the suspension."""
        return tuple(day for number, day in self.numbered if 1 <= number <= 5)

    @property
    def duty_days(self) -> tuple[dt.date, ...]:
        """The first five days, or every excluded date when the suspension is 5 days or fewer."""
        return self.excluded_dates if self.halves <= FIVE_DAY_HALVES else self.first_five_days


def spell_out(calendar: SchoolCalendar, placement: Placement) -> Suspension:
    """The dated lists of a placement, for the commands a person reads (a case list needs none of them)."""
    p = placement
    return Suspension(
        p.start,
        p.halves,
        p.end,
        p.returns_at,
        p.parts,
        calendar=calendar.name,
        excluded_dates=excluded_dates(calendar, p),
        numbered=numbered_days(calendar, p),
        counted=counted_days(calendar, p),
    )


def place_suspension(
    calendar: SchoolCalendar,
    on: dt.date,
    halves: int,
    *,
    picked_up: dt.time | None = None,
    not_collected: bool = False,
    lunchtime: bool = False,
) -> Suspension:
    """A suspension of ``halves`` half days (1 = half a day), or a lunchtime, placed and spelled out."""
    start = place_start(calendar, on, picked_up=picked_up, not_collected=not_collected, lunchtime=lunchtime)
    return spell_out(calendar, place(calendar, start, halves))
