"""The school calendar engine: school days, sessions, terms, school years and working days."""

from sendcalc.calendar.engine import SchoolCalendar
from sendcalc.calendar.files import builtin_names, load_calendar, parse_closure
from sendcalc.calendar.model import (
    Break,
    Closure,
    SchoolTimes,
    SchoolYear,
    Term,
    school_year_label,
)

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
