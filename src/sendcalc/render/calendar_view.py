"""Views of a calendar: the term table and month grids a person can glance at, and its JSON and CSV."""

from __future__ import annotations

import datetime as dt
from typing import Any

from rich.table import Table
from rich.text import Text

from sendcalc.calendar.engine import SchoolCalendar
from sendcalc.calendar.model import STATUSES
from sendcalc.calendar.summary import YearSummary
from sendcalc.core.dates import short_words
from sendcalc.render.emit import csv_text, json_text, pick
from sendcalc.render.grid import year_grids
from sendcalc.render.working import rich_text


def year_json(name: str, summaries: list[YearSummary]) -> str:
    return json_text({"calendar": name, "years": [_year_dict(s) for s in summaries]})


def _year_dict(summary: YearSummary) -> dict[str, Any]:
    return {
        **pick(summary, ("school_year", "label"), "status", "source", "notes", "school_days", "sessions"),
        "terms": [
            {
                **pick(t.term, "name", "first_day", "last_day"),
                "breaks": [pick(b, "name", "first_day", "last_day") for b in t.term.breaks],
                **pick(t, "school_days", "sessions"),
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
    table.add_row("year", "", "", "", Text(str(summary.school_days), style="bold"))
    return table


def days_off_lines(summary: YearSummary) -> list[str]:
    """Bank holidays and closures that fall in term (they are not school days)."""
    found: list[tuple[dt.date, str]] = []
    for t in summary.terms:
        found += [(day, f"bank holiday ({holiday}), {t.term.name} term") for day, holiday in t.bank_holidays]
        found += [(c.day, f"{c.describe()}, {t.term.name} term") for c in t.closures]
    return [f"  {short_words(day):<16} {words}" for day, words in sorted(found)]


def year_text(name: str, summary: YearSummary, calendar: SchoolCalendar | None, *, colour: bool = False) -> str:
    """One school year as a person reads it: the term table, its source, days off in term, and (with a
    calendar) the month grids."""
    parts: list[Any] = [year_table(name, summary), Text(f"Source: {summary.source}", style="dim")]
    off = days_off_lines(summary)
    if off:
        parts += ["Days off in term (not school days):", "\n".join(off)]
    text = rich_text(parts, color=colour)
    if calendar is not None:
        text += year_grids(calendar, summary.label, colour=colour)
    return text + f"{summary.label}: {summary.school_days} school days ({summary.sessions} sessions).\n"


def list_text(rows: list[tuple[str, str, str, list[tuple[str, str]]]], *, colour: bool = False) -> str:
    """The calendars: (key, area, applies to, [(school year, status)]) as a table."""
    table = Table(title=f"Calendars (statuses, surest first: {', '.join(STATUSES)})", title_justify="left")
    for column in ("name", "applies to", "school years (status)"):
        table.add_column(column)
    for key, area, applies_to, years in rows:
        table.add_row(f"{key}\n{area}", applies_to, "\n".join(f"{lb}  {st}" for lb, st in years))
    return rich_text([table], color=colour) + (
        "Use your school's own dates with --inset/--closure, or make a school file: sendcalc calendar import FEED.ics, "
        "or sendcalc calendar new (see: sendcalc guide calendars).\n"
    )
