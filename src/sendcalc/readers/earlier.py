"""Reading a file of earlier health absence this school year (`sendcalc absence --earlier FILE`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from sendcalc.attendance.health import Earlier, EarlierDay
from sendcalc.calendar.engine import SchoolCalendar
from sendcalc.core.dates import in_words, parse_record_date
from sendcalc.core.errors import InputError, OutOfRangeError
from sendcalc.readers.text import csv_rows, open_text


def read_earlier(path: str | Path, calendar: SchoolCalendar, *, what: str = "file of earlier absence") -> Earlier:
    """Read a file of earlier health absence (see :func:`read_earlier_lines`); ``what`` names it in messages."""
    with open_text(path, what) as lines:
        return read_earlier_lines(lines, calendar, str(path))


def read_earlier_lines(lines: Iterable[str], calendar: SchoolCalendar, shown: str = "earlier absence") -> Earlier:
    """Earlier health absence, one entry a line: DATE, 'DATE,am', 'DATE,pm', 'FIRST,LAST' or 'FIRST to LAST'.

    A header line (date,...) and lines starting with # are skipped. Ranges count their school days;
    a single date must be a school day. The same date twice is an error naming both lines.
    """
    seen: dict[dt.date, int] = {}
    days: list[EarlierDay] = []
    for number, cells in csv_rows(lines, shown):
        cells = [c.strip() for c in cells]
        while cells and not cells[-1]:
            cells.pop()
        if not cells or cells[0].startswith("#"):
            continue
        where = f"{shown}, line {number}"
        if len(cells) == 1 and " to " in cells[0].lower():
            head, _, tail = cells[0].lower().partition(" to ")
            cells = [head.strip(), tail.strip()]
        if cells[0].lower() in ("date", "from", "first", "first day"):
            continue
        if len(cells) > 2:
            raise InputError(f"{where}: expected DATE, 'DATE,am|pm' or 'FIRST,LAST', not {','.join(cells)!r}")
        first = parse_record_date(cells[0], where)
        if len(cells) == 1 or cells[1].lower() in ("am", "pm", "morning", "afternoon", "all day", "day"):
            half = len(cells) > 1 and cells[1].lower() not in ("all day", "day")
            entries = [(first, 1 if half else 2)]
            _require_school_day(calendar, first, where)
        else:
            last = parse_record_date(cells[1], where)
            if last < first:
                raise InputError(f"{where}: the range ends on {in_words(last)}, before it starts ({in_words(first)})")
            try:
                entries = [(d, 2) for d in calendar.school_days(first, last)]
            except OutOfRangeError as exc:
                raise exc.within(where) from None
        for day, halves in entries:
            if day in seen:
                raise InputError(f"{shown}: lines {seen[day]} and {number} both include {in_words(day)}")
            seen[day] = number
            days.append(EarlierDay(day, halves, number))
    days.sort(key=lambda e: e.day)
    return Earlier(source=shown, halves=sum(e.halves for e in days), days=tuple(days))


def _require_school_day(calendar: SchoolCalendar, day: dt.date, where: str) -> None:
    try:
        ok = calendar.is_school_day(day)
    except OutOfRangeError as exc:
        raise exc.within(where) from None
    if not ok:
        raise InputError(f"{where}: {in_words(day)} is not a school day (it is {calendar.day_kind(day)})")
