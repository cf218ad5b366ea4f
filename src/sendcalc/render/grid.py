"""Month grids a person can glance at: each day without pupils, or each marked date, carries a symbol.

Plain text (with colour on a terminal): the symbol follows the day number, so the grid reads the
same without colour, in a pipe or through a screen reader.
"""

from __future__ import annotations

import calendar as stdlib_calendar
import datetime as dt
from collections.abc import Mapping

from sendcalc.calendar.engine import SchoolCalendar
from sendcalc.calendar.model import school_year_bounds
from sendcalc.render.text import paint, width

Mark = tuple[str, str]  # (symbol, style), e.g. ("*", "bold red")

# symbol and colour for each kind of weekday without pupils
SYMBOLS: dict[str, Mark] = {
    "holiday": ("-", "dim"),
    "break": ("-", "cyan"),
    "bank holiday": ("b", "bold red"),
    "inset": ("i", "bold magenta"),
    "occasional": ("i", "bold magenta"),
    "closure": ("c", "bold yellow"),
    "part": ("p", "yellow"),
}
LEGEND = "-  holiday or half-term   b  bank holiday   i  INSET or occasional day   c  closure   p  one session closed"
_CELL = 4
_MONTH_WIDTH = 7 * _CELL
_GAP = 3


def year_grids(calendar: SchoolCalendar, label: str, *, colour: bool = False) -> str:
    """Twelve month grids (August to July) of a school year, days without pupils marked, and the legend."""
    first, last = school_year_bounds(label)
    marks: dict[dt.date, Mark] = {}
    for day in calendar.iter_days(first, last):
        if day.weekday() < 5 and calendar.covers(day):
            category = calendar.classify(day)[0]
            if category in SYMBOLS:
                marks[day] = SYMBOLS[category]
            elif calendar.closure_on(day):
                marks[day] = SYMBOLS["part"]
    months = [((first.month - 1 + k) // 12 + first.year, (first.month - 1 + k) % 12 + 1) for k in range(12)]
    return _side_by_side(calendar, months, marks, LEGEND, colour)


def marked_months(calendar: SchoolCalendar, marks: Mapping[dt.date, Mark], legend: str, *, colour: bool = False) -> str:
    """Grids of the months that hold a mark, and the legend."""
    months = sorted({(day.year, day.month) for day in marks})
    return _side_by_side(calendar, months, marks, legend, colour)


def _side_by_side(
    calendar: SchoolCalendar, months: list[tuple[int, int]], marks: Mapping[dt.date, Mark], legend: str, colour: bool
) -> str:
    per_row = max(1, (width() + _GAP) // (_MONTH_WIDTH + _GAP))
    lines: list[str] = []
    for at in range(0, len(months), per_row):
        grids = [_month(calendar, year, month, marks, colour) for year, month in months[at : at + per_row]]
        height = max(len(g) for g in grids)
        for k in range(height):
            row = [g[k] if k < len(g) else " " * _MONTH_WIDTH for g in grids]
            lines.append((" " * _GAP).join(row).rstrip())
    lines.append(paint(legend, "dim", colour))
    return "\n".join(lines) + "\n"


def _month(calendar: SchoolCalendar, year: int, month: int, marks: Mapping[dt.date, Mark], colour: bool) -> list[str]:
    """One month: its title, the weekday names and a line a week; every line is _MONTH_WIDTH wide."""
    title = f"{stdlib_calendar.month_name[month]} {year}".center(_MONTH_WIDTH)
    lines = [title, "".join(name.ljust(_CELL) for name in ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"))]
    for week in stdlib_calendar.Calendar().monthdayscalendar(year, month):
        cells = []
        for number in week:
            if not number:
                cells.append(" " * _CELL)
                continue
            day = dt.date(year, month, number)
            if day in marks:
                symbol, style = marks[day]
                cells.append(paint(f"{number:>2}{symbol}", style, colour) + " " * (_CELL - 3))
                continue
            category = calendar.classify(day)[0] if calendar.covers(day) else "holiday"
            cells.append(paint(f"{number:>2}", "" if category == "school day" else "dim", colour) + " " * (_CELL - 2))
        lines.append("".join(cells))
    return lines
