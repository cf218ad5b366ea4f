"""A child's earlier suspensions as written in a record (not yet placed), and placing them on the calendar.

The rows come from a history file (readers/history.py), a case list or the Python API; placing each
goes through the one kernel, so an earlier suspension is counted exactly as a new one would be.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sendcalc.calendar.engine import SchoolCalendar
from sendcalc.core.errors import SendcalcError
from sendcalc.exclusions.kernel import place_suspension
from sendcalc.exclusions.ledger import Entry


@dataclass(frozen=True)
class HistoryRow:
    """One earlier suspension as written in the record, with where it was written ('history.csv row 2')."""

    where: str
    on: dt.date
    picked_up: dt.time | None
    not_collected: bool
    halves: int
    exam: bool = False
    note: str = ""
    lunchtime: bool = False


def place_rows(calendar: SchoolCalendar, rows: Sequence[HistoryRow]) -> tuple[Entry, ...]:
    """Place each row on the calendar; a row that cannot be placed names its row and field."""
    entries = []
    for row in rows:
        try:
            suspension = place_suspension(
                calendar,
                row.on,
                row.halves,
                picked_up=row.picked_up,
                not_collected=row.not_collected,
                lunchtime=row.lunchtime,
            )
        except SendcalcError as exc:
            raise exc.within(f"{row.where}, field 'date'") from None
        entries.append(Entry(row.where, suspension, exam=row.exam))
    return tuple(entries)
