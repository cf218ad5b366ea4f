"""Text, JSON, CSV and calendar events for `sendcalc record` (a child's whole record)."""

from __future__ import annotations

from typing import Any

from sendcalc.core import sources
from sendcalc.core.dates import in_words, short_words
from sendcalc.core.safe_text import printable
from sendcalc.core.units import days_number, days_text
from sendcalc.record.summary import RecordSummary
from sendcalc.render.emit import csv_text, json_text
from sendcalc.render.ics import Event
from sendcalc.render.text import columns
from sendcalc.render.totals_view import runs_json, totals_events
from sendcalc.render.view import View, view_of

CSV_HEADER = ["scope", "period", "suspended_days", "sent_home_days", "part_time_days", "together_days"]
_HEALTH = (
    "the council should arrange suitable education as soon as it is clear the child will miss 15 school days, in a "
    "row or added up over the school year (Education Act 1996 s.19; DfE, Arranging education for children who "
    "cannot attend school because of health needs)"
)


def record_view(summary: RecordSummary) -> View:
    return view_of(
        summary, text=record_text, json=record_json, csv=record_csv, events=record_events, ics_name="sendcalc record"
    )


def record_text(summary: RecordSummary, colour: bool = False) -> str:
    r = summary.record
    who = printable(r.child) or "The child"
    where = f" at {printable(r.school)}" if r.school else ""
    out = [f"{who}'s record{where} ({summary.calendar} calendar, from {r.source})", ""]
    if not (summary.breakdown or summary.internal or summary.health or summary.part_time or summary.permanent):
        return (
            "\n".join([*out, f"Nothing is recorded yet: add events with sendcalc record add {r.source} KIND DATE"])
            + "\n"
        )
    out.append("Exclusions, recorded and not, in school days:")
    rows = [
        [
            b.period if b.scope == "term" else f"school year {b.period}",
            days_text(b.suspended),
            days_text(b.sent_home),
            days_text(b.part_time),
            days_text(b.together),
        ]
        for b in summary.breakdown
    ]
    out += columns(rows, ["", "suspended", "sent home", "part-time (not agreed)", "together"], gap=3)
    crossings = summary.together.crossings
    if crossings:
        out += [
            "",
            "Lines the totals cross counting every exclusion, recorded or not (the duties named are those of formal "
            "exclusions: had the school made these formally, they would apply):",
        ]
        out += [f"  {c.period}, {short_words(c.date)} ({printable(c.by)}): {c.line.meaning}" for c in crossings]
    runs = [run for run in summary.formal.ledger.runs if run.day_six is not None]
    if runs:
        out += ["", "Back-to-back formal suspensions that reach day 6 (full-time education is due from day 6):"]
        out += [
            f"  run {run.number} (suspensions {', '.join(str(m + 1) for m in run.members)}): "
            f"{days_text(run.halves)} days from {short_words(run.day_one)}; day 6 is {short_words(run.day_six)}"
            for run in runs
            if run.day_six is not None
        ]
    out += _internal_lines(summary)
    for line in summary.part_time:
        p = line.period
        until = short_words(p.last) if p.last else "no end date"
        agreed = (
            "agreed by the parents"
            if p.agreed
            else "NOT agreed by the parents: each session kept out counts as an exclusion (above)"
        )
        out += ["", f"Part-time timetable {short_words(p.first)} to {until}: {line.sessions_missed} sessions missed; "
                f"{agreed}. ({sources.PART_TIME_AGREED})"]  # fmt: skip
    for health in summary.health:
        h = health.period
        until = short_words(h.last) if h.last else "still off"
        reach = (
            f"; the 15th school day in a row {'was' if h.last else 'is'} {in_words(health.fifteenth)}: {_HEALTH}"
            if health.fifteenth
            else ""
        )
        out += ["", f"Health absence {short_words(h.first)} to {until}: {health.school_days} school days{reach}."]
    for year in summary.health_years:
        if len(summary.health) > 1 and year.fifteenth:
            out.append(
                f"Health absence added up over school year {year.school_year}: {year.school_days} school days; the "
                f"15th was {in_words(year.fifteenth)}: {_HEALTH}."
            )
    for permanent in summary.permanent:
        out += [
            "",
            f"Permanent exclusion from {in_words(permanent.start.starts_at.date())}: the local authority must arrange "
            f"full-time education from day 6, {in_words(permanent.day_six)}; the governing board must consider it "
            f"by {in_words(permanent.governing_board.deadline) if permanent.governing_board.deadline else '-'}.",
        ]
    if summary.patterns:
        out += ["", "Patterns worth raising (sendcalc convention: three in six school weeks; the law sets no number):"]
        out += [f"  - {p}." for p in summary.patterns]
    return "\n".join(out) + "\n"


