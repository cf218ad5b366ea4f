"""JSON, CSV, calendar events and the text a person reads for `sendcalc totals` (a child's suspension record)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sendcalc.core.dates import in_words, iso_moment
from sendcalc.core.units import days_number, days_text, days_words
from sendcalc.exclusions.explain.totals import totals_steps
from sendcalc.exclusions.ledger import Run
from sendcalc.exclusions.thresholds import CAP
from sendcalc.exclusions.totals import TotalsResult
from sendcalc.render.emit import csv_text, json_text
from sendcalc.render.ics import Event
from sendcalc.render.steps import steps_json
from sendcalc.render.text import columns, paint
from sendcalc.render.view import View, view_of

CSV_HEADER = [
    "number",
    "row",
    "starts_at",
    "returns_at",
    "days",
    "term",
    "term_total_days",
    "school_year",
    "year_total_days",
    "run",
    "provision_from",
    "board_duty",
    "board_deadline",
]


def totals_json(result: TotalsResult) -> str:
    ledger = result.ledger
    suspensions = []
    for number, (item, board, (provision, provider)) in enumerate(
        zip(ledger.entries, result.boards, result.provision, strict=True), start=1
    ):
        s = item.entry.suspension
        suspensions.append(
            {
                "number": number,
                "row": item.entry.label,
                "starts_at": iso_moment(s.starts_at),
                "returns_at": iso_moment(s.returns_at),
                "days": days_number(s.halves),
                "lunchtime": s.lunchtime,
                "excluded_dates": list(s.excluded_dates),
                "day_one": s.day_one,
                "exam": item.entry.exam,
                "run": item.run + 1,
                "term_totals": [
                    {
                        "term": t.period,
                        "school_year": t.school_year,
                        "days": days_number(t.this_halves),
                        "total_days": days_number(t.total_halves),
                    }
                    for t in item.terms
                ],
                "year_totals": [
                    {
                        "school_year": y.period,
                        "days": days_number(y.this_halves),
                        "total_days": days_number(y.total_halves),
                    }
                    for y in item.years
                ],
                "provision_from": provision,
                "provision_by": provider,
                "governing_board": {
                    "duty": board.duty,
                    "deadline": board.deadline,
                    "school_days": board.school_days,
                    "notice_date": board.notice_date,
                    "decided_on_term": item.board_term,
                    "term_total_days": days_number(item.board_term_halves),
                    "deadline_passed": board.deadline_passed,
                },
            }
        )
    body: dict[str, Any] = {
        "kind": result.kind,
        "calendar": result.calendar,
        "suspensions": suspensions,
        "terms": [
            {
                "term": t.period,
                "school_year": t.school_year,
                "total_days": days_number(t.total_halves),
                "crossed": _crossed(result, "term", t.period),
            }
            for t in ledger.terms
        ],
        "school_years": [
            {
                "school_year": y.period,
                "total_days": days_number(y.total_halves),
                "cap_days": CAP // 2,
                "unlawful": y.total_halves > CAP,
                "crossed": _crossed(result, "school year", y.period),
            }
            for y in ledger.years
        ],
        "runs": runs_json(ledger.runs),
        "warnings": list(result.warnings),
        "steps": steps_json(totals_steps(result)),
    }
    return json_text(body)


def runs_json(runs: Sequence[Run]) -> list[dict[str, Any]]:
    """Back-to-back runs of suspensions as JSON: the suspensions in each (numbered from 1), its days, day 6."""
    return [
        {
            "run": run.number,
            "suspensions": [m + 1 for m in run.members],
            "days": days_number(run.halves),
            "day_one": run.day_one,
            "day_six": run.day_six,
        }
        for run in runs
    ]


def _crossed(result: TotalsResult, scope: str, period: str) -> list[dict[str, Any]]:
    return [
        {
            "threshold_days": days_number(c.threshold_halves),
            "suspension": c.entry + 1,
            "row": c.by,
            "date": c.date,
            "meaning": c.line.meaning,
        }
        for c in result.ledger.crossings
        if c.scope == scope and c.period == period
    ]


def totals_csv(result: TotalsResult) -> str:
    rows = []
    for number, (item, board, (provision, _)) in enumerate(
        zip(result.ledger.entries, result.boards, result.provision, strict=True), start=1
    ):
        s = item.entry.suspension
        first_term, first_year = item.terms[0], item.years[0]
        rows.append(
            [
                number,
                item.entry.label,
                iso_moment(s.starts_at),
                iso_moment(s.returns_at),
                days_text(s.halves),
                first_term.period,
                days_text(first_term.total_halves),
                first_year.period,
                days_text(first_year.total_halves),
                item.run + 1,
                provision or "",
                board.duty,
                board.deadline or "",
            ]
        )
    return csv_text(CSV_HEADER, rows)


def totals_events(result: TotalsResult) -> list[Event]:
    events = []
    for item, board, (provision, provider) in zip(result.ledger.entries, result.boards, result.provision, strict=True):
        s = item.entry.suspension
        events.append(Event(s.starts_at.date(), s.starts_at.time(), f"Suspension ({item.entry.label})", "starts"))
        if provision is not None:
            events.append(
                Event(provision, None, f"Day 6: provision from the {provider}", f"run {item.run + 1} reaches day 6")
            )
        if board.deadline is not None:
            events.append(
                Event(
                    board.deadline,
                    None,
                    f"Governing board deadline ({board.school_days} school days)",
                    f"{item.entry.label}: {board.duty}",
                )
            )
    for c in result.ledger.crossings:
        events.append(
            Event(
                c.date,
                None,
                f"Above {days_words(c.threshold_halves)} in {c.scope} {c.period}",
                c.line.meaning,
            )
        )
    return sorted(events, key=lambda e: e.date)


_DUTY_SHORT = {
    "consider-representations": "representations only",
    "if-parents-ask": "if parents ask",
    "must-consider": "must consider",
}


def _short(day: dt.date) -> str:
    return f"{day.day} {day:%b %Y}"


def totals_text(result: TotalsResult, colour: bool = False) -> str:
    """The table view: each suspension with its totals, the lines crossed, and the back-to-back runs."""
    ledger = result.ledger
    out = [paint(f"Suspension totals ({result.calendar} calendar)", "bold", colour)]
    rows = []
    for number, (item, board, (provision, _)) in enumerate(
        zip(ledger.entries, result.boards, result.provision, strict=True), start=1
    ):
        s = item.entry.suspension
        terms = "\n".join(f"{t.period.split()[0]} {days_text(t.total_halves)}" for t in item.terms)
        years = "\n".join(days_text(y.total_halves) for y in item.years)
        deadline = f"\nby {_short(board.deadline)}" if board.deadline else ""
        start = _short(s.starts_at.date()) + ("" if s.start.position[1] == 0 else f"\n{s.starts_at:%H:%M}")
        six = _short(provision) if provision else "-"
        length = "0.5 lunch" if s.lunchtime else days_text(s.halves)
        rows.append((str(number), start, length, terms, years, six, _DUTY_SHORT[board.duty] + deadline))
    out += columns(rows, ("#", "starts", "days", "term total", "year", "day 6", "governing board"), indent=" ", gap=2)
    out.append(
        paint("Rows: " + "; ".join(f"{n} = {e.entry.label}" for n, e in enumerate(ledger.entries, 1)), "dim", colour)
    )
    out.append("Totals (the Regulations count 5 and 15 per term; the 45-day cap is per school year):")
    for t in ledger.terms:
        out.append(f"  {t.period}: {days_words(t.total_halves)}")
    for y in ledger.years:
        flag = "  UNLAWFUL: above 45" if y.total_halves > CAP else f"  ({days_text(CAP - y.total_halves)} left of 45)"
        out.append(f"  school year {y.period}: {days_words(y.total_halves)}{flag}")
    if ledger.crossings:
        out.append("Lines crossed:")
        crossed = []
        for c in ledger.crossings:
            where = f"{c.period} term" if c.scope == "term" else f"school year {c.period}"
            crossed.append(
                (
                    f"above {days_text(c.threshold_halves)} in {where}\nsuspension {c.entry + 1}, {_short(c.date)}",
                    c.line.meaning,
                )
            )
        out += columns(crossed, indent="   ", gap=2)
    out.append("Back-to-back runs (a run is broken only when the child attends a full session):")
    lunchtimes = [
        run.members[0] + 1 for run in ledger.runs if ledger.entries[run.members[0]].entry.suspension.lunchtime
    ]
    if lunchtimes:
        numbers = ", ".join(str(n) for n in lunchtimes)
        out.append(f"  lunchtimes (never part of a run: the child attends the afternoon): {numbers}")
    for run in ledger.runs:
        if ledger.entries[run.members[0]].entry.suspension.lunchtime:
            continue
        members = ", ".join(str(m + 1) for m in run.members)
        six = f"day 6 is {in_words(run.day_six)}" if run.day_six else "5 days or fewer: no day 6"
        out.append(f"  run {run.number} (suspensions {members}): {days_words(run.halves)}; {six}")
    return "\n".join(out) + "\n"


def totals_view(result: TotalsResult) -> View:
    return view_of(
        result,
        text=totals_text,
        json=totals_json,
        csv=totals_csv,
        steps=totals_steps,
        events=totals_events,
        ics_name="Suspension record (sendcalc)",
    )
