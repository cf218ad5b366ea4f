"""Reading a child's earlier suspensions from a CSV or TOML file (the only I/O in the suspension domain).

CSV: a header row, then one suspension per row::

    date,time,days,exam,note
    2025-10-07,11:00,1,,hit another child
    2025-11-03,,2.5,,
    2025-11-20,not collected,1,no,
    2025-11-25,12:15,lunchtime,,

TOML: one ``[[suspension]]`` table per suspension with the same keys (``date`` may be a TOML date,
``time`` a string or TOML time).

``date`` (required) is the school day of the collection, or the first day when there is no time;
``time`` (optional) is the collection time, blank for "from the start of the day", or
``not collected`` when the child stayed until the end of the day; ``days`` (required) is the
length in half-day steps, or ``lunchtime`` for a lunchtime suspension (half a day in the totals,
back for the afternoon); ``kind`` (optional) is ``suspension`` or ``lunchtime``, and a lunchtime
needs no ``days``; ``exam`` (optional) yes/no; ``note`` is free text.
Every problem is one InputError naming the file, the row and the field.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from sendcalc.core.dates import parse_date, parse_time
from sendcalc.core.errors import InputError
from sendcalc.core.units import is_lunchtime, parse_days
from sendcalc.exclusions.history import HistoryRow
from sendcalc.readers.text import read_text

FIELDS = ("date", "time", "days", "kind", "exam", "note")
_ALIASES = {
    "date": "date",
    "day": "date",
    "on": "date",
    "time": "time",
    "picked_up": "time",
    "picked up": "time",
    "collected": "time",
    "days": "days",
    "length": "days",
    "kind": "kind",
    "type": "kind",
    "exam": "exam",
    "note": "note",
    "notes": "note",
    "reason": "note",
}
_NOT_COLLECTED = {"not collected", "not-collected", "not_collected", "end", "end of day", "end of the day"}
_SUSPENSION_KINDS = {"", "suspension", "fixed-term", "fixed term", "fixed-term exclusion", "fixed term exclusion"}
_YES = {"yes", "y", "true", "1", "x"}
_NO = {"no", "n", "false", "0", ""}


def read_history(path: str | Path) -> tuple[HistoryRow, ...]:
    """Read a history file (.toml, otherwise CSV); a missing or unreadable file is an InputError."""
    file = Path(path)
    text = read_text(path, "history file")
    if file.suffix.lower() == ".toml":
        return parse_history_toml(text, file.name)
    return parse_history_csv(text, "stdin" if str(path) == "-" else file.name)


def parse_history_csv(text: str, name: str = "history") -> tuple[HistoryRow, ...]:
    from sendcalc.readers.text import csv_rows

    header: list[str] | None = None
    rows: list[HistoryRow] = []
    number = 0
    for line_no, cells in csv_rows(text.splitlines(), name):
        if not any(c.strip() for c in cells) or cells[0].lstrip().startswith("#"):
            continue
        if header is None:
            header = _csv_header(cells, name, line_no)
            continue
        number += 1
        where = f"{name} row {number} (line {line_no})"
        if len(cells) > len(header):
            extra = [c for c in cells[len(header) :] if c.strip()]
            if extra:
                raise InputError(
                    f"{where}: more cells than the header ({len(header)} columns) has; check for a stray comma"
                )
        values = {field: cells[i].strip() if i < len(cells) else "" for i, field in enumerate(header)}
        rows.append(_row(where, values))
    if header is None:
        raise InputError(f"{name}: the file is empty; the first line must be the header date,time,days")
    return tuple(rows)


def _csv_header(cells: list[str], name: str, line_no: int) -> list[str]:
    header = []
    for cell in cells:
        key = cell.strip().lower()
        if key not in _ALIASES:
            raise InputError(
                f"{name} line {line_no}: unknown column {cell.strip()!r}; the header must name the columns "
                f"{', '.join(FIELDS)} (time, exam and note may be left out)"
            )
        header.append(_ALIASES[key])
    for needed in ("date", "days"):
        if needed not in header and not (needed == "days" and "kind" in header):
            raise InputError(f"{name} line {line_no}: no {needed!r} column; the header must be like date,time,days")
    if len(set(header)) != len(header):
        raise InputError(f"{name} line {line_no}: a column is named twice in the header")
    return header


RECORD_TABLES = ("suspension", "sent_home", "internal", "permanent", "health", "part_time")
"""The tables of a child's record file (readers/record.py); a history may be a whole record."""


