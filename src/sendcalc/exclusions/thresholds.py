"""The 5, 15 and 45 school-day lines and the governing board's duty (2012 Regs reg 4-6).

Every comparison is on integers of half days: "more than 5" means 5.5 or more (11 halves or
more), "more than 15" means 15.5 or more, and 45.0 is lawful while 45.5 is not.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, NamedTuple

from sendcalc.core import sources
from sendcalc.core.dates import in_words
from sendcalc.core.errors import InputError
from sendcalc.core.units import days_text, days_words

if TYPE_CHECKING:
    from sendcalc.calendar.engine import SchoolCalendar

FIVE_DAYS = 10
"""A term total above this many half days (5 school days) brings the board duty and the head's notice duty."""
FIFTEEN_DAYS = 30
"""A term total above this many half days (15 school days) means the board must meet within 15 school days."""
CAP = 90
"""More than this many half days (45 school days) of suspension in one school year is unlawful."""

Scope = Literal["term", "school year"]


@dataclass(frozen=True)
class Line:
    """A line a running total can go above, what going above it means, and where that is written."""

    halves: int
    scope: Scope
    meaning: str
    source: str

    @property
    def days(self) -> int:
        return self.halves // 2


LINES = (
    Line(
        FIVE_DAYS,
        "term",
        "above 5 days in the term: the head must tell the governing board and the local authority; the board must "
        "consider reinstatement if the parents ask (within 50 school days)",
        f"{sources.HEAD_NOTICE}; {sources.BOARD_IF_ASKED}",
    ),
    Line(
        FIFTEEN_DAYS,
        "term",
        "above 15 days in the term: the governing board must consider reinstatement within 15 school days",
        sources.BOARD_MUST,
    ),
    Line(
        FIVE_DAYS,
        "school year",
        "above 5 days in the school year: the Hertfordshire parents' guide reads the line over the year; the "
        "Regulations count it per term, so it brings no duty by itself",
        sources.YEAR_READING,
    ),
    Line(
        FIFTEEN_DAYS,
        "school year",
        "above 15 days in the school year: the Hertfordshire parents' guide reads the line over the year; the "
        "Regulations count it per term, so it brings no duty by itself",
        sources.YEAR_READING,
    ),
    Line(
        CAP,
        "school year",
        "above 45 school days in a school year: unlawful (2012 Regs reg 4); no further suspension is lawful",
        sources.CAP,
    ),
)
"""The one table of the 5, 15 and 45 day lines: every command and view reads its meanings here."""


@dataclass(frozen=True)
class Crossing:
    """Where a running total first went above a line: by which entry (its position and label), on which date."""

    line: Line
    period: str  # the term ('autumn 2025-26') or school year ('2025-26')
    entry: int
    by: str
    date: dt.date
    halves_after: int

    @property
    def scope(self) -> Scope:
        return self.line.scope

    @property
    def threshold_halves(self) -> int:
        return self.line.halves


def lines(scope: Scope) -> tuple[Line, ...]:
    return tuple(line for line in LINES if line.scope == scope)


def line(scope: Scope, halves: int) -> Line:
    """The line of ``scope`` at ``halves`` (one of 10, 30, 90)."""
    return next(x for x in LINES if x.scope == scope and x.halves == halves)


def term_band(term_halves: int) -> str:
    """What a term total means, in a parent's words: the band it falls in."""
    if term_halves > FIFTEEN_DAYS:
        return "more than 15 in the term: the board must consider reinstatement within 15 school days"
    if term_halves > FIVE_DAYS:
        return (
            "more than 5 in the term: the head must tell the board and the LA; the board must consider "
            "reinstatement if the parents ask (within 50 school days)"
        )
    return "5 or fewer in the term: the board must consider any representations; no meeting, no deadline"


def year_band(year_halves: int) -> str:
    """What a school-year total means against the 45-day cap, in a parent's words."""
    if year_halves > CAP:
        return f"more than 45 in the school year: UNLAWFUL ({days_text(year_halves - CAP)} over the cap)"
    return f"45-day yearly cap: {days_words(CAP - year_halves)} left this school year"


Duty = Literal["consider-representations", "if-parents-ask", "must-consider"]


@dataclass(frozen=True)
class BoardDuty:
    """What the governing board must do, and within how many school days of receiving notice."""

    duty: Duty
    school_days: int | None
    meaning: str
    source: str


_NO_DUTY = BoardDuty(
    "consider-representations",
    None,
    "the governing board must consider any representations the parents make, but it cannot reinstate "
    "and no meeting is required; there is no deadline",
    sources.BOARD_NO_DUTY,
)
_IF_ASKED = BoardDuty(
    "if-parents-ask",
    50,
    "the governing board must consider reinstatement only if the parents make representations, "
    "within 50 school days of receiving notice",
    sources.BOARD_IF_ASKED,
)
_MUST = BoardDuty(
    "must-consider",
    15,
    "the governing board must consider reinstatement (a meeting the parents can attend) "
    "within 15 school days of receiving notice",
    sources.BOARD_MUST,
)
_EXAM = BoardDuty(
    "must-consider",
    15,
    "the child would miss a public exam or National Curriculum test: the governing board must consider "
    "reinstatement within 15 school days of receiving notice, and before the exam where reasonably practicable",
    sources.BOARD_EXAM,
)
_PERMANENT = BoardDuty(
    "must-consider",
    15,
    "permanent exclusion: the governing board must consider reinstatement (a meeting the parents can attend) "
    "within 15 school days of receiving notice",
    sources.BOARD_PERMANENT,
)


