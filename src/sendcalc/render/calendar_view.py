"""Rich views of a calendar: the term table and month grids a person can glance at."""

from __future__ import annotations

import calendar as stdlib_calendar
import datetime as dt
from typing import Any

from rich.columns import Columns
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from sendcalc.calendar.model import SchoolCalendar, school_year_bounds
from sendcalc.calendar.summary import YearSummary
from sendcalc.core.dates import short_words
from sendcalc.render.emit import csv_text, json_text

# symbol and colour for each kind of weekday without pupils (the symbol survives without colour)
_SYMBOLS: dict[str, tuple[str, str]] = {
    "holiday": ("-", "dim"),
    "break": ("-", "cyan"),
    "bank holiday": ("b", "bold red"),
    "inset": ("i", "bold magenta"),
    "occasional": ("i", "bold magenta"),
    "closure": ("c", "bold yellow"),
    "part": ("p", "yellow"),
}
LEGEND = "-  holiday or half-term   b  bank holiday   i  INSET or occasional day   c  closure   p  one session closed"


def year_json(name: str, summaries: list[YearSummary]) -> str:
    return json_text({"calendar": name, "years": [_year_dict(s) for s in summaries]})


def _year_dict(summary: YearSummary) -> dict[str, Any]:
    return {
        "school_year": summary.label,
        "status": summary.status,
        "source": summary.source,
        "notes": summary.notes,
        "school_days": summary.school_days,
        "sessions": summary.sessions,
        "terms": [
            {
                "name": t.term.name,
                "first_day": t.term.first_day,
                "last_day": t.term.last_day,
                "breaks": [{"name": b.name, "first_day": b.first_day, "last_day": b.last_day} for b in t.term.breaks],
                "school_days": t.school_days,
                "sessions": t.sessions,
                "bank_holidays": [{"date": d, "name": n} for d, n in t.bank_holidays],
                "closures": [
                    {"date": c.day, "kind": c.kind, "session": c.session, "reason": c.reason} for c in t.closures
                ],
            }
            for t in summary.terms
        ],
    }


def year_csv(summaries: list[YearSummary]) -> str:
    rows = [
        [s.label, s.status, t.term.name, t.term.first_day, t.term.last_day, t.school_days, t.sessions]
        for s in summaries
        for t in s.terms
    ]
    return csv_text(["school_year", "status", "term", "first_day", "last_day", "school_days", "sessions"], rows)


def year_table(name: str, summary: YearSummary) -> Table:
    table = Table(title=f"{name} {summary.label}  (status: {summary.status})", title_justify="left")
    for column in ("term", "first day", "last day", "breaks", "school days"):
        table.add_column(column, justify="right" if column == "school days" else "left")
    for t in summary.terms:
        breaks = [f"{b.name} {short_words(b.first_day)} - {short_words(b.last_day)}" for b in t.term.breaks]
        table.add_row(
            t.term.name,
            short_words(t.term.first_day),
            short_words(t.term.last_day),
            "\n".join(breaks) or "-",
            str(t.school_days),
        )
    table.add_section()
    table.add_row("year", "", "", "", f"[bold]{summary.school_days}[/bold]")
    return table


def days_off_lines(summary: YearSummary) -> list[str]:
    """Bank holidays and closures that fall in term (they are not school days)."""
    found: list[tuple[dt.date, str]] = []
    for t in summary.terms:
        found += [(day, f"bank holiday ({holiday}), {t.term.name} term") for day, holiday in t.bank_holidays]
        found += [(c.day, f"{c.describe()}, {t.term.name} term") for c in t.closures]
    return [f"  {short_words(day):<16} {words}" for day, words in sorted(found)]


def month_grids(calendar: SchoolCalendar, label: str) -> RenderableType:
    """Twelve small month grids (August to July); each day without pupils carries a symbol (and a colour)."""
    first, last = school_year_bounds(label)
    marks: dict[dt.date, tuple[str, str]] = {}
    for day in calendar.iter_days(first, last):
        if day.weekday() < 5 and calendar.covers(day):
            category = calendar.classify(day)[0]
            if category in _SYMBOLS:
                marks[day] = _SYMBOLS[category]
            elif calendar.closure_on(day):
                marks[day] = _SYMBOLS["part"]
    months = [((first.month - 1 + k) // 12 + first.year, (first.month - 1 + k) % 12 + 1) for k in range(12)]
    grids = [_marked_month(calendar, year, month, marks) for year, month in months]
    return Group(Columns(grids, padding=(0, 3)), Text(LEGEND, style="dim"))


def marked_months(calendar: SchoolCalendar, marks: dict[dt.date, tuple[str, str]], legend: str) -> RenderableType:
    """Small month grids for the months that hold a mark; each mark is (symbol, style), e.g. ("*", "bold red").

    The symbol follows the day number so the marks survive without colour (pipes, screen readers).
    """
    months = sorted({(day.year, day.month) for day in marks})
    grids = [_marked_month(calendar, year, month, marks) for year, month in months]
    return Group(Columns(grids, padding=(0, 3)), Text(legend, style="dim"))


def _marked_month(calendar: SchoolCalendar, year: int, month: int, marks: dict[dt.date, tuple[str, str]]) -> Table:
    table = Table(title=f"{stdlib_calendar.month_name[month]} {year}", box=None, padding=(0, 0), show_edge=False)
    for name in ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"):
        table.add_column(name, justify="left", width=4)
    for week in stdlib_calendar.Calendar().monthdayscalendar(year, month):
        cells: list[Text] = []
        for number in week:
            if not number:
                cells.append(Text(""))
                continue
            day = dt.date(year, month, number)
            if day in marks:
                symbol, style = marks[day]
                cells.append(Text(f"{number:>2}{symbol}", style=style))
                continue
            category = calendar.classify(day)[0] if calendar.covers(day) else "holiday"
            cells.append(Text(f"{number:>2}", style="" if category == "school day" else "dim"))
        table.add_row(*cells)
    return table
