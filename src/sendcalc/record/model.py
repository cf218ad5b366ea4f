"""What a record holds, as read from the file (readers/record.py) and before anything is counted."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sendcalc.attendance.part_time import Slot
from sendcalc.attendance.sent_home import RawEvent
from sendcalc.exclusions.history import HistoryRow


@dataclass(frozen=True)
class Internal:
    """An internal exclusion (isolation, a room away from lessons): kept in school, taught apart or not at all."""

    where: str
    day: dt.date
    halves: int | None  # sessions away from lessons, when given in days (0.5 = one session)
    lessons: int | None  # or in lessons, as schools often record it
    reason: str


@dataclass(frozen=True)
class HealthPeriod:
    """Absence through illness or anxiety, from ``first`` to ``last`` (None: still off)."""

    where: str
    first: dt.date
    last: dt.date | None
    note: str


@dataclass(frozen=True)
class PartTimePeriod:
    """A part-time timetable: the sessions attended each week, and whether the parents agreed to it."""

    where: str
    first: dt.date
    last: dt.date | None
    attends: tuple[Slot, ...]
    agreed: bool
    note: str


@dataclass(frozen=True)
class PermanentEntry:
    where: str
    day: dt.date
    picked_up: dt.time | None
    note: str


@dataclass(frozen=True)
class Record:
    """Everything in one child's record file, each kind in the order written."""

    source: str
    child: str
    school: str
    suspensions: tuple[HistoryRow, ...] = ()
    sent_home: tuple[RawEvent, ...] = ()
    internal: tuple[Internal, ...] = ()
    health: tuple[HealthPeriod, ...] = ()
    part_time: tuple[PartTimePeriod, ...] = ()
    permanent: tuple[PermanentEntry, ...] = ()
