"""Whether each recorded date (provision started, board met, returned, review applied) was on time.

As of a date (``--as-of``, default today): a blank date whose deadline has not passed is
``not-yet-due (due DATE)``, ``missing`` only once it has. A recorded date before the event it
answers cannot be right, so it is never ``on-time``: ``before the exclusion (...)`` names both
dates, and the checker counts the row apart from breaches and errors.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from sendcalc.batch.rows import RecordDates
from sendcalc.calendar.engine import SchoolCalendar
from sendcalc.core.dates import parse_record_date


class Status(NamedTuple):
    text: str
    breach: bool  # missing, or late
    wrong: bool  # a recorded date that cannot be right (before the event it answers)


class Due(NamedTuple):
    """What a recorded date is checked against: its deadline, and the event it answers."""

    date: dt.date | None  # None: nothing was due
    required: bool  # a duty (missing is a breach), not a right the family may use
    event: dt.date  # the exclusion's date (the board's decision, for a review application)
    event_name: str  # 'the exclusion', "the board's decision"


def status(calendar: SchoolCalendar, due: Due, recorded: str, *, what: str, as_of: dt.date) -> Status:
    """One recorded date against its due date, as of ``as_of``."""
    if due.date is None:
        return _status("not-required")
    if not recorded:
        if not due.required:
            return _status("not-required")
        if due.date >= as_of:
            return _status(f"not-yet-due (due {due.date.isoformat()})")
        return _status("missing")
    return judged(calendar, due, parse_record_date(recorded, what))


def judged(calendar: SchoolCalendar, due: Due, day: dt.date) -> Status:
    """A recorded date against a due date that is not None."""
    assert due.date is not None
    if day < due.event:
        return _status(f"before {due.event_name} ({day.isoformat()} is before {due.event.isoformat()})")
    if day <= due.date:
        return _status("on-time")
    late = calendar.count_school_days(due.date, day, inclusive="end")
    if late == 0:
        return _status("on-time")
    return _status(f"late by {late} school day{'s' if late > 1 else ''}")


_KNOWN: dict[str, Status] = {}


def _status(text: str) -> Status:
    """One shared Status per text: few, and hot in memory."""
    known = _KNOWN.get(text)
    if known is None:
        known = _KNOWN[text] = Status(text, text == "missing" or text.startswith("late"), text.startswith("before"))
    return known


class Statuses:
    """The status of any recorded date against any due date, as of one day (each date text read once)."""

    def __init__(self, as_of: dt.date) -> None:
        self.as_of = as_of
        self._read = RecordDates()

    def of(self, calendar: SchoolCalendar, due: Due, cell: str, what: str) -> Status:
        if due.date is None:
            return _status("not-required")
        text = cell.strip()
        if not text:
            return status(calendar, due, "", what=what, as_of=self.as_of)
        return judged(calendar, due, self._read(text, what))
