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
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
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


def parse_date(text: str, *, today: dt.date | None = None, what: str = "date") -> dt.date:
    """Parse ISO, 18/11/2025 (day first), "18 Nov 2025", "today", "yesterday" or a weekday name.

    A weekday name means the most recent such day, today included, because people
    report what already happened ("he was sent home on Tuesday").
    """
    raw = text.strip()
    low = raw.lower()
    today = today or dt.date.today()
    try:
        if _ISO.match(raw):
            return dt.date.fromisoformat(raw)
        m = _NUMERIC.match(raw)
        if m:
            day, month, year = (int(g) for g in m.groups())
            if year < 100:
                year += 2000
            return dt.date(year, month, day)
    except ValueError as exc:
        raise InputError(f"{what} {text!r} is not a real date ({exc}); write it as 2025-11-18 or 18/11/2025") from None
    if low == "today":
        return today
    if low == "yesterday":
        return today - dt.timedelta(days=1)
    if low == "tomorrow":
        return today + dt.timedelta(days=1)
    if low in _WEEKDAYS:
        back = (today.weekday() - _WEEKDAYS[low]) % 7
        return today - dt.timedelta(days=back)
    from dateutil import parser

    problem = f"cannot read {what} {text!r}; write it as 2025-11-18, 18/11/2025 or '18 Nov 2025'"
    if ":" in raw:
        raise InputError(f"{problem} (it looks like a time)")
    try:
        # Parsed against two different defaults: if the day or month changes, the text did not give it.
        first = parser.parse(raw, dayfirst=True, default=dt.datetime(today.year, 1, 1))
        second = parser.parse(raw, dayfirst=True, default=dt.datetime(today.year, 2, 2))
    except (ValueError, OverflowError):
        raise InputError(problem) from None
    if (first.month, first.day) != (second.month, second.day):
        raise InputError(f"{problem} (it needs a day and a month)")
    return first.date()


@lru_cache(maxsize=4096)  # case lists repeat the same few values; parsing is pure
def parse_record_date(text: str, where: str) -> dt.date:
    """ISO or day-first numeric dates only, for files: a record must not depend on 'today' or a locale."""
    raw = text.strip()
    try:
        if _ISO.match(raw):
            return dt.date.fromisoformat(raw)
        m = _NUMERIC.match(raw)
        if m:
            day, month, year = (int(g) for g in m.groups())
            return dt.date(year + 2000 if year < 100 else year, month, day)
    except ValueError as exc:
        raise InputError(f"{where}: {raw!r} is not a real date ({exc})") from None
    raise InputError(f"{where}: cannot read the date {raw!r}; write it as 2025-11-18 or 18/11/2025")


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
