"""Whether each recorded date (provision started, board met, returned, review applied) was on time.

As of a date (``--as-of``, default today): a blank date whose deadline has not passed is
``not-yet-due (due DATE)``, ``missing`` only once it has. A recorded date before the event it
answers cannot be right, so it is never ``on-time``: ``before the exclusion (...)`` names both
dates and counts as an error in the row. A status is computed once per recorded text and due date
and then looked up: a case list repeats the same few dates many times over.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import NamedTuple

from sendcalc.calendar.engine import SchoolCalendar
from sendcalc.core.dates import parse_record_date

LONGEST_DATE = 40  # a recorded text longer than this is not a date worth remembering
STATUS_LIMIT = 200  # recorded texts remembered per due date


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
    day = parse_record_date(recorded, what)
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


STATUS_BYTES = 150  # one recorded text in a status memo, besides its characters


class StatusMemo(dict[str, Status]):
    """Recorded text -> Status against one due date; computed on first sight, then looked up.

    Shared by every case with the same calendar and due date, so a row's status is a dict lookup
    on text whose hash Python has already cached.
    """

    __slots__ = ("as_of", "calendar", "due", "remember", "what")

    def __init__(
        self, calendar: SchoolCalendar, due: Due, what: str, as_of: dt.date, remember: Callable[[int], None]
    ) -> None:
        super().__init__()
        self.calendar, self.due, self.what, self.as_of = calendar, due, what, as_of
        self.remember = remember  # the checker's count of the bytes its memos hold

    def __missing__(self, cell: str) -> Status:
        known = status(self.calendar, self.due, cell.strip(), what=self.what, as_of=self.as_of)
        if len(cell) <= LONGEST_DATE:
            if len(self) >= STATUS_LIMIT:
                self.clear()
            self.remember(STATUS_BYTES + len(cell))
            self[cell] = known
        return known
