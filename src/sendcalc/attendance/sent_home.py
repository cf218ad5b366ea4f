"""A parent's log of informal ("unofficial") exclusions: sent home, or told to keep the child at home.

Sending a child home without a formal exclusion is unlawful; each time is, in law, an exclusion
(DfE suspension guidance; the council's guide for parents tells them to keep a record). sendcalc
gives each event its equivalent length (a stated convention), totals them per term and school
year in half days, and shows where the totals would have crossed the 5, 15
and 45 school-day lines of the 2012 Regs had the school recorded them.

The log is a CSV file ``date,time,note``; ``time`` is a clock time (sent home then), ``all day``
(told to keep the child at home), ``morning`` (kept at home for the morning only) or ``afternoon``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from sendcalc.calendar.model import SchoolCalendar, Session, school_year_label
from sendcalc.core.dates import in_words, parse_date, parse_time
from sendcalc.core.errors import InputError, OutOfRangeError
from sendcalc.core.sources import HERTS_GUIDE, YEAR_READING, convention
from sendcalc.core.steps import Step
from sendcalc.core.units import days_text
from sendcalc.readers.text import csv_rows, decoded_lines

LOG_HEADER = ("date", "time", "note")
REGS = "School Discipline (Pupil Exclusions and Reviews) (England) Regulations 2012"
GUIDANCE = "DfE, Suspension and permanent exclusion guidance (informal or unofficial exclusions are unlawful)"
_ALL_DAY = ("all day", "all-day", "allday", "day", "whole day", "full day", "kept home", "keep home")
_MORNING = ("morning", "am", "morning only")
_AFTERNOON = ("afternoon", "pm", "lunchtime", "lunch")
_HAS_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class Threshold:
    scope: str  # "term" or "year"
    days: int
    meaning: str
    source: str

    @property
    def halves(self) -> int:
        return self.days * 2


THRESHOLDS = (
    Threshold(
        "term",
        5,
        "more than 5 school days in a term: the head must tell the governing board and the local authority, "
        "and the governing board must consider reinstatement if the parents make representations "
        "(within 50 school days)",
        f"{REGS} reg 5(2) and 6(1)(c)",
    ),
    Threshold(
        "term",
        15,
        "more than 15 school days in a term: the governing board must meet to consider reinstatement "
        "within 15 school days",
        f"{REGS} reg 6(1)(b)",
    ),
    Threshold(
        "year",
        5,
        "more than 5 school days in the school year (the council's guide for parents reads the 5-day band over "
        "the year; the Regulations count it per term)",
        YEAR_READING,
    ),
    Threshold(
        "year",
        15,
        "more than 15 school days in the school year (the council's guide's reading; the Regulations count per term)",
        YEAR_READING,
    ),
    Threshold(
        "year",
        45,
        "more than 45 school days in the school year: no suspension beyond this is lawful",
        f"{REGS} reg 4",
    ),
)


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
class Crossing:
    threshold: Threshold
    label: str  # the term or school year
    day: dt.date  # the event that took the total over
    halves_after: int


@dataclass(frozen=True)
class SentHomeReport:
    calendar: str
    source: str
    events: tuple[Event, ...]
    terms: tuple[Total, ...]
    years: tuple[Total, ...]
    crossings: tuple[Crossing, ...]
    steps: tuple[Step, ...]
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


# ----- reading and writing the log ------------------------------------------------------------------


def parse_when(text: str, where: str) -> str:
    """'all day', 'morning', 'afternoon', or a clock time 'HH:MM' (from 11:30, 11.30, 2pm)."""
    low = " ".join(text.strip().lower().split())
    if low in _ALL_DAY:
        return "all day"
    if low in _MORNING:
        return "morning"
    if low in _AFTERNOON:
        return "afternoon"
    try:
        return parse_time(low, what="time").strftime("%H:%M")
    except InputError:
        raise InputError(
            f"{where}: {text.strip()!r} is not a time; write the time the school sent the child home (11:30, "
            "2pm), or 'all day' if you were told to keep the child at home, or 'morning'"
        ) from None


def parse_log_date(text: str, where: str) -> dt.date:
    """A date written in a log: it must be a real date, not 'today' or a weekday name (they change meaning)."""
    if not _HAS_DIGIT.search(text):
        raise InputError(f"{where}: write the date itself (18/11/2025), not {text.strip()!r}")
    try:
        return parse_date(text, what="date")
    except InputError as exc:
        raise InputError(f"{where}: {exc}") from None


def read_log(path: str | Path) -> list[RawEvent]:
    shown = str(path)
    try:
        with open(path, "rb") as handle:
            return read_log_lines(decoded_lines(handle), shown)
    except FileNotFoundError:
        raise InputError(
            f"log file {shown!r} does not exist; start one with: sendcalc sent-home add {shown} DATE TIME"
        ) from None
    except IsADirectoryError:
        raise InputError(f"{shown!r} is a folder, not a log file") from None
    except UnicodeDecodeError:
        raise InputError(f"{shown}: is not UTF-8 text; save it as 'CSV UTF-8'") from None


def read_log_lines(lines: Iterable[str], shown: str = "log") -> list[RawEvent]:
    """Rows of ``date,time,note`` (header optional, any case; a note may hold commas if quoted)."""
    events: list[RawEvent] = []
    for number, cells in csv_rows(lines, shown):
        cells = [c.strip() for c in cells]
        if not any(cells) or cells[0].startswith("#"):
            continue
        if [c.lower() for c in cells[:2]] in (["date", "time"], ["date", "when"]):
            continue
        where = f"{shown}, row {number}"
        if len(cells) < 2 or not cells[1]:
            raise InputError(f"{where}: needs a date and a time (or 'all day'), e.g. 2025-11-18,11:30,note")
        note = ",".join(cells[2:]).strip()
        events.append(RawEvent(parse_log_date(cells[0], where), parse_when(cells[1], where), note, number))
    return events


def log_line(day: dt.date, when: str, note: str) -> str:
    """One CSV line for the log file (quoted as needed)."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow([day.isoformat(), when, note])
    return out.getvalue()