def board_duty(term_halves: int, *, exam: bool = False, permanent: bool = False) -> BoardDuty:
    """The governing board's duty for a term total (half days, this suspension included).

    5 or less (<= 10 halves): consider representations, no deadline; more than 5 up to 15
    (11..30): only if the parents ask, 50 school days; more than 15 (>= 31): must consider,
    15 school days. A missed public exam and a permanent exclusion are always 15 school days.
    """
    if permanent:
        return _PERMANENT
    if term_halves > FIFTEEN_DAYS:
        return _MUST
    if exam:
        return _EXAM
    if term_halves > FIVE_DAYS:
        return _IF_ASKED
    return _NO_DUTY


def head_must_notify(term_halves: int, *, exam: bool = False, permanent: bool = False) -> bool:
    """The head's extra duty to tell the board and the LA without delay (2012 Regs reg 5(2))."""
    return permanent or exam or term_halves > FIVE_DAYS


def over_cap(year_halves: int) -> bool:
    """True when a school-year total is above 45 school days (45.5 or more): unlawful."""
    return year_halves > CAP


@dataclass(frozen=True)
class BoardDecision:
    """The board's duty with its dated deadline. ``deadline_passed`` is None unless a 'today' was given."""

    duty: Duty
    school_days: int | None
    deadline: dt.date | None
    notice_date: dt.date
    notice_given: bool
    meaning: str
    source: str
    deadline_passed: bool | None = None


def require_notice_after(notice: dt.date, on: dt.date) -> None:
    """The board cannot receive notice of an exclusion before it happened: that is a typing mistake."""
    if notice < on:
        raise InputError(
            f"the notice date {in_words(notice)} is before the exclusion on {in_words(on)}; "
            "give the day the governing board received notice (it is due without delay)"
        )


def board_decision(
    calendar: SchoolCalendar,
    duty: BoardDuty,
    notice_date: dt.date,
    *,
    notice_given: bool,
    today: dt.date | None = None,
) -> BoardDecision:
    """Date the board's deadline: the day of notice is day 0, the deadline its 15th (or 50th) school day after.

    A late decision is still valid: a passed deadline is reported as passed, never as void.
    """
    deadline = calendar.school_day_offset(notice_date, duty.school_days) if duty.school_days else None
    passed = None if today is None or deadline is None else today > deadline
    return BoardDecision(
        duty=duty.duty,
        school_days=duty.school_days,
        deadline=deadline,
        notice_date=notice_date,
        notice_given=notice_given,
        meaning=duty.meaning,
        source=duty.source,
        deadline_passed=passed,
    )


class Piece(NamedTuple):
    """Half days of exclusion on one date, counted in a term and a school year, and where they were written."""

    day: dt.date
    term: str
    school_year: str
    halves: int
    by: str


@dataclass(frozen=True)
class Tally:
    """Running totals of pieces in date order: each piece's totals after it, the totals, the lines crossed."""

    after: tuple[tuple[int, int], ...]  # (term total, school-year total) after each piece, in the order given
    terms: dict[str, tuple[int, int]]  # term label -> (half days, pieces)
    years: dict[str, tuple[int, int]]
    crossings: tuple[Crossing, ...]


def tally(pieces: Sequence[Piece]) -> Tally:
    """Add pieces (already in date order) to running totals per term and school year, noting each line crossed.

    The one running count of the 5, 15 and 45 lines for exclusions that are not a formal suspension's own
    (sent home, a part-time timetable without agreement, and these added to the formal ones)."""
    terms: dict[str, tuple[int, int]] = {}
    years: dict[str, tuple[int, int]] = {}
    after, crossings = [], []
    for number, piece in enumerate(pieces):
        term, year = terms.get(piece.term, (0, 0)), years.get(piece.school_year, (0, 0))
        terms[piece.term] = (term[0] + piece.halves, term[1] + 1)
        years[piece.school_year] = (year[0] + piece.halves, year[1] + 1)
        before_after = {"term": (term[0], terms[piece.term][0]), "school year": (year[0], years[piece.school_year][0])}
        after.append((terms[piece.term][0], years[piece.school_year][0]))
        for line in LINES:
            before, now = before_after[line.scope]
            if before <= line.halves < now:
                period = piece.term if line.scope == "term" else piece.school_year
                crossings.append(Crossing(line, period, number, piece.by, piece.day, now))
    return Tally(tuple(after), terms, years, tuple(crossings))
