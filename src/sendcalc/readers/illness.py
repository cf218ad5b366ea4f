"""Reading a parent's list of days (or sessions) the child was off ill: ``date`` or ``date,session``.

One line each, header optional: ``2025-11-18`` (the whole day), ``2025-11-18,am`` or ``18/11/2025,pm``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sendcalc.calendar.model import SESSIONS, Session
from sendcalc.core.dates import parse_date
from sendcalc.core.errors import InputError
from sendcalc.readers.text import csv_rows, open_text

_SESSION: dict[str, tuple[Session, ...]] = {
    "": SESSIONS, "all": SESSIONS, "all day": SESSIONS, "day": SESSIONS,
    "am": ("am",), "morning": ("am",), "pm": ("pm",), "afternoon": ("pm",),
}  # fmt: skip


def read_illness(path: str) -> list[tuple[dt.date, Session]]:
    """The (date, session) pairs in the file (``-`` for stdin); a whole day is both sessions."""
    shown = "stdin" if path == "-" else Path(path).name
    out: list[tuple[dt.date, Session]] = []
    with open_text(path, "illness list") as lines:
        for number, cells in csv_rows(lines, shown):
            cells = [c.strip() for c in cells]
            if not any(cells) or cells[0].startswith("#") or cells[0].lower() == "date":
                continue
            where = f"{shown}, line {number}"
            day = parse_date(cells[0], what=where, relative=False)
            session = cells[1].lower() if len(cells) > 1 else ""
            if session not in _SESSION:
                raise InputError(f"{where}: {cells[1]!r} is not a session; write am, pm, or leave it out for the day")
            out += [(day, s) for s in _SESSION[session]]
    if not out:
        raise InputError(f"{shown} lists no days; write one date a line, e.g. 2025-11-18 or 2025-11-18,am")
    return out
