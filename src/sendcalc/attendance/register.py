"""Reading an attendance register exported as CSV, checked row by row against the school's calendar.

Two shapes are accepted (`sendcalc guide attendance`):

- one row per session: ``date,session,code`` (session am/pm, morning/afternoon);
- one row per day with ``am`` and ``pm`` columns, the way schools print registers.

Column names may be in any case and padded with spaces; extra columns (a weekday, a comment) are ignored.
Files may be UTF-8 with or without a byte-order mark, with Unix or Windows line ends. Dates are ISO
(2025-11-18) or day first (18/11/2025, 18-11-25, 18.11.2025). The file is read as a stream; every
problem is an InputError naming the file and the row (the header is row 1, as in a spreadsheet).
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sendcalc.attendance.codes import Code, lookup, unknown_code_hint
from sendcalc.calendar.model import SchoolCalendar, Session
from sendcalc.core.dates import in_words, parse_record_date
from sendcalc.core.errors import InputError, SendcalcError
from sendcalc.readers.text import csv_rows, decoded_lines

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
    try:
        with open(path, "rb") as handle:
            return read_register_lines(decoded_lines(handle), calendar, shown)
    except FileNotFoundError:
        raise InputError(f"register file {shown!r} does not exist; check the path") from None
    except IsADirectoryError:
        raise InputError(f"{shown!r} is a folder, not a register file") from None
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{shown}: is not UTF-8 text ({exc.reason} at byte {exc.start}); "
            "save it from the spreadsheet as 'CSV UTF-8'"
        ) from None
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
    return _check(cells, calendar, shown, shape)


def _cell(row: list[str], col: int) -> str:
    return row[col] if col < len(row) else ""


def _check(cells: list[tuple[int, str, Session, str]], calendar: SchoolCalendar, shown: str, shape: str) -> Register:
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
        raise type(exc)(f"{where}: {exc}") from None
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
            f"so it cannot have the mark {code.code!r}; remove the row or the --closure"
        )
    raise InputError(
        f"{where}: {in_words(day)} is not a school day on the {calendar.name} calendar (it is {words}), "
        f"so it cannot have the mark {code.code!r}; check the date, or the calendar (--calendar, --inset, --closure)"
    )
