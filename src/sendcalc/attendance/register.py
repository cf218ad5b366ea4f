"""An attendance register: its marks, checked session by session against the school's calendar.

Every mark must fall on a session the school held (a planned-closure mark # may fall on a closure);
the same session twice is an error naming both rows. Reading the file is readers/register.py.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sendcalc.attendance.codes import Code, lookup, unknown_code_hint
from sendcalc.calendar.engine import SchoolCalendar
from sendcalc.calendar.model import Session
from sendcalc.core.dates import in_words, parse_record_date
from sendcalc.core.errors import InputError, SendcalcError

_BLANK = ("", "-")
SESSION_WORDS: dict[Session, str] = {"am": "morning", "pm": "afternoon"}


@dataclass(frozen=True)
class Mark:
    """One register entry: a session of a school day and its code; ``row`` is the file row it came from."""

    day: dt.date
    session: Session
    code: Code
    row: int


@dataclass(frozen=True)
class Register:
    source: str
    shape: str  # "sessions" or "days"
    marks: tuple[Mark, ...]  # sorted by date and session
    blank_cells: int  # cells with no mark ("" or "-"), skipped


def check_register(
    cells: list[tuple[int, str, Session, str]], calendar: SchoolCalendar, shown: str, shape: str
) -> Register:
    seen: dict[tuple[dt.date, Session], int] = {}
    marks: list[Mark] = []
    blanks = 0
    dates: dict[str, dt.date] = {}
    for number, date_text, session, code_text in cells:
        where = f"{shown}, row {number}"
        if code_text.strip() in _BLANK:
            blanks += 1
            continue
        day = dates.get(date_text)
        if day is None:
            day = dates[date_text] = parse_record_date(date_text, where)
        code = lookup(code_text)
        if code is None:
            raise InputError(f"{where}: unknown attendance code {code_text.strip()!r}. {unknown_code_hint(code_text)}")
        _check_session(calendar, day, session, code, where)
        key = (day, session)
        if key in seen:
            raise InputError(
                f"{shown}: rows {seen[key]} and {number} both give a mark for the {SESSION_WORDS[session]} "
                f"session of {in_words(day)}; keep one of them"
            )
        seen[key] = number
        marks.append(Mark(day, session, code, number))
    marks.sort(key=lambda m: (m.day, m.session))
    return Register(source=shown, shape=shape, marks=tuple(marks), blank_cells=blanks)


def _check_session(calendar: SchoolCalendar, day: dt.date, session: Session, code: Code, where: str) -> None:
    try:
        held = calendar.sessions_on(day)
    except SendcalcError as exc:
        raise exc.within(where) from None
    if session in held:
        return
    category, words = calendar.classify(day)
    # A planned-closure mark (#) on a day the calendar also has as a closure agrees with it.
    if code.code == "#" and category in ("inset", "occasional", "closure", "school day"):
        return
    if category == "school day":
        closures = "; ".join(c.describe() for c in calendar.closure_on(day)) or "a closure"
        raise InputError(
            f"{where}: the {SESSION_WORDS[session]} session of {in_words(day)} was not held ({closures}), "
            f"so it cannot have the mark {code.code!r}; remove the row or that closure"
        )
    raise InputError(
        f"{where}: {in_words(day)} is not a school day on the {calendar.name} calendar (it is {words}), "
        f"so it cannot have the mark {code.code!r}; check the date, or the calendar",
        fix="school-day",
    )