def parse_history_toml(text: str, name: str = "history.toml") -> tuple[HistoryRow, ...]:
    """The suspensions of a TOML history, or of a whole record (its other tables are for `sendcalc record`)."""
    import tomllib

    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"{name}: not valid TOML: {exc}") from None
    unknown = set(doc) - {"suspensions", "child", "school", *RECORD_TABLES}
    if unknown:
        raise InputError(f"{name}: unknown table {sorted(unknown)[0]!r}; write one [[suspension]] table per suspension")
    return suspension_rows(doc.get("suspension", doc.get("suspensions", [])), name)


def suspension_rows(entries: Any, name: str) -> tuple[HistoryRow, ...]:
    """The ``[[suspension]]`` tables of a history or record file, each checked as a CSV row is."""
    if not isinstance(entries, list):
        raise InputError(f"{name}: write one [[suspension]] table per suspension")
    rows = []
    for number, entry in enumerate(entries, start=1):
        where = f"{name} suspension {number}"
        if not isinstance(entry, dict):
            raise InputError(f"{where}: must be a table with date, time and days")
        values: dict[str, str] = {}
        for key, value in entry.items():
            field = _ALIASES.get(str(key).lower())
            if field is None:
                raise InputError(f"{where}: unknown field {key!r}; use {', '.join(FIELDS)}")
            values[field] = toml_text(value)
        for needed in ("date", "days"):
            if needed not in values and not (needed == "days" and is_lunchtime(values.get("kind", ""))):
                raise InputError(f"{where}, field {needed!r}: missing; each suspension needs a date and days")
        rows.append(_row(where, values))
    return tuple(rows)


def toml_text(value: Any) -> str:
    """A TOML value as the text a CSV cell would hold (dates ISO, times HH:MM, booleans yes/no)."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def _row(where: str, values: dict[str, str]) -> HistoryRow:
    def fail(field: str, reason: str) -> InputError:
        return InputError(f"{where}, field {field!r}: {reason}")

    raw_date = values.get("date", "")
    if not raw_date:
        raise fail("date", "empty; give the school day of the suspension, e.g. 2025-11-18")
    try:
        on = parse_date(raw_date, what="date")
    except InputError as exc:
        raise fail("date", str(exc)) from None
    raw_time = values.get("time", "").strip()
    picked_up: dt.time | None = None
    not_collected = raw_time.lower() in _NOT_COLLECTED
    if raw_time and not not_collected:
        try:
            picked_up = parse_time(raw_time, what="collection time")
        except InputError as exc:
            raise fail("time", f"{exc}, leave it blank for the start of the day, or write 'not collected'") from None
    raw_days = values.get("days", "")
    raw_kind = values.get("kind", "").strip().lower()
    if raw_kind not in _SUSPENSION_KINDS and not is_lunchtime(raw_kind):
        raise fail("kind", f"{values['kind']!r} is not suspension or lunchtime")
    lunchtime = is_lunchtime(raw_kind) or is_lunchtime(raw_days)
    if lunchtime:
        if raw_days and not is_lunchtime(raw_days) and raw_days not in ("0.5", ".5", "half"):
            raise fail("days", f"a lunchtime suspension is half a day, not {raw_days!r}; leave days blank")
        if not_collected:
            raise fail("time", "a lunchtime suspension ends when the afternoon begins; give the collection time")
        halves = 1
    elif not raw_days:
        raise fail("days", "empty; give the length in days, e.g. 1, 2.5 or lunchtime")
    else:
        try:
            halves = parse_days(raw_days, what="value")
        except InputError as exc:
            raise fail("days", str(exc)) from None
    raw_exam = values.get("exam", "").strip().lower()
    if raw_exam not in _YES | _NO:
        raise fail("exam", f"{values['exam']!r} is not yes or no")
    return HistoryRow(
        where=where,
        on=on,
        picked_up=picked_up,
        not_collected=not_collected,
        halves=halves,
        exam=raw_exam in _YES,
        note=values.get("note", ""),
        lunchtime=lunchtime,
    )
