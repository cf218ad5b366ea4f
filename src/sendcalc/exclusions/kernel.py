"""One exclusion placed on the school calendar: when it starts, when the child returns, and its numbered days.

Start and return from the collection moment, numbering the days (EIA 2006 s.103(7)), and
attributing each day to a term and a school year. Shared by suspensions, lunchtime suspensions
and permanent exclusions. Pure: a few binary searches on the calendar per call, no I/O.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from sendcalc.calendar.model import SchoolCalendar
from sendcalc.core import sources
from sendcalc.core.dates import in_words, moment_in_words
from sendcalc.core.errors import InputError, NotASchoolDayError
from sendcalc.core.steps import Step
from sendcalc.exclusions.thresholds import days_words

Position = tuple[int, int]
"""A point in school time: (school-day index in the calendar, seconds into that day's hours)."""

How = Literal[
    "collected", "before-start", "after-end", "not-collected", "start-of-day", "lunchtime", "lunchtime-default"
]


@dataclass(frozen=True)
class ExclusionStart:
    """When an exclusion starts and which school day is day 1 (EIA 2006 s.103(7))."""

    on: dt.date
    picked_up: dt.time | None
    not_collected: bool
    how: How
    position: Position
    starts_at: dt.datetime
    day_zero: dt.date | None
    day_one: dt.date
    day_one_index: int
    steps: tuple[Step, ...]


@dataclass(frozen=True)
class CountedDay:
    """One numbered day (or the final half day) of a suspension and where it counts (attribution convention)."""

    number: int
    date: dt.date
    halves: int
    term: str
    school_year: str


@dataclass(frozen=True)
class Suspension:
    """A suspension of ``halves`` half days placed on the calendar."""

    calendar: str
    start: ExclusionStart
    halves: int
    end: Position
    returns_at: dt.datetime
    excluded_dates: tuple[dt.date, ...]
    numbered: tuple[tuple[int, dt.date], ...]
    counted: tuple[CountedDay, ...]
    steps: tuple[Step, ...]
    lunchtime: bool = False

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
    def first_five_days(self) -> tuple[dt.date, ...]:
        """Dates of days 1 to 5 that fall in the suspension."""
        return tuple(day for number, day in self.numbered if 1 <= number <= 5)

    @property
    def parent_duty_dates(self) -> tuple[dt.date, ...]:
        """The first five days, or every excluded date when the suspension is 5 days or fewer."""
        return self.excluded_dates if self.halves <= 10 else self.first_five_days

    def halves_by_term(self) -> dict[str, int]:
        """Half days counted in each term label, in date order."""
        out: dict[str, int] = {}
        for day in self.counted:
            out[day.term] = out.get(day.term, 0) + day.halves
        return out

    def halves_by_year(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for day in self.counted:
            out[day.school_year] = out.get(day.school_year, 0) + day.halves
        return out


def not_a_school_day(calendar: SchoolCalendar, day: dt.date, doing: str) -> NotASchoolDayError:
    """The error for a start on a closed day, naming the kind of day (weekend, holiday, INSET ...)."""
    category, words = calendar.classify(day)
    what = f"a weekend ({day:%A})" if category == "weekend" else words
    return NotASchoolDayError(
        f"{in_words(day)} is not a school day: it is {what}, so {doing}; "
        "give the date of the school day it happened (or add --calendar with the school's own dates)"
    )


def start_position(
    calendar: SchoolCalendar,
    on: dt.date,
    *,
    picked_up: dt.time | None = None,
    not_collected: bool = False,
) -> tuple[Position, How]:
    """Where an exclusion starts in school time, and how: the lean core of
    :func:`exclusion_start`, shared with the batch checker.
    """
    if picked_up is not None and not_collected:
        raise InputError("give a collection time (--picked-up) or --not-collected, not both")
    ordinal_index = calendar.school_day_index(on)
    if ordinal_index is None:
        doing = (
            "the child cannot have been collected from school that day"
            if picked_up is not None or not_collected
            else "an exclusion cannot start that day"
        )
        raise not_a_school_day(calendar, on, doing)
    index = ordinal_index
    if not_collected:
        calendar.day_at_index(index + 1, index)
        return (index + 1, 0), "not-collected"
    if picked_up is None:
        return (index, 0), "start-of-day"
    times = calendar.times
    position = calendar.school_position(dt.datetime.combine(on, picked_up))
    if picked_up < times.day_starts:
        return position, "before-start"
    if picked_up >= times.day_ends:
        return position, "after-end"
    return position, "collected"


def exclusion_start(
    calendar: SchoolCalendar,
    on: dt.date,
    *,
    picked_up: dt.time | None = None,
    not_collected: bool = False,
    explain: bool = True,
) -> ExclusionStart:
    """Where an exclusion starts in school time, and its day 1.

    ``picked_up``: the parent collected the child at that time on ``on`` (during school hours it
    starts then; before the day starts it counts from the start; at or after the end it is the
    same as not collecting). ``not_collected``: the child stayed until the end of ``on``, so it
    starts at the start of the next school day. Neither: it starts at the start of ``on``.
    """
    times = calendar.times
    position, how = start_position(calendar, on, picked_up=picked_up, not_collected=not_collected)
    steps: list[Step] = []
    if how == "not-collected":
        steps.append(
            Step(
                "Not collected before the end of the school day: the exclusion starts at the beginning of the "
                "next school day",
                sources.COLLECTION,
                f"starts at {moment_in_words(calendar.moment_at(position))}",
            )
        )
    elif how == "start-of-day":
        steps.append(
            Step(
                "No collection time given: the exclusion runs from the start of the school day on the date given",
                sources.START_OF_DAY,
                f"starts at {moment_in_words(calendar.moment_at(position))}",
                convention=True,
            )
        )
    else:
        assert picked_up is not None
        moment = dt.datetime.combine(on, picked_up)
        if how == "before-start":
            steps.append(
                Step(
                    f"Collected at {picked_up:%H:%M}, before the school day starts at {times.day_starts:%H:%M}: "
                    "counts as from the start of the day",
                    sources.BEFORE_START,
                    f"starts at {moment_in_words(calendar.moment_at(position))}",
                    convention=True,
                )
            )
        elif how == "after-end":
            steps.append(
                Step(
                    f"Collected at {picked_up:%H:%M}, at or after the end of the school day ({times.day_ends:%H:%M}): "
                    "the same as not collecting, so it starts at the beginning of the next school day",
                    sources.AFTER_END,
                    f"starts at {moment_in_words(calendar.moment_at(position))}",
                    convention=True,
                )
            )
        else:
            steps.append(
                Step(
                    "Collected during school hours: the exclusion starts at the moment of collection",
                    sources.COLLECTION,
                    f"starts at {moment_in_words(moment)}",
                )
            )
    starts_at = calendar.moment_at(position)
    afternoon = calendar.afternoon_started(starts_at)
    day_one_index = position[0] + 1 if afternoon else position[0]
    day_one = calendar.day_at_index(day_one_index, position[0])
    day_zero = starts_at.date() if afternoon else None
    if afternoon:
        result = (
            f"it starts during the afternoon session (from {times.afternoon_starts:%H:%M}), so the partial afternoon "
            f"of {in_words(starts_at.date())} is day 0 and day 1 is {in_words(day_one)}"
        )
    else:
        result = (
            f"it starts before the afternoon session ({times.afternoon_starts:%H:%M}), so day 1 is {in_words(day_one)}"
        )
    steps.append(
        Step("Day 1 is the day it starts unless it starts during the afternoon session", sources.DAY_ONE, result)
    )
    return ExclusionStart(
        on=on,
        picked_up=picked_up,
        not_collected=not_collected,
        how=how,
        position=position,
        starts_at=starts_at,
        day_zero=day_zero,
        day_one=day_one,
        day_one_index=day_one_index,
        steps=tuple(steps) if explain else (),
    )


def place_suspension(
    calendar: SchoolCalendar,
    on: dt.date,
    halves: int,
    *,
    picked_up: dt.time | None = None,
    not_collected: bool = False,
    lunchtime: bool = False,
    explain: bool = True,
) -> Suspension:
    """Place a suspension of ``halves`` half days (1 = half a day) on the calendar.

    Only school time counts. A whole day keeps the clock time; a half day is one session (the
    first that begins at or after the moment the whole days end); a return exactly at the end of
    a day is the start of the next school day. ``lunchtime``: a lunchtime suspension instead
    (``halves`` is ignored; see :func:`place_lunchtime`). ``explain=False`` skips writing the
    steps (for batch use: the dates are the same).
    """
    if lunchtime:
        return place_lunchtime(calendar, on, picked_up=picked_up, not_collected=not_collected, explain=explain)
    if isinstance(halves, bool) or not isinstance(halves, int) or halves < 1:
        raise InputError(
            f"a suspension is at least half a day: halves must be a whole number 1 or more, not {halves!r}"
        )
    start = exclusion_start(calendar, on, picked_up=picked_up, not_collected=not_collected, explain=explain)
    end = calendar.advance(start.position, halves)
    returns_at = calendar.moment_at(end)
    last_index = end[0] if end[1] else end[0] - 1
    first_index = start.position[0]
    indexes = range(first_index, last_index + 1)
    excluded = tuple(calendar.day_at_index(i) for i in indexes)
    numbered = tuple((i - start.day_one_index + 1, day) for i, day in zip(indexes, excluded, strict=True))
    counted = []
    for number in range(1, (halves + 1) // 2 + 1):
        day = calendar.day_at_index(start.day_one_index + number - 1, first_index)
        term = calendar.term_of(day)
        if term is None:  # pragma: no cover - every school day lies in a term
            raise InputError(f"{in_words(day)} is a school day outside every term of the calendar")
        part = 1 if number * 2 > halves else 2
        counted.append(CountedDay(number, day, part, term.label, term.school_year))
    steps = _placement_steps(calendar, start, halves, end, returns_at, excluded, counted) if explain else ()
    return Suspension(
        calendar=calendar.name,
        start=start,
        halves=halves,
        end=end,
        returns_at=returns_at,
        excluded_dates=excluded,
        numbered=numbered,
        counted=tuple(counted),
        steps=steps,
    )


def _placement_steps(
    calendar: SchoolCalendar,
    start: ExclusionStart,
    halves: int,
    end: Position,
    returns_at: dt.datetime,
    excluded: tuple[dt.date, ...],
    counted: list[CountedDay],
) -> tuple[Step, ...]:
    times = calendar.times
    steps = list(start.steps)
    rule = "Only school time counts: weekends, holidays, bank holidays, INSET days and closures are skipped"
    steps.append(Step(rule, f"{sources.COLLECTION}; {sources.SCHOOL_DAY}", f"{days_words(halves)} of school time"))
    whole = halves // 2
    if whole:
        after = calendar.moment_at((start.position[0] + whole, start.position[1]))
        steps.append(
            Step(
                "A whole day keeps the clock time: N school days later, at the same time",
                sources.WHOLE_DAYS,
                f"{days_words(2 * whole)} from {moment_in_words(start.starts_at)} ends at {moment_in_words(after)}",
            )
        )
    if halves % 2:
        session = "afternoon" if returns_at.time() == times.day_starts else "morning"
        steps.append(
            Step(
                "A half day is one session: the first whole session (morning "
                f"{times.day_starts:%H:%M}-{times.afternoon_starts:%H:%M}, afternoon "
                f"{times.afternoon_starts:%H:%M}-{times.day_ends:%H:%M}) that begins at or after "
                + ("the moment the whole days end" if whole else "the start")
                + "; the child returns when it ends",
                sources.HALF_DAY_SESSION,
                f"the half day is the {session} session; back at {moment_in_words(returns_at)}",
                convention=True,
            )
        )
    if end[1] == 0:
        ended = calendar.day_at_index(end[0] - 1)
        steps.append(
            Step(
                "A return that falls exactly at the end of a school day is reported as the start of the next "
                "school day",
                sources.END_OF_DAY,
                f"the suspension ends at {times.day_ends:%H:%M} on {in_words(ended)}: "
                f"back at {moment_in_words(returns_at)}",
                convention=True,
            )
        )
    return_words = (
        "a return at the start of a day excludes nothing that day"
        if end[1] == 0
        else f"the child is excluded until {returns_at:%H:%M} on {in_words(returns_at.date())}"
    )
    steps.append(
        Step(
            "Excluded dates: every school day on which any suspended time falls",
            sources.EXCLUDED_DATES,
            f"{len(excluded)} date(s): {', '.join(in_words(d) for d in excluded)} ({return_words})",
            convention=True,
        )
    )
    parts = "; ".join(f"day {c.number} {in_words(c.date)} counts {days_words(c.halves)} in {c.term}" for c in counted)
    steps.append(
        Step(
            "Each day (or final half day) counts toward the term and school year of the date that carries its number",
            sources.ATTRIBUTION,
            parts,
            convention=True,
        )
    )
    return tuple(steps)


def place_lunchtime(
    calendar: SchoolCalendar,
    on: dt.date,
    *,
    picked_up: dt.time | None = None,
    not_collected: bool = False,
    explain: bool = True,
) -> Suspension:
    """A lunchtime suspension: excluded over the midday break of ``on`` only, back for the afternoon.

    It runs from the collection (default: the start of the midday break) until the afternoon
    session begins, counts as half a school day in every total, makes ``on`` an excluded date,
    and loses no register session (the child attends the afternoon).
    """
    if not_collected:
        raise InputError(
            "a lunchtime suspension ends when the afternoon session begins, so the child cannot have stayed until "
            "the end of the day; give the collection time, or none for the start of the midday break"
        )
    if calendar.school_day_index(on) is None:
        raise not_a_school_day(calendar, on, "the child cannot have been collected from school that day")
    begin, end = calendar.lunchtime(on, picked_up)
    starts_at = calendar.moment_at(begin)
    term = calendar.term_of(on)
    assert term is not None  # every school day lies in a term
    start = ExclusionStart(
        on=on,
        picked_up=picked_up,
        not_collected=False,
        how="lunchtime" if picked_up is not None else "lunchtime-default",
        position=begin,
        starts_at=starts_at,
        day_zero=None,
        day_one=on,
        day_one_index=begin[0],
        steps=(),
    )
    returns_at = calendar.moment_at(end)
    counted = (CountedDay(1, on, 1, term.label, term.school_year),)
    steps: tuple[Step, ...] = ()
    if explain:
        times = calendar.times
        when = (
            f"collected at {picked_up:%H:%M}"
            if picked_up is not None
            else f"no collection time given: from {times.lunch_starts:%H:%M}, when the midday break is taken to begin"
            + ("" if times.morning_ends is not None else " (sendcalc's default; a calendar file can set morning_ends)")
        )
        steps = (
            Step(
                "A lunchtime suspension excludes the child over the midday break only: from collection until the "
                "afternoon session begins, when the child comes back",
                sources.LUNCHTIME,
                f"{when}; back for the afternoon at {moment_in_words(returns_at)}",
                convention=picked_up is None,
            ),
            Step(
                "It counts as half a school day in every total (term, school year, the head's notice duty); the "
                "date is an excluded date for the parent's duty, because school hours include the midday break",
                f"{sources.LUNCHTIME}; {sources.SCHOOL_HOURS}",
                f"0.5 day counted in {term.label}; excluded date {in_words(on)}",
            ),
            Step(
                "No register session is lost (the child attends the afternoon), so a lunchtime never starts or "
                "continues a run of consecutive school days of exclusion for day 6",
                sources.BACK_TO_BACK,
                "no day-6 duty from this lunchtime",
            ),
        )
    return Suspension(
        calendar=calendar.name,
        start=start,
        halves=1,
        end=end,
        returns_at=returns_at,
        excluded_dates=(on,),
        numbered=((1, on),),
        counted=counted,
        steps=steps,
        lunchtime=True,
    )
