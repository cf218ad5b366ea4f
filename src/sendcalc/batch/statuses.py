"""Whether each recorded date (provision started, board met, returned, review applied) was on time.

A status is computed once per recorded text and due date and then looked up: a case list repeats
the same few dates many times over.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sendcalc.calendar.engine import SchoolCalendar
from sendcalc.core.dates import parse_record_date

LONGEST_DATE = 40  # a recorded text longer than this is not a date worth remembering
STATUS_LIMIT = 200  # recorded texts remembered per due date


def status(calendar: SchoolCalendar, due: dt.date | None, recorded: str, *, required: bool, what: str) -> str:
    """on-time, late by N school days, missing, or not-required, for one recorded date against its due date."""
    if due is None:
        return "not-required"
    if not recorded:
        return "missing" if required else "not-required"
    day = parse_record_date(recorded, what)
    if day <= due:
        return "on-time"
    late = calendar.count_school_days(due, day, inclusive="end")
    if late == 0:
        return "on-time"
    return f"late by {late} school day{'s' if late > 1 else ''}"


_KNOWN: dict[str, tuple[str, bool]] = {}
STATUS_BYTES = 150  # one recorded text in a status memo, besides its characters


class StatusMemo(dict[str, tuple[str, bool]]):
    """Recorded text -> (status, breach) against one due date; computed on first sight, then looked up.

    Shared by every case with the same calendar, due date and duty, so a row's status is a
    dict lookup on text whose hash Python has already cached.
    """

    __slots__ = ("calendar", "due", "remember", "required", "what")

    def __init__(
        self, calendar: SchoolCalendar, due: dt.date | None, required: bool, what: str, remember: Callable[[int], None]
    ) -> None:
        super().__init__()
        self.calendar, self.due, self.required, self.what = calendar, due, required, what
        self.remember = remember  # the checker's count of the bytes its memos hold

    def __missing__(self, cell: str) -> tuple[str, bool]:
        text = status(self.calendar, self.due, cell.strip(), required=self.required, what=self.what)
        known = _KNOWN.get(text)
        if known is None:  # one shared (status, breach) pair per status text: few, and hot in memory
            known = _KNOWN[text] = (text, text == "missing" or text.startswith("late"))
        if len(cell) <= LONGEST_DATE:
            if len(self) >= STATUS_LIMIT:
                self.clear()
            self.remember(STATUS_BYTES + len(cell))
            self[cell] = known
        return known
