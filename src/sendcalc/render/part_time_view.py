"""Table (Rich), JSON and CSV for `sendcalc part-time`."""

from __future__ import annotations

import json
from dataclasses import asdict, replace
from typing import Any

from rich.table import Table

from sendcalc.attendance.explain import part_time_steps
from sendcalc.attendance.figures import percent_text
from sendcalc.attendance.part_time import PartTimeResult, Slot, Span, describe_slots
from sendcalc.attendance.part_time_checks import Check
from sendcalc.core.dates import in_words, short_words
from sendcalc.core.units import days_text
from sendcalc.render.emit import csv_text, json_text, pick
from sendcalc.render.steps import steps_json
from sendcalc.render.view import View, view_of
from sendcalc.render.working import days_json, rate_json, rich_text

NO_END = (
    "FLAG: this timetable has no end date. A part-time timetable must be temporary, with a time limit and "
    "regular reviews, and needs your agreement (DfE, Working together to improve school attendance). Ask "
    "the school for the end date and review dates in writing."
)


def _span_json(span: Span | None) -> dict[str, Any] | None:
    if span is None:
        return None
    return {
        "first": span.first,
        "last": span.last,
        "sessions_held": span.held,
        "sessions_attended": span.attended,
        "sessions_missed": span.missed,
        "days_missed": days_json(span.missed),
        "school_weeks": span.school_weeks,
        "best_possible_rate": rate_json(span.best_rate),
    }


def part_time_view(result: PartTimeResult, checks: tuple[Check, ...] = ()) -> View:
    view = view_of(result, text=part_time_text, json=part_time_json, csv=part_time_csv, steps=part_time_steps)
    if not checks:
        return view
    return replace(
        view,
        text=lambda colour: view.text(colour) + checks_text(checks),
        json=lambda: json_text({**json.loads(view.json()), "checks": [asdict(c) for c in checks]}),
    )


def checks_text(checks: tuple[Check, ...]) -> str:
    """The checks against the DfE guidance, one line each: 'ok' or 'ASK', what, and the source."""
    lines = ["Checks against the DfE guidance on part-time timetables:"]
    lines += [f"  {'ok ' if c.ok else 'ASK'}  {c.text} ({c.source})" for c in checks]
    return "\n".join(lines) + "\n"


def part_time_json(result: PartTimeResult) -> str:
    return json_text(
        {
            **pick(result, "calendar", ("from", "start"), ("to", "end"), "as_of"),
            "attends": _slots_json(result.attends),
            "phased_plan": [{"from": day, "attends": _slots_json(slots)} for day, slots in result.steps],
            "sessions_attended_per_full_week": result.slots_per_week,
            "sessions_missed_per_full_week": 10 - result.slots_per_week,
            "no_end_date": result.no_end_date,
            "absence_code": "C2",
            "total": _span_json(result.total),
            "so_far": _span_json(result.so_far),
            "to_end_of_school_year": _span_json(result.to_year_end),
            "weeks": [
                {"week_of": w.monday, "sessions_held": w.held, "attended": w.attended, "missed": w.missed}
                for w in result.weeks
            ],
            "steps": steps_json(part_time_steps(result)),
            "warnings": list(result.warnings),
        }
    )


def _slots_json(slots: tuple[Slot, ...]) -> list[str]:
    return [f"{('mon', 'tue', 'wed', 'thu', 'fri')[d]}-{s}" for d, s in slots]


def part_time_csv(result: PartTimeResult) -> str:
    return csv_text(
        ["week_of", "sessions_held", "attended", "missed"],
        [[w.monday, w.held, w.attended, w.missed] for w in result.weeks],
    )


def part_time_text(result: PartTimeResult, colour: bool = False) -> str:
    return rich_text(_parts(result))


def _parts(r: PartTimeResult) -> list[Any]:
    until = f"to {in_words(r.end)}" if r.end else "with no end date"
    parts: list[Any] = [
        f"Part-time timetable from {in_words(r.start)} {until}: attends {describe_slots(r.attends)} "
        f"({r.slots_per_week} of 10 sessions in a full week; {10 - r.slots_per_week} missed)."
    ]
    parts += [
        f"Then from {in_words(day)}: attends {describe_slots(slots)} ({len(slots)} of 10 sessions; {10 - len(slots)} "
        "missed)."
        for day, slots in r.steps
    ]
    if r.no_end_date:
        parts.append(NO_END)
    if r.so_far is not None:
        s = r.so_far
        parts.append(
            f"So far (to {in_words(s.last)}): {s.school_weeks} school week(s) on the timetable; "
            f"{s.missed} of {s.held} sessions missed ({days_text(s.missed)} school days)."
        )
    else:
        parts.append(f"The timetable has not started yet (today is {in_words(r.as_of)}).")
    if r.total is not None and r.end is not None:
        t = r.total
        parts.append(
            f"In total to {in_words(t.last)}: {t.missed} of {t.held} sessions missed ({days_text(t.missed)} school "
            f"days) over {t.school_weeks} school week(s)."
        )
    if r.to_year_end is not None and r.to_year_end.held:
        y = r.to_year_end
        parts.append(
            f"If it carries on to the end of the school year (last school day {in_words(y.last)}): {y.missed} more "
            "sessions "
            f"missed ({days_text(y.missed)} school days)."
        )
    base = r.total or r.so_far
    if base is not None and base.held:
        parts.append(
            f"The missed sessions are authorised absence (code C2) but still count as absence: with every "
            f"timetabled session attended, attendance over this period is at most {percent_text(base.best_rate)}"
            + (" (persistent absence)." if base.missed * 10 >= base.held else ".")
        )
    if r.weeks:
        table = Table(title="Sessions each week", title_justify="left")
        for name in ("week of", "held", "attended", "missed (C2)"):
            table.add_column(name, justify="left" if name == "week of" else "right")
        for w in r.weeks:
            table.add_row(short_words(w.monday), str(w.held), str(w.attended), str(w.missed))
        parts.append(table)
    parts.append(f"Calendar: {r.calendar}.")
    return parts
