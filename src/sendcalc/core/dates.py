"""Reading dates and times the way UK users type them, and saying them back in words.

ISO dates and day-first numeric dates take a stdlib fast path; anything else
("18 Nov 2025", "tue") goes to python-dateutil, imported only then.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from sendcalc.core.errors import InputError

_NUMERIC = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MIDNIGHT = re.compile(r"^(.*?)[ T]0?0:00(?::00(?:\.0+)?)?$")  # Excel writes a date cell as '2025-11-18 00:00:00'
_TIME = re.compile(r"^(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?$", re.IGNORECASE)
_WEEKDAYS = {
    name: index
    for index, names in enumerate(
        (
            ("mon", "monday"),
            ("tue", "tues", "tuesday"),
            ("wed", "weds", "wednesday"),
            ("thu", "thur", "thurs", "thursday"),
            ("fri", "friday"),
            ("sat", "saturday"),
            ("sun", "sunday"),
        )
    )
    for name in names
}
_RELATIVE = {"today": 0, "yesterday": -1, "tomorrow": 1}


def parse_date(text: str, *, today: dt.date | None = None, what: str = "date", relative: bool = True) -> dt.date:
    """The one date parser, for options and files alike.

    ISO (2025-11-18), day first (18/11/2025, 18.11.25), words ("18 Nov 2025", "Tuesday 18 November
    2025"), and Excel's date cells ("2025-11-18 00:00:00"). With ``relative``, also "today",
    "yesterday", "tomorrow" and a weekday name (the most recent such day, today included, because
    people report what already happened); a file sets ``relative=False``, as a record must not
    change meaning with the day it is read.
    """
    raw = " ".join(text.strip().split())
    midnight = _MIDNIGHT.match(raw)
    if midnight and any(c.isdigit() for c in midnight.group(1)):
        raw = midnight.group(1)
    low = raw.lower()
    shown = text.strip()
    # an option says "--on '31/09/2025' is ..."; a file says "cases.csv, row 2: '31/09/2025' is ..."
    lead = f"{what} {shown!r}" if relative else f"{what}: {shown!r}"
    hint = "write it as 2025-11-18, 18/11/2025 or '18 Nov 2025'"
    try:
        iso = _ISO.match(raw)
        if iso:
            return dt.date(*(int(g) for g in iso.groups()))
        numeric = _NUMERIC.match(raw)
        if numeric:
            day, month, year = (int(g) for g in numeric.groups())
            return dt.date(year + 2000 if year < 100 else year, month, day)
    except ValueError as exc:
        raise InputError(f"{lead} is not a real date ({exc}); {hint}") from None
    if relative and (low in _RELATIVE or low in _WEEKDAYS):
        today = today or dt.date.today()
        if low in _RELATIVE:
            return today + dt.timedelta(days=_RELATIVE[low])
        return today - dt.timedelta(days=(today.weekday() - _WEEKDAYS[low]) % 7)
    problem = f"cannot read {what} {shown!r}; {hint}" if relative else f"{what}: cannot read the date {shown!r}; {hint}"
    if not raw or not any(c.isdigit() for c in raw):
        raise InputError(problem + ("" if relative or not raw else " (a date in a file is written out, not 'today')"))
    if ":" in raw:
        raise InputError(f"{problem} (it looks like a time)")
    if _DAY_RANGE.match(raw):
        raise InputError(f"{problem} (it looks like a range of days; give one date)")
    from dateutil import parser

    year = (today or dt.date.today()).year
    try:
        # Parsed against two different defaults: if the day or month changes, the text did not give it.
        first = parser.parse(raw, dayfirst=True, default=dt.datetime(year, 1, 1))
        second = parser.parse(raw, dayfirst=True, default=dt.datetime(year, 2, 2))
    except (ValueError, OverflowError):
        raise InputError(problem) from None
    if (first.month, first.day) != (second.month, second.day):
        raise InputError(f"{problem} (it needs a day and a month)")
    if not relative and not _has_year(raw):
        raise InputError(f"{problem} (it needs the year)")
    return first.date()


_DAY_RANGE = re.compile(r"^\d{1,2}(st|nd|rd|th)?\s*(-|–|—|to)\s*\d{1,2}(st|nd|rd|th)?\b", re.IGNORECASE)
"""'27-31 October 2025': two days, which the word parser would read as a year (2027)."""


def _has_year(raw: str) -> bool:
    return any(len(part) == 4 and part.isdigit() for part in re.split(r"[^0-9]+", raw))


@lru_cache(maxsize=4096)  # case lists repeat the same few values; parsing is pure
def parse_record_date(text: str, where: str) -> dt.date:
    """A date written in a file: :func:`parse_date` without relative words ("today", "tue")."""
    return parse_date(text, what=where, relative=False)


@lru_cache(maxsize=4096)  # case lists repeat the same few values; parsing is pure
def parse_time(text: str, *, what: str = "time") -> dt.time:
    """Parse 11:00, 11.00, 9, 2pm or 2:30pm into a clock time."""
    m = _TIME.match(text.strip())
    if m:
        hour, minute = int(m.group(1)), int(m.group(2) or 0)
        half = (m.group(3) or "").lower()
        if half and not 1 <= hour <= 12:
            m = None
        elif half == "pm" and hour != 12:
            hour += 12
        elif half == "am" and hour == 12:
            hour = 0
        elif not half and 1 <= hour <= 6 and not m.group(1).startswith("0"):
            raise InputError(
                f"{what} {text!r} is ambiguous: a school collection at {hour}:{minute:02d} is most likely "
                f"{hour + 12}:{minute:02d}; write it as {hour + 12}:{minute:02d} or {hour}:{minute:02d}pm "
                f"(or 0{hour}:{minute:02d} for the night)"
            )
        if m and hour <= 23 and minute <= 59:
            return dt.time(hour, minute)
    raise InputError(f"{what} {text!r} is not a clock time between 00:00 and 23:59; write it as 11:00 or 2:30pm")


def in_words(day: dt.date) -> str:
    """'Tuesday 18 November 2025': echoing dates in words makes a day-month mix-up visible."""
    return f"{day:%A} {day.day} {day:%B %Y}"


def short_words(day: dt.date) -> str:
    """'Tue 18 Nov 2025', for tables."""
    return f"{day:%a} {day.day} {day:%b %Y}"


def moment_in_words(moment: dt.datetime) -> str:
    """'11:00 on Tuesday 18 November 2025'."""
    return f"{moment:%H:%M} on {in_words(moment.date())}"


def iso_moment(moment: dt.datetime) -> str:
    """The JSON form of a moment: YYYY-MM-DDTHH:MM."""
    return moment.strftime("%Y-%m-%dT%H:%M")
