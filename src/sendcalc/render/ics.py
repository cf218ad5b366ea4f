"""iCalendar (.ics) files of dates and deadlines: all-day events a parent can import into a phone calendar.

``icalendar`` is imported only when a file is written.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sendcalc.core.errors import InputError


@dataclass(frozen=True)
class Event:
    """One dated line of a result: the CSV timeline row and the .ics event are both made from it."""

    date: dt.date
    time: dt.time | None
    what: str
    detail: str


def ics_bytes(events: Sequence[Event], name: str) -> bytes:
    """An iCalendar document with one all-day event per item (the time, if any, goes in the title)."""
    from icalendar import Calendar
    from icalendar import Event as IcsEvent

    cal = Calendar()
    cal.add("prodid", "-//sendcalc//school-day deadlines//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", name)
    stamp = dt.datetime.now(dt.UTC).replace(microsecond=0)
    for number, item in enumerate(events, start=1):
        slug = re.sub(r"[^a-z0-9]+", "-", item.what.lower()).strip("-")
        event = IcsEvent()
        event.add("uid", f"{item.date.isoformat()}-{number}-{slug}@sendcalc")
        event.add("dtstamp", stamp)
        event.add("dtstart", item.date)
        event.add("dtend", item.date + dt.timedelta(days=1))
        title = f"{item.what} ({item.time:%H:%M})" if item.time else item.what
        event.add("summary", title)
        event.add("description", item.detail)
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    data: bytes = cal.to_ical()
    return data


def write_ics(path: str, events: Sequence[Event], name: str) -> int:
    """Write the events to ``path``; a path that cannot be written is an InputError. Returns the count."""
    try:
        Path(path).write_bytes(ics_bytes(events, name))
    except OSError as exc:
        raise InputError(f"cannot write the calendar file {path!r}: {exc.strerror or exc}") from None
    return len(events)
