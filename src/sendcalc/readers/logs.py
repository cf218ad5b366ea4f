"""Reading the sent-home log, and adding an event to it safely.

The log is a CSV file ``date,time,note``; ``time`` is a clock time (sent home then), ``all day``
(told to keep the child at home), ``morning`` (kept at home for the morning only) or ``afternoon``.
Adding holds an exclusive lock on the log while it reads, checks and appends, so two additions at
once cannot both pass the duplicate check; the new line keeps the file's own line ends and encoding.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable, Iterable
from pathlib import Path

from sendcalc.attendance.sent_home import RawEvent
from sendcalc.core.dates import parse_date, parse_time
from sendcalc.core.errors import InputError
from sendcalc.readers.append import append_locked
from sendcalc.readers.text import csv_rows, open_text

LOG_HEADER = ("date", "time", "note")
_ALL_DAY = ("all day", "all-day", "allday", "day", "whole day", "full day", "kept home", "keep home")
_MORNING = ("morning", "am", "morning only")
_AFTERNOON = ("afternoon", "pm", "lunchtime", "lunch")
_HAS_DIGIT = re.compile(r"\d")


def parse_when(text: str, where: str) -> str:
    """'all day', 'morning', 'afternoon', or a clock time 'HH:MM' (from 11:30, 11.30, 2pm)."""
    low = " ".join(text.strip().lower().split())
    if low in _ALL_DAY:
        return "all day"
    if low in _MORNING:
        return "morning"
    if low in _AFTERNOON:
        return "afternoon"
    try:
        return parse_time(low, what="time").strftime("%H:%M")
    except InputError:
        raise InputError(
            f"{where}: {text.strip()!r} is not a time; write the time the school sent the child home (11:30, "
            "2pm), or 'all day' if you were told to keep the child at home, or 'morning'"
        ) from None


def parse_log_date(text: str, where: str) -> dt.date:
    """A date written in a log: it must be a real date, not 'today' or a weekday name (they change meaning)."""
    if not _HAS_DIGIT.search(text):
        raise InputError(f"{where}: write the date itself (18/11/2025), not {text.strip()!r}")
    try:
        return parse_date(text, what="date")
    except InputError as exc:
        raise InputError(f"{where}: {exc}") from None


def read_log(path: str | Path) -> list[RawEvent]:
    """The events of a log file; a missing file says how to start one."""
    if str(path) != "-" and not Path(path).exists():
        raise InputError(
            f"log file {str(path)!r} does not exist; start one with: sendcalc sent-home add {path} DATE TIME"
        )
    with open_text(path, "log file") as lines:
        return read_log_lines(lines, str(path))


def read_log_lines(lines: Iterable[str], shown: str = "log") -> list[RawEvent]:
    """Rows of ``date,time,note`` (header optional, any case; a note may hold commas if quoted)."""
    events: list[RawEvent] = []
    for number, cells in csv_rows(lines, shown):
        cells = [c.strip() for c in cells]
        if not any(cells) or cells[0].startswith("#"):
            continue
        if [c.lower() for c in cells[:2]] in (["date", "time"], ["date", "when"]):
            continue
        where = f"{shown}, row {number}"
        if len(cells) < 2 or not cells[1]:
            raise InputError(f"{where}: needs a date and a time (or 'all day'), e.g. 2025-11-18,11:30,note")
        note = ",".join(cells[2:]).strip()
        events.append(RawEvent(parse_log_date(cells[0], where), parse_when(cells[1], where), note, number))
    return events


def log_line(day: dt.date, when: str, note: str) -> str:
    """One CSV line for the log file (quoted as needed)."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow([day.isoformat(), when, note])
    return out.getvalue()


def append_event(path: str | Path, new: RawEvent, check: Callable[[list[RawEvent]], None]) -> None:
    """Add ``new`` to the log at ``path`` (created with its header if needed), safely (readers/append.py).

    ``check`` sees the events already in the log, read under the lock, and raises to refuse the new one
    (a duplicate, a closed day).
    """

    def make(existing: str) -> str:
        check(read_log_lines(existing.splitlines(keepends=True), str(path)) if existing.strip() else [])
        header = ",".join(LOG_HEADER) + "\n" if not existing.strip() else ""
        return header + log_line(new.day, new.when, new.note)

    append_locked(path, "log file", make)
