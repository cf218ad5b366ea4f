"""The Python API: the same functions the command line uses, for scripts and notebooks.

    from sendcalc.api import load_calendar, assess_suspension, check_rows

    cal = load_calendar("hertfordshire").with_closures([Closure(date(2025, 9, 3), "inset")])
    result = assess_suspension(cal, date(2025, 11, 18), halves=2, picked_up=time(11, 0))
    result.suspension.returns_at        # datetime(2025, 11, 19, 11, 0)

    for row in check_rows(csv.DictReader(open("cases.csv"))):
        ...                             # one dict per case, keys as in `sendcalc check`

Durations are whole numbers of half days (``halves=2`` is one day); ``parse_days("2.5")`` gives 5.
"""

from __future__ import annotations

from sendcalc.batch.checker import Checker, Summary
from sendcalc.batch.columns import OUTPUT_COLUMNS
from sendcalc.batch.stream import check_rows
from sendcalc.calendar import Closure, SchoolCalendar, load_calendar, school_year_label
from sendcalc.calendar.counting import add_school_days, school_days_between
from sendcalc.core.errors import (
    CalendarDataError,
    InputError,
    NotASchoolDayError,
    OutOfRangeError,
    SendcalcError,
)
from sendcalc.core.school_age import Pupil, SchoolAge
from sendcalc.core.units import days_text, parse_days
from sendcalc.exclusions.case import CaseDates, case_dates
from sendcalc.exclusions.explain import permanent_steps, review_steps, suspension_steps, totals_steps
from sendcalc.exclusions.history import HistoryRow
from sendcalc.exclusions.kernel import Placement, Suspension, place_start, place_suspension
from sendcalc.exclusions.permanent import PermanentResult, assess_permanent
from sendcalc.exclusions.review import ReviewResult, review_timeline
from sendcalc.exclusions.suspension import SuspensionResult, assess_suspension
from sendcalc.exclusions.totals import TotalsResult, summarise_history
from sendcalc.readers.history import read_history

__all__ = [
    "OUTPUT_COLUMNS",
    "CalendarDataError",
    "CaseDates",
    "Checker",
    "Closure",
    "HistoryRow",
    "InputError",
    "NotASchoolDayError",
    "OutOfRangeError",
    "PermanentResult",
    "Placement",
    "Pupil",
    "ReviewResult",
    "SchoolAge",
    "SchoolCalendar",
    "SendcalcError",
    "Summary",
    "Suspension",
    "SuspensionResult",
    "TotalsResult",
    "add_school_days",
    "assess_permanent",
    "assess_suspension",
    "case_dates",
    "check_rows",
    "days_text",
    "load_calendar",
    "parse_days",
    "permanent_steps",
    "place_start",
    "place_suspension",
    "read_history",
    "review_steps",
    "review_timeline",
    "school_days_between",
    "school_year_label",
    "summarise_history",
    "suspension_steps",
    "totals_steps",
]
