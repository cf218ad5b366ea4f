"""Reading an attendance register exported as CSV (`sendcalc attendance --register FILE`).

Two shapes are accepted (`sendcalc guide attendance`):

- one row per session: ``date,session,code`` (session am/pm, morning/afternoon);
- one row per day with ``am`` and ``pm`` columns, the way schools print registers.

Column names may be in any case and padded with spaces; extra columns (a weekday, a comment) are
ignored. Every problem is an InputError naming the file and the row (the header is row 1, as in a
spreadsheet). The marks are checked against the calendar by attendance/register.py.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from pathlib import Path

from sendcalc.attendance.register import Register, check_register
from sendcalc.calendar.engine import SchoolCalendar
from sendcalc.calendar.model import Session
from sendcalc.core.errors import InputError
from sendcalc.readers.text import csv_rows, open_text

_SESSION_WORDS: dict[str, Session] = {
    "am": "am",
    "a.m.": "am",
    "morning": "am",
    "pm": "pm",
    "p.m.": "pm",
    "afternoon": "pm",
}
_DATE_NAMES = ("date", "day date", "session date")
_SESSION_NAMES = ("session", "am/pm", "am pm")
_CODE_NAMES = ("code", "mark", "attendance code", "register code")
_AM_NAMES = ("am", "morning", "am code", "am mark")
_PM_NAMES = ("pm", "afternoon", "pm code", "pm mark")


def _norm(name: str) -> str:
    return " ".join(name.replace("_", " ").strip().lower().split())


def _find(header: list[str], names: Iterable[str]) -> int | None:
    for name in names:
        if name in header:
            return header.index(name)
    return None


def _rows(lines: Iterable[str], shown: str) -> Iterator[tuple[int, list[str]]]:
    """CSV rows with the spreadsheet row number of each (blank lines are skipped)."""
    for number, cells in csv_rows(lines, shown):
        if any(c.strip() for c in cells):
            yield number, cells


def read_register(path: str | Path, calendar: SchoolCalendar) -> Register:
    """Read and check a register file; see the module docstring for the formats."""
    shown = str(path)
    with open_text(path, "register file") as lines:
        try:
            return read_register_lines(lines, calendar, shown)
        except csv.Error as exc:
            raise InputError(f"{shown}: is not a readable CSV file ({exc})") from None


def read_register_lines(lines: Iterable[str], calendar: SchoolCalendar, shown: str = "register") -> Register:
    rows = _rows(lines, shown)
    try:
        header_row, raw_header = next(rows)
    except StopIteration:
        raise InputError(f"{shown}: the file is empty; it needs a header row such as date,session,code") from None
    header = [_norm(h) for h in raw_header]
    date_col = _find(header, _DATE_NAMES)
    session_col, code_col = _find(header, _SESSION_NAMES), _find(header, _CODE_NAMES)
    am_col, pm_col = _find(header, _AM_NAMES), _find(header, _PM_NAMES)
    if date_col is None:
        raise InputError(
            f"{shown}, row {header_row}: the header has no 'date' column (it has {', '.join(raw_header)}); "
            "the first row must name the columns: date,session,code or date,am,pm"
        )
    cells: list[tuple[int, str, Session, str]] = []  # (row, date text, session, code text)
    if session_col is not None and code_col is not None:
        shape = "sessions"
        for number, row in rows:
            date_text, session_text, code_text = (
                _cell(row, date_col),
                _cell(row, session_col),
                _cell(row, code_col),
            )
            session = _SESSION_WORDS.get(session_text.strip().lower())
            if session is None:
                raise InputError(f"{shown}, row {number}: session {session_text!r} must be am or pm")
            cells.append((number, date_text, session, code_text))
    elif am_col is not None and pm_col is not None:
        shape = "days"
        for number, row in rows:
            date_text = _cell(row, date_col)
            cells.append((number, date_text, "am", _cell(row, am_col)))
            cells.append((number, date_text, "pm", _cell(row, pm_col)))
    else:
        raise InputError(
            f"{shown}, row {header_row}: the header ({', '.join(raw_header)}) needs either session and code "
            "columns (one row per session) or am and pm columns (one row per day)"
        )
    return check_register(cells, calendar, shown, shape)


def _cell(row: list[str], col: int) -> str:
    return row[col] if col < len(row) else ""
