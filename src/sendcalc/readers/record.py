"""Reading a child's record file (TOML), and writing one: `sendcalc record`, `record add`, `record convert`.

One table per event, each kind its own array of tables::

    child = "Sam"
    school = "Oak Primary"

    [[suspension]]        # date, time, days (or kind = "lunchtime"), exam, note: as a history file
    [[permanent]]         # date, time, note
    [[sent_home]]         # date, time (11:30, "all day", "morning", "afternoon"), note
    [[internal]]          # date, days (0.5 a session, 1 a day) or lessons (a number), reason
    [[health]]            # from, to (left out while the child is still off), note
    [[part_time]]         # from, to, attends ("mon-am,tue,wed"), agreed (true/false), note

Every problem is one InputError naming the file, the table, its number and the field.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from sendcalc.attendance.part_time import parse_attends
from sendcalc.attendance.sent_home import RawEvent
from sendcalc.core.errors import InputError
from sendcalc.core.units import parse_days
from sendcalc.readers.history import RECORD_TABLES, suspension_rows, toml_text
from sendcalc.readers.logs import parse_log_date, parse_when
from sendcalc.readers.text import read_text
from sendcalc.record.model import HealthPeriod, Internal, PartTimePeriod, PermanentEntry, Record

FIELDS = {
    "sent_home": ("date", "time", "note"),
    "internal": ("date", "days", "lessons", "reason", "note"),
    "permanent": ("date", "time", "note"),
    "health": ("from", "to", "note"),
    "part_time": ("from", "to", "attends", "agreed", "note"),
}
_YES, _NO = {"yes", "true", "y", "agreed"}, {"no", "false", "n", "not agreed", ""}


def read_record(path: str) -> Record:
    """The record in the file at ``path`` (``-`` for stdin)."""
    shown = "stdin" if path == "-" else Path(path).name
    return parse_record(read_text(path, "record file"), shown)


def parse_record(text: str, name: str) -> Record:
    import tomllib

    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"{name}: not valid TOML: {exc}; see: sendcalc guide exclusions") from None
    unknown = set(doc) - {"child", "school", *RECORD_TABLES}
    if unknown:
        raise InputError(
            f"{name}: unknown table or key {sorted(unknown)[0]!r}; a record has child, school and the tables "
            + ", ".join(f"[[{t}]]" for t in RECORD_TABLES)
        )
    tables = {kind: _tables(doc, kind, name) for kind in FIELDS}
    return Record(
        source=name,
        child=_one_line(doc.get("child", ""), f"{name}: child"),
        school=_one_line(doc.get("school", ""), f"{name}: school"),
        suspensions=suspension_rows(doc.get("suspension", []), name),
        sent_home=tuple(_sent_home(where, v, n) for n, (where, v) in enumerate(tables["sent_home"], start=1)),
        internal=tuple(_internal(where, v) for where, v in tables["internal"]),
        permanent=tuple(_permanent(where, v) for where, v in tables["permanent"]),
        health=tuple(_health(where, v) for where, v in tables["health"]),
        part_time=tuple(_part_time(where, v) for where, v in tables["part_time"]),
    )


def _one_line(value: Any, where: str) -> str:
    from sendcalc.core.safe_text import first_control

    text = str(value).strip()
    if first_control(text):
        raise InputError(f"{where}: write the name on one line")
    return text


def _tables(doc: dict[str, Any], kind: str, name: str) -> list[tuple[str, dict[str, str]]]:
    """The [[kind]] tables as (where, field -> text), each field one the kind has."""
    found = doc.get(kind, [])
    if not isinstance(found, list):
        raise InputError(f"{name}: write each {kind} as its own [[{kind}]] table")
    out = []
    for number, table in enumerate(found, start=1):
        where = f"{name} {kind.replace('_', ' ')} {number}"
        if not isinstance(table, dict):
            raise InputError(f"{where}: must be a table of {', '.join(FIELDS[kind])}")
        for key in table:
            if key not in FIELDS[kind]:
                raise InputError(f"{where}: unknown field {key!r}; use {', '.join(FIELDS[kind])}")
        out.append((where, {key: toml_text(value) for key, value in table.items()}))
    return out


def _date(where: str, values: dict[str, str], field: str) -> dt.date:
    if not values.get(field):
        raise InputError(f"{where}, field {field!r}: missing; write the date, e.g. 2025-11-18")
    return parse_log_date(values[field], f"{where}, field {field!r}")


def _sent_home(where: str, values: dict[str, str], number: int) -> RawEvent:
    if not values.get("time"):
        raise InputError(f"{where}, field 'time': missing; write 11:30, 'all day', 'morning' or 'afternoon'")
    return RawEvent(_date(where, values, "date"), parse_when(values["time"], f"{where}, field 'time'"),
                    values.get("note", ""), number)  # fmt: skip


def _internal(where: str, values: dict[str, str]) -> Internal:
    halves = lessons = None
    if values.get("days"):
        halves = parse_days(values["days"], what=f"{where}, field 'days':")
    if values.get("lessons"):
        if not values["lessons"].isdigit():
            raise InputError(f"{where}, field 'lessons': {values['lessons']!r} is not a number of lessons")
        lessons = int(values["lessons"])
    reason = values.get("reason", "") or values.get("note", "")
    return Internal(where, _date(where, values, "date"), halves, lessons, reason)


def _permanent(where: str, values: dict[str, str]) -> PermanentEntry:
    from sendcalc.core.dates import parse_time

    raw = values.get("time", "")
    picked_up = parse_time(raw, what=f"{where}, field 'time'") if raw else None
    return PermanentEntry(where, _date(where, values, "date"), picked_up, values.get("note", ""))


def _health(where: str, values: dict[str, str]) -> HealthPeriod:
    first = _date(where, values, "from")
    last = _date(where, values, "to") if values.get("to") else None
    if last is not None and last < first:
        raise InputError(f"{where}: 'to' ({last.isoformat()}) is before 'from' ({first.isoformat()})")
    return HealthPeriod(where, first, last, values.get("note", ""))


def _part_time(where: str, values: dict[str, str]) -> PartTimePeriod:
    first = _date(where, values, "from")
    last = _date(where, values, "to") if values.get("to") else None
    agreed = values.get("agreed", "").strip().lower()
    if agreed not in _YES | _NO:
        raise InputError(f"{where}, field 'agreed': write true if the parents agreed to the timetable, else false")
    try:
        attends = parse_attends(values.get("attends", ""))
    except InputError as exc:
        raise exc.within(f"{where}, field 'attends'") from None
    return PartTimePeriod(where, first, last, attends, agreed in _YES, values.get("note", ""))


# ----- writing ------------------------------------------------------------------------------------


def table_text(kind: str, values: dict[str, Any]) -> str:
    """One ``[[kind]]`` table as TOML text, the values given (None left out), for `record add` and `convert`."""
    lines = [key_text(key, value) for key, value in values.items() if value is not None and value != ""]
    return "\n".join(["", f"[[{kind}]]", *lines]) + "\n"


def key_text(key: str, value: Any) -> str:
    """One ``key = value`` line of TOML: a boolean, a date or number as it is, anything else a quoted string."""
    if isinstance(value, bool):
        return f"{key} = {'true' if value else 'false'}"
    if isinstance(value, dt.date | int | float):
        return f"{key} = {value}"
    text = str(value).replace("\\", "\\\\").replace('"', '\\"')
    return f'{key} = "{text}"'
