"""iCalendar (.ics) files of dates and deadlines: all-day events a parent can import into a phone calendar.

Each event's UID is stable and unique to its case: a UUID (version 5) of the label (the child's name or
a case reference), the calendar's name, the event's date and title, and its place among the events with
that same date and title. So exporting the same result again gives the same UIDs (a phone updates the
events it has, rather than adding copies), and two children's dates never share one (importing the
second cannot overwrite the first). ``icalendar`` is imported only when a file is written.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

# the namespace of every UID sendcalc makes; changing it would change every UID a parent has imported
UID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://sendcalc/ics")
_SEPARATOR = "\x1f"  # between the parts of a UID's name: no label, title or date holds it


@dataclass(frozen=True)
class Event:
    """One dated line of a result: the CSV timeline row and the .ics event are both made from it."""

    date: dt.date
    time: dt.time | None
    what: str
    detail: str


def event_uids(events: Sequence[Event], name: str, label: str | None = None) -> list[str]:
    """The UID of each event, in order: ``<uuid5>@sendcalc`` over (label, calendar name, date, title, and
    the event's position among the events with the same date and title)."""
    seen: dict[tuple[dt.date, str], int] = {}
    uids = []
    for item in events:
        position = seen[item.date, item.what] = seen.get((item.date, item.what), 0) + 1
        key = _SEPARATOR.join((label or "", name, item.date.isoformat(), item.what, str(position)))
        uids.append(f"{uuid.uuid5(UID_NAMESPACE, key)}@sendcalc")
    return uids


def ics_bytes(events: Sequence[Event], name: str, label: str | None = None) -> bytes:
    """An iCalendar document with one all-day event per item (the time, if any, goes in the title).

    With a ``label`` (the child's name or a case reference) each title begins ``"<label>: "``, the
    calendar's name includes it, and it is part of every UID.
    """
    from icalendar import Calendar
    from icalendar import Event as IcsEvent

    prefix = f"{label}: " if label else ""
    cal = Calendar()
    cal.add("prodid", "-//sendcalc//school-day deadlines//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", f"{prefix}{name}")
    stamp = dt.datetime.now(dt.UTC).replace(microsecond=0)
    for item, uid in zip(events, event_uids(events, name, label), strict=True):
        event = IcsEvent()
        event.add("uid", uid)
        event.add("dtstamp", stamp)
        event.add("dtstart", item.date)
        event.add("dtend", item.date + dt.timedelta(days=1))
        title = f"{item.what} ({item.time:%H:%M})" if item.time else item.what
        event.add("summary", f"{prefix}{title}")
        event.add("description", item.detail)
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    data: bytes = cal.to_ical()
    return data
