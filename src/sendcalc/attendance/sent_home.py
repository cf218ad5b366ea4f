"""A parent's log of informal ("unofficial") exclusions: sent home, or told to keep the child at home.

Sending a child home without a formal exclusion is unlawful; each time is, in law, an exclusion
(DfE suspension guidance; the Hertfordshire parents' guide tells them to keep a record). sendcalc
gives each event its equivalent length (a stated convention), totals them per term and school
year in half days, and shows where the totals would have crossed the 5, 15
and 45 school-day lines of the 2012 Regs had the school recorded them.

Reading and adding to the log file is readers/logs.py.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from sendcalc.calendar.engine import SchoolCalendar
from sendcalc.calendar.model import Session, school_year_label
from sendcalc.core.dates import in_words
from sendcalc.core.errors import InputError, OutOfRangeError
from sendcalc.exclusions.thresholds import Crossing, Piece, tally

REGS = "School Discipline (Pupil Exclusions and Reviews) (England) Regulations 2012"
GUIDANCE = "DfE, Suspension and permanent exclusion guidance (informal or unofficial exclusions are unlawful)"


@dataclass(frozen=True)
class Event:
    """One logged event and its equivalent exclusion, with the running totals it brings."""

    day: dt.date
    when: str  # "all day", "morning", "afternoon" or "HH:MM"
    sessions: tuple[Session, ...]
    note: str
    row: int
    term: str
    school_year: str
    term_halves_after: int = 0
    year_halves_after: int = 0

    @property
    def halves(self) -> int:
        return len(self.sessions)

    @property
    def what(self) -> str:
        if self.when == "all day":
            return "told to keep the child at home all day"
        if self.when == "morning":
            return "told to keep the child at home for the morning"
        if self.when == "afternoon":
            return "sent home / kept at home for the afternoon"
        return f"sent home at {self.when}"


@dataclass(frozen=True)
class Total:
    scope: str  # "term" or "year"
    label: str
    halves: int
    events: int


@dataclass(frozen=True)
class SentHomeReport:
    calendar: str
    source: str
    events: tuple[Event, ...]
    terms: tuple[Total, ...]
    years: tuple[Total, ...]
    crossings: tuple[Crossing, ...]
    warnings: tuple[str, ...]

    @property
    def total_halves(self) -> int:
        return sum(e.halves for e in self.events)


@dataclass(frozen=True)
class RawEvent:
    """A log row before it is checked against the calendar."""

    day: dt.date
    when: str
    note: str
    row: int


# ----- the report -----------------------------------------------------------------------------------


def _sessions(calendar: SchoolCalendar, raw: RawEvent, where: str) -> tuple[Session, ...]:
    try:
        held = calendar.sessions_on(raw.day)
    except OutOfRangeError as exc:
        raise exc.within(where) from None
    if not held:
        raise InputError(
            f"{where}: {in_words(raw.day)} is not a school day on the {calendar.name} calendar "
            f"(it is {calendar.day_kind(raw.day)}); check the date, or the calendar",
            fix="school-day",
        )
    if raw.when == "all day":
        return held
    if raw.when == "morning":
        wanted: Session = "am"
    elif raw.when == "afternoon":
        wanted = "pm"
    else:
        t = dt.time.fromisoformat(raw.when)
        times = calendar.times
        if t < times.day_starts:
            raise InputError(
                f"{where}: {raw.when} is before the school day starts ({times.day_starts:%H:%M}); if you were "
                "told not to bring the child in, write 'all day' or 'morning'"
            )
        if t >= times.day_ends:
            raise InputError(
                f"{where}: {raw.when} is at or after the end of the school day ({times.day_ends:%H:%M}); if "
                "you were told to keep the child at home the next day, log that day as 'all day'"
            )
        wanted = "pm"
    if wanted not in held:
        raise InputError(
            f"{where}: the {'morning' if wanted == 'am' else 'afternoon'} session of {in_words(raw.day)} "
            "was not held (a closure), so it cannot count as an exclusion"
        )
    return (wanted,)


def sent_home_report(calendar: SchoolCalendar, raws: list[RawEvent], source: str = "log") -> SentHomeReport:
    """Equivalent exclusions, totals per term and school year, and the 5/15/45 crossings."""
    checked: list[Event] = []
    taken: dict[tuple[dt.date, Session], int] = {}
    for raw in raws:
        where = f"{source}, row {raw.row}" if raw.row else "the new event"
        sessions = _sessions(calendar, raw, where)
        for session in sessions:
            key = (raw.day, session)
            if key in taken:
                part = "morning" if session == "am" else "afternoon"
                if not raw.row:
                    raise InputError(
                        f"{source}: row {taken[key]} already covers the {part} of {in_words(raw.day)}; "
                        "the new event was not added (edit that row instead)"
                    )
                raise InputError(
                    f"{source}: rows {taken[key]} and {raw.row} both cover the {part} of {in_words(raw.day)}; "
                    "keep one row per time the child was sent home (put extra detail in the note)"
                )
            taken[key] = raw.row
        term = calendar.term_of(raw.day)
        checked.append(
            Event(
                day=raw.day,
                when=raw.when,
                sessions=sessions,
                note=raw.note,
                row=raw.row,
                term=term.label if term else "",
                school_year=school_year_label(raw.day),
            )
        )
    checked.sort(key=lambda e: (e.day, e.sessions))
    counted = tally([Piece(e.day, e.term, e.school_year, e.halves, _by(source, e.row)) for e in checked])
    events = [
        replace(e, term_halves_after=t, year_halves_after=y) for e, (t, y) in zip(checked, counted.after, strict=True)
    ]
    terms = tuple(Total("term", k, *v) for k, v in counted.terms.items())
    years = tuple(Total("year", k, *v) for k, v in counted.years.items())
    crossings = counted.crossings
    warnings: list[str] = []
    if events:
        warnings += calendar.status_warnings(events[0].day, events[-1].day)
    return SentHomeReport(
        calendar=calendar.name,
        source=source,
        events=tuple(events),
        terms=terms,
        years=years,
        crossings=crossings,
        warnings=tuple(warnings),
    )


def _by(source: str, row: int) -> str:
    return f"{source}, row {row}" if row else "the new event"


def check_new_event(calendar: SchoolCalendar, existing: list[RawEvent], new: RawEvent, source: str) -> None:
    """Raise the same errors :func:`sent_home_report` would, before a new event is written to the log.

    ``new.row`` is 0: the event is not in the file yet.
    """
    sent_home_report(calendar, [*existing, new], source)