# ----- the report -----------------------------------------------------------------------------------


def _sessions(calendar: SchoolCalendar, raw: RawEvent, where: str) -> tuple[Session, ...]:
    try:
        held = calendar.sessions_on(raw.day)
    except OutOfRangeError as exc:
        raise OutOfRangeError(f"{where}: {exc}") from None
    if not held:
        raise InputError(
            f"{where}: {in_words(raw.day)} is not a school day on the {calendar.name} calendar "
            f"(it is {calendar.day_kind(raw.day)}); check the date, or the calendar (--calendar, --inset)"
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
    term_totals: dict[str, list[int]] = {}
    year_totals: dict[str, list[int]] = {}
    events: list[Event] = []
    crossings: list[Crossing] = []
    for event in checked:
        t = term_totals.setdefault(event.term, [0, 0])
        y = year_totals.setdefault(event.school_year, [0, 0])
        before = {"term": t[0], "year": y[0]}
        t[0] += event.halves
        t[1] += 1
        y[0] += event.halves
        y[1] += 1
        after = {"term": t[0], "year": y[0]}
        events.append(replace(event, term_halves_after=t[0], year_halves_after=y[0]))
        for threshold in THRESHOLDS:
            if before[threshold.scope] <= threshold.halves < after[threshold.scope]:
                label = event.term if threshold.scope == "term" else event.school_year
                crossings.append(Crossing(threshold, label, event.day, after[threshold.scope]))
    terms = tuple(Total("term", k, v[0], v[1]) for k, v in term_totals.items())
    years = tuple(Total("year", k, v[0], v[1]) for k, v in year_totals.items())
    warnings: list[str] = []
    if events:
        warnings += calendar.status_warnings(events[0].day, events[-1].day)
    return SentHomeReport(
        calendar=calendar.name,
        source=source,
        events=tuple(events),
        terms=terms,
        years=years,
        crossings=tuple(crossings),
        steps=tuple(_steps(calendar, events, crossings)),
        warnings=tuple(warnings),
    )


def check_new_event(calendar: SchoolCalendar, existing: list[RawEvent], new: RawEvent, source: str) -> None:
    """Raise the same errors :func:`sent_home_report` would, before a new event is written to the log.

    ``new.row`` is 0: the event is not in the file yet.
    """
    sent_home_report(calendar, [*existing, new], source)


def _steps(calendar: SchoolCalendar, events: list[Event], crossings: list[Crossing]) -> list[Step]:
    afternoon = any(e.when not in ("all day", "morning", "afternoon") and e.when >= _hhmm(calendar) for e in events)
    steps = [
        Step(
            "sending a child home, or telling parents to keep the child at home, without a formal exclusion is "
            "unlawful; each time counts in law as an exclusion",
            f"{GUIDANCE}; {HERTS_GUIDE}",
            f"{len(events)} event(s) in the log",
        ),
        Step(
            "equivalent exclusion: sent home before the afternoon session = 0.5 day (the afternoon); told to "
            "keep the child at home for the day = 1 day; kept at home for the morning only = 0.5 day",
            convention("an exclusion runs in half-day steps; the session the child was sent home from counts"),
            f"total {days_text(sum(e.halves for e in events))} school day(s)",
            convention=True,
        ),
        Step(
            "sent home after the afternoon session has begun = 0.5 day as well: the rest of the afternoon is "
            "an afternoon exclusion, and an exclusion is never shorter than half a school day",
            convention("exclusions run in half-day steps (2012 Regs), and the law says nothing of part sessions"),
            "applies to: "
            + ", ".join(
                f"{in_words(e.day)} at {e.when}"
                for e in events
                if e.when not in ("all day", "morning", "afternoon") and e.when >= _hhmm(calendar)
            )
            if afternoon
            else f"no event in the log was after {_hhmm(calendar)}",
            convention=True,
        ),
        Step(
            "totals are kept per term and per school year in half days; 'more than 5' means 5.5 or more",
            f"{REGS} reg 4-6",
            "; ".join(
                f"{t.threshold.scope} {t.label}: more than {t.threshold.days} on {in_words(t.day)}" for t in crossings
            )
            or "no line crossed",
        ),
    ]
    return steps


def _hhmm(calendar: SchoolCalendar) -> str:
    return calendar.times.afternoon_starts.strftime("%H:%M")