def _internal_lines(summary: RecordSummary) -> list[str]:
    if not summary.internal:
        return []
    out = ["", "Internal exclusions (not reported to the council or the governing board):"]
    rows = []
    for line in summary.internal:
        item = line.item
        away = " and ".join(
            part
            for part in (
                f"{days_text(item.halves)} day(s)" if item.halves else "",
                f"{item.lessons} lesson(s)" if item.lessons else "",
            )
            if part
        )
        rows.append([short_words(item.day), away or "-", printable(item.reason) or "-"])
    out += columns(rows, ["date", "away from lessons", "reason"], gap=3)
    for term in dict.fromkeys(line.term for line in summary.internal):
        items = [line.item for line in summary.internal if line.term == term]
        halves = sum(i.halves or 0 for i in items)
        lessons = sum(i.lessons or 0 for i in items)
        out.append(f"  {term}: {len(items)} internal exclusion(s); {days_text(halves)} day(s) and {lessons} lesson(s)")
    return out


def record_json(summary: RecordSummary) -> str:
    r = summary.record
    body: dict[str, Any] = {
        "kind": summary.kind,
        "calendar": summary.calendar,
        "child": r.child,
        "school": r.school,
        "totals": [
            {
                "scope": b.scope,
                "period": b.period,
                "suspended_days": days_number(b.suspended),
                "sent_home_days": days_number(b.sent_home),
                "part_time_days": days_number(b.part_time),
                "together_days": days_number(b.together),
            }
            for b in summary.breakdown
        ],
        "crossed": [
            {
                "scope": c.scope,
                "period": c.period,
                "threshold_days": days_number(c.threshold_halves),
                "date": c.date,
                "by": c.by,
                "meaning": c.line.meaning,
            }
            for c in summary.together.crossings
        ],
        "runs": runs_json(summary.formal.ledger.runs),
        "internal": [
            {
                "date": line.item.day,
                "days": days_number(line.item.halves) if line.item.halves else None,
                "lessons": line.item.lessons,
                "reason": line.item.reason,
                "term": line.term,
            }
            for line in summary.internal
        ],
        "part_time": [
            {
                "from": line.period.first,
                "to": line.period.last,
                "agreed": line.period.agreed,
                "sessions_missed": line.sessions_missed,
            }
            for line in summary.part_time
        ],
        "health_by_school_year": [
            {"school_year": y.school_year, "school_days": y.school_days, "fifteenth_day": y.fifteenth}
            for y in summary.health_years
        ],
        "health": [
            {"from": h.period.first, "to": h.period.last, "school_days": h.school_days, "fifteenth_day": h.fifteenth}
            for h in summary.health
        ],
        "permanent": [{"from": p.start.starts_at.date(), "day_six": p.day_six} for p in summary.permanent],
        "patterns": list(summary.patterns),
        "warnings": list(summary.warnings),
    }
    return json_text(body)


def record_csv(summary: RecordSummary) -> str:
    rows = [
        [b.scope, b.period, days_text(b.suspended), days_text(b.sent_home), days_text(b.part_time),
         days_text(b.together)]
        for b in summary.breakdown
    ]  # fmt: skip
    return csv_text(CSV_HEADER, rows)


def record_events(summary: RecordSummary) -> list[Event]:
    events = totals_events(summary.formal)
    events += [Event(e.day, None, "Sent home (not a formal exclusion)", e.what) for e in summary.sent_home.events]
    events += [Event(line.item.day, None, "Internal exclusion", line.item.reason) for line in summary.internal]
    events += [
        Event(h.fifteenth, None, "15th school day of health absence", _HEALTH) for h in summary.health if h.fifteenth
    ]
    return sorted(events, key=lambda e: e.date)
