"""Reading a school's published term dates: a calendar feed (.ics) or a pasted list, as dated events.

Schools publish term dates in three shapes: an all-day event for every school day ("Day 1 (Week A)"),
one event per term or half term spanning its dates ("Autumn term 1"), or holidays plus single events
for bank holidays and INSET days. Each event is read as a title and the dates it covers, and its
title says what it is (:func:`kind_of`); calendar/assemble.py then turns the events into terms.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from sendcalc.core.errors import InputError
from sendcalc.core.safe_text import printable

Kind = Literal["school day", "term", "break", "holiday", "inset", "occasional", "closure", "bank holiday", "ignored"]

# Title words -> what the event is, tried in this order (a "bank holiday" is not a school holiday, and an
# "INSET day" in the holidays is still an INSET day). Titles are compared lower-case, punctuation as spaces.
_PATTERNS: tuple[tuple[Kind, str], ...] = (
    ("bank holiday", r"\bbank holiday\b|\bgood friday\b|\beaster monday\b|\bboxing day\b|\bchristmas day\b"),
    (
        "inset",
        r"\binset\b|\btraining day|\bstaff (training|development)\b|\bpd day|\bprofessional development\b"
        r"|\bteacher (day|training)\b|\bnon pupil day|\btd day\b",
    ),
    ("occasional", r"\boccasional (day|holiday)\b"),
    ("break", r"\bhalf ?term\b|\bmid ?term break\b"),
    ("closure", r"\bschool closed\b|\bclosure\b|\bclosed to (all )?pupils\b"),
    ("holiday", r"\bholidays?\b|\b(christmas|easter|summer|october|february|whitsun|may) (break|vacation)\b"),
    ("term", r"\bterm\b|^(autumn|spring|summer)( \d| [ab]| (first|second) half)?$"),
    ("school day", r"^day \d+\b|^week [a-z0-9]+$|^day [a-z0-9]+ week|\bschool day\b|\bpupil day\b"),
)
_RULES = tuple((kind, re.compile(pattern)) for kind, pattern in _PATTERNS)
_MARKER = re.compile(r"\b(starts?|begins?|ends?|finish(es)?|first day|last day|breaks? up|returns?|back)\b")
"""'Term starts', 'Break up for half term', 'Pupils return': a reminder on one day, not the span of a term or break."""


def kind_of(title: str) -> Kind:
    """What an event is, from its title ('Autumn Term 1' -> term, 'INSET day' -> inset)."""
    words = " ".join(re.sub(r"[^a-z0-9]+", " ", title.lower()).split())
    for kind, pattern in _RULES:
        if pattern.search(words):
            if kind in ("term", "break", "holiday") and _MARKER.search(words):
                return "ignored"
            return kind
    return "ignored"


@dataclass(frozen=True)
class Event:
    """One event of a feed or line of a list: its title, what it is, and the dates it covers (both included)."""

    title: str
    kind: Kind
    first: dt.date
    last: dt.date

    def days(self) -> Iterator[dt.date]:
        day = self.first
        while day <= self.last:
            yield day
            day += dt.timedelta(days=1)


def event(title: str, first: dt.date, last: dt.date | None = None) -> Event:
    last = last or first
    if last < first:
        raise InputError(f"{title!r}: ends ({last.isoformat()}) before it starts ({first.isoformat()})")
    if (last - first).days > 400:
        raise InputError(f"{title!r}: spans more than a year ({first.isoformat()} to {last.isoformat()})")
    title = printable(" ".join(title.split()))
    return Event(title, kind_of(title), first, last)


# ----- .ics ----------------------------------------------------------------------------------------

LONDON = "Europe/London"
_RECURRENCE_YEARS = 3  # an endless RRULE is read for three years: longer than any feed of term dates


def read_ics(path: str) -> list[Event]:
    """The events of an iCalendar file: all-day or timed, with or without DTEND, recurring (RRULE/EXDATE)."""
    from icalendar import Calendar

    from sendcalc.readers.text import read_text

    text = read_text(path, "calendar feed")
    try:
        calendar = Calendar.from_ical(text)
    except (ValueError, IndexError, KeyError) as exc:
        raise InputError(f"calendar feed {path!r} is not an iCalendar (.ics) file: {exc}") from None
    components = [c for c in calendar.walk("VEVENT") if c.get("DTSTART") is not None]
    # an occurrence moved or cancelled by its own VEVENT (RECURRENCE-ID) replaces the repeating event's one
    replaced: dict[str, set[dt.date]] = {}
    for component in components:
        if component.get("RECURRENCE-ID") is not None:
            moved = _local_date(component.decoded("RECURRENCE-ID"))
            replaced.setdefault(str(component.get("UID", "")), set()).add(moved)
    events = []
    for component in components:
        if str(component.get("STATUS", "")).upper() == "CANCELLED":
            continue
        title = str(component.get("SUMMARY", "")).strip() or "(no title)"
        first, last = _span(component)
        skip = (
            set() if component.get("RECURRENCE-ID") is not None else replaced.get(str(component.get("UID", "")), set())
        )
        for start in _occurrences(component, first):
            if start not in skip:
                events.append(event(title, start, start + (last - first)))
    if not events:
        raise InputError(f"calendar feed {path!r} has no events; export the school's term dates calendar")
    return events


def _local_date(value: Any) -> dt.date:
    """A DTSTART/DTEND value as a date in England (a timed event in UTC at 23:30 is the next day in summer)."""
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            from zoneinfo import ZoneInfo

            value = value.astimezone(ZoneInfo(LONDON))
        moment: dt.datetime = value
        return moment.date()
    if isinstance(value, dt.date):
        return dt.date(value.year, value.month, value.day)
    raise InputError(f"an event's date {value!r} is neither a date nor a date and time")


def _span(component: Any) -> tuple[dt.date, dt.date]:
    """(first, last) date of an event, both included. An all-day DTEND is the day after the last day."""
    start = component.decoded("DTSTART")
    first = _local_date(start)
    if component.get("DTEND") is not None:
        end = component.decoded("DTEND")
    elif component.get("DURATION") is not None:
        end = start + component.decoded("DURATION")
    else:
        return first, first
    if isinstance(end, dt.datetime):  # a moment: the event ends on the day holding the moment just before it
        last = _local_date(end - dt.timedelta(microseconds=1))
    else:  # a date: the day after the last day
        last = _local_date(end) - dt.timedelta(days=1)
    return first, max(first, last)


def _occurrences(component: Any, first: dt.date) -> list[dt.date]:
    """The first date of each occurrence: just ``first``, or every date its RRULE gives less its EXDATEs."""
    rule = component.get("RRULE")
    if rule is None:
        return [first]
    from dateutil.rrule import rrulestr

    start = dt.datetime.combine(first, dt.time())
    text = rule.to_ical().decode()
    text = re.sub(r"UNTIL=(\d{8})T\d{6}Z?", r"UNTIL=\1", text)  # compare dates, not moments across zones
    horizon = start + dt.timedelta(days=366 * _RECURRENCE_YEARS)
    if re.search(r"INTERVAL=0*(;|$)", text) or re.search(r"FREQ=(HOURLY|MINUTELY|SECONDLY)", text):
        raise InputError(f"an event's repeat rule RRULE:{text} repeats more often than daily, or never moves on")
    try:
        dates = [d.date() for d in rrulestr(text, dtstart=start).between(start, horizon, inc=True)]
    except (ValueError, TypeError, OverflowError) as exc:
        raise InputError(f"an event's repeat rule RRULE:{text} cannot be read ({exc})") from None
    return [d for d in dates if d not in _exdates(component)]


def _exdates(component: Any) -> set[dt.date]:
    found = component.get("EXDATE")
    if found is None:
        return set()
    lists = found if isinstance(found, list) else [found]
    return {_local_date(item.dt) for ex in lists for item in ex.dts}


# ----- a pasted list -----------------------------------------------------------------------------

_DAYS_OF_ONE_MONTH = re.compile(
    r"^(\d{1,2})(?:st|nd|rd|th)?\s*(?:-|–|—|to)\s*(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z].*)$"
)
_RANGE = re.compile(r"\s+(?:to|until|till|-|–|—)\s+|\s*[–—]\s*", re.IGNORECASE)


def read_list(path: str) -> list[Event]:
    """Term dates typed or pasted one to a line: 'Autumn term: 3 September 2025 to 19 December 2025',
    'INSET day: 1 September 2025' (a line starting with # is a comment)."""
    from sendcalc.core.dates import parse_date
    from sendcalc.readers.text import read_text

    shown = "stdin" if path == "-" else Path(path).name
    events = []
    for number, line in enumerate(read_text(path, "list of term dates").splitlines(), start=1):
        text = line.strip()
        if not text or text.startswith("#"):
            continue
        label, colon, dates = text.partition(":")
        if not colon or not dates.strip():
            raise InputError(
                f"{shown}, line {number}: write 'what: first day to last day', for example "
                "'Autumn term: 3 September 2025 to 19 December 2025' or 'INSET day: 1 September 2025'"
            )
        days_of_month = _DAYS_OF_ONE_MONTH.match(dates.strip())
        if days_of_month:  # '27-31 October 2025': the first and last day share the month and year
            first_day, last_day, rest = days_of_month.groups()
            parts = [f"{first_day} {rest}", f"{last_day} {rest}"]
        else:
            parts = _RANGE.split(dates.strip(), maxsplit=1)
        where = f"{shown}, line {number}"
        days = [parse_date(part, what=where, relative=False) for part in parts]
        events.append(event(label.strip(), days[0], days[-1]))
    if not events:
        raise InputError(f"{shown} has no term dates; write one to a line, e.g. 'Autumn term: 3/9/2025 to 19/12/2025'")
    return events
