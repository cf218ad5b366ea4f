"""Reading the inputs of a case-list row: its start (kind, date, collection time) and the rest of it.

A row's cells are joined into memo keys (separated by U+001F, which no date, time or name holds)
and read back from them here, so each distinct text is read once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from operator import itemgetter
from typing import Any

from sendcalc.calendar.engine import SchoolCalendar
from sendcalc.core.dates import parse_record_date, parse_time
from sendcalc.core.errors import InputError, SendcalcError
from sendcalc.core.school_age import Pupil, parse_year_group
from sendcalc.core.units import is_lunchtime, parse_days
from sendcalc.core.words import NOT_COLLECTED, is_yes

SEPARATOR = "\x1f"
# what to do about an error in a case list, in its own words (the domain says what is wrong)
HINTS = {
    "school-day": "give the date of the school day it happened (or the school's own dates in the calendar or "
    "inset column)",
    "school-year": "name a calendar file with that school year in the calendar column",
}


def error_text(exc: SendcalcError) -> str:
    """An error as the cell of its row: the domain's message and what to change in the file."""
    hint = HINTS.get(exc.fix) if exc.fix else None
    return f"{exc}; {hint}" if hint else str(exc)


def read_rest(kind: str, given: Mapping[str, str]) -> tuple[Any, ...]:
    """The rest of a row's inputs (its length, notice date and the rest), read: ``dates_from``'s kind,
    halves, notice_date, previous_halves, exam, pru, decision_notice, decision_posted and pupil."""
    days = given.get("days", "")
    notice = given.get("notice_date", "")
    previous = given.get("previous", "")
    decision = given.get("decision_notice", "")
    year_group = given.get("year_group", "")
    dob = given.get("dob", "")
    halves = 1 if kind == "lunchtime" else 2
    if kind == "suspension" and days:
        if is_lunchtime(days):
            raise InputError("days 'lunchtime': write lunchtime in the kind column (a lunchtime is its own kind)")
        halves = parse_days(days, what="days")
    if kind == "lunchtime" and days and not is_lunchtime(days) and parse_days(days, what="days") != 1:
        raise InputError(f"a lunchtime suspension is half a day, but days is {days!r}")
    pupil = Pupil(
        year_group=parse_year_group(year_group) if year_group else None,
        dob=parse_record_date(dob, "dob") if dob else None,
        exams_finished=is_yes(given.get("exams_finished", "")),
        plan_fewer_hours=is_yes(given.get("plan_fewer_hours", "")),
    )
    return (
        kind,
        halves,
        parse_record_date(notice, "notice_date") if notice else None,
        parse_days(previous, what="previous", allow_zero=True) if previous else 0,
        is_yes(given.get("exam", "")),
        is_yes(given.get("pru", "")),
        parse_record_date(decision, "decision_notice") if decision else None,
        is_yes(given.get("decision_posted", "")),
        pupil if pupil != NO_PUPIL else None,
    )


NO_PUPIL = Pupil()


def split_key(names: tuple[str, ...], text: str) -> dict[str, str]:
    """A memo key's text back into its fields, trimmed."""
    parts = text.split(SEPARATOR) if names else []
    if len(parts) != len(names):  # the separator of the memo's keys was in a cell
        raise InputError(
            "a cell of this row holds the control character U+001F (unit separator), which no date, time or "
            "name has; remove it from the file"
        )
    return {name: part.strip() for name, part in zip(names, parts, strict=True)}


def getter(columns: list[int]) -> Callable[[Sequence[str | None]], tuple[str | None, ...]]:
    """The cells at ``columns`` of a row, always as a tuple."""
    if len(columns) > 1:
        return itemgetter(*columns)
    if columns:
        one = columns[0]
        return lambda row: (row[one],)
    return lambda row: ()


def start_time(
    calendar: SchoolCalendar, time_text: str, session: str, *, lunchtime: bool = False
) -> tuple[dt.time | None, bool]:
    """Collection time from the row (a lunchtime suspension with no time starts when the midday break begins)."""
    low = time_text.lower()
    if low in NOT_COLLECTED:
        return None, True
    if time_text:
        return parse_time(time_text, what="time"), False
    if lunchtime and session:
        raise InputError(f"session {session!r}: a lunchtime suspension is over the midday break; leave session blank")
    if session.lower() == "pm":
        return calendar.times.afternoon_starts, False
    if session and session.lower() != "am":
        raise InputError(f"session {session!r} is not am or pm")
    return None, False


class RecordDates:
    """Dates in a case list's cells, each text read once: a list repeats the same few hundred dates, typed a
    few ways. Only dates are kept; a text that is not a date is read again where it appears, so its error
    names the column it is in."""

    LONGEST = 40  # a longer text is not a date worth remembering
    KEPT = 20_000  # texts remembered (a few MB at most)

    def __init__(self) -> None:
        self._days: dict[str, dt.date] = {}

    def __call__(self, text: str, what: str) -> dt.date:
        day = self._days.get(text)
        if day is None:
            day = parse_record_date(text, what)
            if len(text) <= self.LONGEST:
                if len(self._days) >= self.KEPT:
                    self._days.clear()
                self._days[text] = day
        return day
