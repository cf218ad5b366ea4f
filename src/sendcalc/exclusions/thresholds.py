"""The 5, 15 and 45 school-day lines and the governing board's duty (2012 Regs reg 4-6).

Every comparison is on integers of half days: "more than 5" means 5.5 or more (11 halves or
more), "more than 15" means 15.5 or more, and 45.0 is lawful while 45.5 is not.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from sendcalc.core import sources
from sendcalc.core.dates import in_words
from sendcalc.core.errors import InputError
from sendcalc.core.units import days_text

if TYPE_CHECKING:
    from sendcalc.calendar.model import SchoolCalendar

FIVE_DAYS = 10
"""A term total above this many half days (5 school days) brings the board duty and the head's notice duty."""
FIFTEEN_DAYS = 30
"""A term total above this many half days (15 school days) means the board must meet within 15 school days."""
CAP = 90
"""More than this many half days (45 school days) of suspension in one school year is unlawful."""

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


def days_words(halves: int) -> str:
    """Half days in words for sentences: '1 day', '0.5 day', '2.5 days'."""
    return f"{days_text(halves)} day" + ("" if halves <= 2 else "s")
