"""The school calendar engine: school days, sessions, terms, school years and working days."""

from sendcalc.calendar.engine import SchoolCalendar
from sendcalc.calendar.files import load_calendar, parse_closure
from sendcalc.calendar.model import (
    Break,
    Closure,
    SchoolTimes,
    SchoolYear,
    Term,
    school_year_label,
)
from sendcalc.calendar.names import builtin_names

__all__ = [
    "Break",
    "Closure",
    "SchoolCalendar",
    "SchoolTimes",
    "SchoolYear",
    "Term",
    "builtin_names",
    "load_calendar",
    "parse_closure",
    "school_year_label",
]
