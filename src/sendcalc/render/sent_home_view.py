"""Table (Rich), JSON, CSV and a printable Markdown summary for `sendcalc sent-home`."""

from __future__ import annotations

import datetime as dt
import shlex
from functools import partial
from typing import Any

from rich.table import Table

from sendcalc.attendance.explain import sent_home_steps
from sendcalc.attendance.sent_home import Event, SentHomeReport
from sendcalc.calendar.engine import SchoolCalendar
from sendcalc.core.dates import in_words, short_words
from sendcalc.core.safe_text import printable
from sendcalc.core.units import days_text
from sendcalc.exclusions.thresholds import Crossing
from sendcalc.render.emit import csv_text, json_text
from sendcalc.render.letters import md_escape as _md
from sendcalc.render.steps import steps_json
from sendcalc.render.view import View
from sendcalc.render.working import days_json, rich_text

CONVENTION = (
    "Convention (sendcalc; the law is silent): sent home before the afternoon session = 0.5 day (the "
    "afternoon); sent home during the afternoon = 0.5 day; kept at home for the morning = 0.5 day; told to "
    "keep the child at home for the day = 1 day."
)
LAW = (
    "Sending a child home, or asking parents to keep a child at home, without a formal exclusion is "
    "unlawful, even for part of a day. Each time counts in law as an exclusion."
)


def _equivalent(e: Event) -> str:
    return f"{days_text(e.halves)} day"


def _crossing_json(c: Crossing) -> dict[str, Any]:
    return {
        "scope": c.scope,
        "period": c.period,
        "more_than_days": c.line.days,
        "date": c.date,
        "total_after": days_json(c.halves_after),
        "meaning": c.line.meaning,
        "source": c.line.source,
    }


def _crossing_line(c: Crossing) -> str:
    return (
        f"{in_words(c.date)}: the {c.scope} total for {c.period} went above {c.line.days} "
        f"(to {days_text(c.halves_after)}): {c.line.meaning} ({c.line.source})"
    )


def sent_home_view(report: SentHomeReport, calendar: SchoolCalendar) -> View:
    return View(
        text=partial(sent_home_text, report),
        json=partial(sent_home_json, report, calendar),
        csv=partial(sent_home_csv, report),
        steps=partial(sent_home_steps, calendar, report),
    )


def sent_home_json(report: SentHomeReport, calendar: SchoolCalendar) -> str:
    return json_text(
        {
            "calendar": report.calendar,
            "log": report.source,
            "events": [
                {
                    "date": e.day,
                    "time": e.when,
                    "sessions": list(e.sessions),
                    "equivalent_days": days_json(e.halves),
                    "term": e.term,
                    "school_year": e.school_year,
                    "term_total_after": days_json(e.term_halves_after),
                    "school_year_total_after": days_json(e.year_halves_after),
                    "note": e.note,
                    "row": e.row,
                }
                for e in report.events
            ],
            "terms": [{"term": t.label, "events": t.events, "days": days_json(t.halves)} for t in report.terms],
            "school_years": [
                {"school_year": t.label, "events": t.events, "days": days_json(t.halves)} for t in report.years
            ],
            "total_days": days_json(report.total_halves),
            "crossings": [_crossing_json(c) for c in report.crossings],
            "steps": steps_json(sent_home_steps(calendar, report)),
            "warnings": list(report.warnings),
        }
    )


def sent_home_csv(report: SentHomeReport) -> str:
    return csv_text(
        ["date", "time", "equivalent_days", "term", "term_total_after", "school_year",
         "school_year_total_after", "note"],
        [[e.day, e.when, days_text(e.halves), e.term, days_text(e.term_halves_after), e.school_year,
          days_text(e.year_halves_after), e.note] for e in report.events],
    )  # fmt: skip


def sent_home_text(report: SentHomeReport, colour: bool = False) -> str:
    return rich_text(_table_parts(report))


def _table_parts(report: SentHomeReport) -> list[Any]:
    if not report.events:
        return [f"{report.source}: no events logged yet. Add one with: sendcalc sent-home add {report.source} "
                "DATE TIME --note '...'"]  # fmt: skip
    table = Table(title=f"Sent home without a formal exclusion ({report.source})", title_justify="left")
    for name in ("date", "what happened", "counts as", "term total", "year total", "note"):
        table.add_column(name, justify="right" if "total" in name or name == "counts as" else "left")
    for e in report.events:
        table.add_row(
            short_words(e.day),
            e.what,
            _equivalent(e),
            days_text(e.term_halves_after),
            days_text(e.year_halves_after),
            printable(e.note),
        )
    parts: list[Any] = [LAW, table]
    parts.append(
        "Totals: "
        + "; ".join(f"{t.label}: {days_text(t.halves)} day(s) ({t.events} event(s))" for t in report.terms)
        + ". School year: "
        + "; ".join(f"{t.label}: {days_text(t.halves)} day(s)" for t in report.years)
        + "."
    )
    if report.crossings:
        parts.append("Had the school recorded these as exclusions:\n" + "\n".join(
            f"  - {_crossing_line(c)}" for c in report.crossings
        ))  # fmt: skip
    else:
        parts.append("No total went above 5, 15 or 45 school days.")
    parts.append(CONVENTION)
    log = report.source if report.source not in ("stdin", "log") else "LOG"
    parts.append(
        f"Calendar: {report.calendar}. For a printable summary: sendcalc sent-home {shlex.quote(log)} --markdown"
    )
    return parts


def render_markdown(
    report: SentHomeReport,
    *,
    child: str | None = None,
    school: str | None = None,
    today: dt.date | None = None,
) -> str:
    """A summary a parent can print or attach to a letter to the school or the council."""
    today = today or dt.date.today()
    who = f" for {_md(child)}" if child else ""
    where = f" at {_md(school)}" if school else ""
    lines = [
        f"# Times sent home without a formal exclusion{who}",
        "",
        f"Prepared on {in_words(today)} from a parent's log{where}. School days are counted on the "
        f"{report.calendar} calendar.",
        "",
        LAW,
        "",
    ]
    if not report.events:
        return "\n".join([*lines, "No events are logged.", ""])
    lines += [
        "| Date | What happened | Counts as | Term total | Year total | Note |",
        "|---|---|---:|---:|---:|---|",
    ]
    for e in report.events:
        lines.append(
            f"| {in_words(e.day)} | {_md(e.what)} | {_equivalent(e)} | {days_text(e.term_halves_after)} | "
            f"{days_text(e.year_halves_after)} | {_md(e.note)} |"
        )
    lines += ["", "## Totals", ""]
    lines += [f"- {t.label}: {days_text(t.halves)} school day(s) over {t.events} event(s)" for t in report.terms]
    lines += [f"- School year {t.label}: {days_text(t.halves)} school day(s)" for t in report.years]
    lines += ["", "## Had the school recorded these as exclusions", ""]
    if report.crossings:
        lines += [f"- {_crossing_line(c)}" for c in report.crossings]
    else:
        lines.append("- No total went above 5, 15 or 45 school days.")
    lines += [
        "",
        "## How the days are counted",
        "",
        f"- {CONVENTION}",
        "- Only school days count: weekends, holidays, bank holidays and INSET days are not school days.",
        "- The School Discipline (Pupil Exclusions and Reviews) (England) Regulations 2012 count the 5 and 15 "
        "day lines per term, and the 45 day limit per school year.",
        "",
        "## Questions for the school",
        "",
        "- Was each of these recorded as an exclusion? If not, how was each session recorded in the register?",
        "- What was the reason for each one, and what support is planned so that it does not happen again?",
        "",
    ]
    return "\n".join(lines)
