"""Text, JSON and CSV for `sendcalc absence` (health absence and the 15-school-day trigger)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sendcalc.attendance.explain import health_steps, trigger_words
from sendcalc.attendance.health import HEALTH_GUIDANCE, S19, HealthAbsence, Trigger
from sendcalc.core.dates import in_words
from sendcalc.core.units import days_text
from sendcalc.render.emit import csv_text, json_text, pick
from sendcalc.render.ics import Event
from sendcalc.render.steps import steps_json
from sendcalc.render.view import View, view_of
from sendcalc.render.working import days_json


def actions(result: HealthAbsence) -> list[str]:
    """What follows the 15-school-day trigger, in a parent's words."""
    when = result.consecutive.date if result.consecutive.status in ("due", "reached") else None
    due = result.cumulative.date if result.cumulative.status in ("due", "reached") else when
    wait = f"; it need not wait until {in_words(due)}" if due else ""
    if not result.school_age.duties_apply:
        return [
            f"The local authority's duty to arrange education (Education Act 1996 s.19) is to children of "
            f"compulsory school age, and {result.school_age.reason}. Ask the school or college about support "
            "while the child is unwell.",
            "Absence because of illness (including mental health, such as anxiety) should be authorised, code I, "
            "unless the school has genuine doubt about it.",
        ]
    return [
        "The school must tell the local authority (a 'sickness return') about a pupil off sick (code I) whom "
        "it has reasonable grounds to believe will miss 15 school days, consecutive or added up over the "
        "school year.",
        "The local authority must arrange suitable education (Education Act 1996 s.19) and should act as soon "
        f"as it is clear the child will miss 15 school days{wait}.",
        "Absence because of illness (including mental health, such as anxiety) should be authorised, code I, "
        "unless the school has genuine doubt about it.",
    ]


def _trigger_json(t: Trigger) -> dict[str, Any]:
    return {"date": t.date, "status": t.status, "school_day_of_absence": t.day_number}


def health_view(result: HealthAbsence) -> View:
    return view_of(
        result,
        text=health_text,
        json=health_json,
        csv=health_csv,
        steps=health_steps,
        events=health_events,
        ics_name="Health absence dates (sendcalc)",
    )


_DUTY = (
    f"the local authority must arrange suitable education ({S19}) and should act as soon as it is clear the child "
    f"will miss 15 school days ({HEALTH_GUIDANCE})"
)
_FIFTEENTH = {
    "consecutive": "15th school day off in a row",
    "cumulative": "15th school day off this school year (added up)",
}


def health_events(result: HealthAbsence) -> list[Event]:
    """The dated milestones of a health absence (.ics events): its first school day off, the 15th school day
    off in a row and added up over the school year (when it is reached or will be if the absence goes on),
    and its last school day off when known."""
    r = result
    session = "from the afternoon session" if r.start_session == "pm" else "the whole day"
    began = f"; the absence began on {in_words(r.start)}, {r.start_kind}" if r.start_kind else ""
    events = [Event(r.first_day, None, "Health absence: first school day off", f"{session}{began}")]
    duty = _DUTY if r.school_age.duties_apply else f"no duty to arrange education: {r.school_age.reason}"
    shown: set[dt.date] = set()
    for trigger in (r.consecutive, r.cumulative):
        if trigger.date is None or trigger.date in shown or trigger.status not in ("reached", "due", "reached before"):
            continue
        shown.add(trigger.date)
        what = _FIFTEENTH[trigger.count]
        if r.school_age.duties_apply:
            what += ": the local authority must arrange education"
        detail = {"due": f"if the absence continues: {duty}", "reached before": f"reached before this absence; {duty}"}
        events.append(Event(trigger.date, None, what, detail.get(trigger.status, duty)))
    if r.last_day is not None:
        events.append(Event(r.last_day, None, "Health absence: last school day off", "the child is due back after it"))
    return sorted(events, key=lambda e: e.date)


def health_json(result: HealthAbsence) -> str:
    return json_text(
        {
            **pick(
                result,
                "calendar",
                ("from", "start"),
                ("from_session", "start_session"),
                ("first_school_day", "first_day"),
                ("to", "end"),
                ("last_school_day", "last_day"),
                "continuing",
                "as_of",
            ),
            "school_days_missed": days_json(result.run_halves),
            "school_year": result.school_year,
            "earlier_school_days": days_json(result.earlier.halves),
            "earlier_source": result.earlier.source,
            "school_year_total": days_json(result.year_halves),
            "fifteenth_school_day": {
                "consecutive": _trigger_json(result.consecutive),
                "cumulative": _trigger_json(result.cumulative),
            },
            "three_calendar_weeks_end": result.three_weeks_last,
            "holidays_before_fifteenth": [
                {"first": h.first, "last": h.last, "reasons": list(h.reasons)} for h in result.holidays
            ],
            "school_age": {"compulsory": result.school_age.compulsory, "reason": result.school_age.reason},
            "actions": actions(result),
            "steps": steps_json(health_steps(result)),
            "warnings": list(result.warnings),
        }
    )


def health_csv(result: HealthAbsence) -> str:
    return csv_text(
        [
            "from",
            "first_school_day",
            "to",
            "school_days_missed",
            "school_year",
            "school_year_total",
            "consecutive_15th",
            "consecutive_status",
            "cumulative_15th",
            "cumulative_status",
        ],
        [
            [
                result.start,
                result.first_day,
                result.end,
                days_text(result.run_halves),
                result.school_year,
                days_text(result.year_halves),
                result.consecutive.date,
                result.consecutive.status,
                result.cumulative.date,
                result.cumulative.status,
            ]
        ],
    )


def health_text(result: HealthAbsence, colour: bool = False) -> str:
    return "\n".join(_lines(result)) + "\n"


def _lines(r: HealthAbsence) -> list[str]:
    session = "from the afternoon session" if r.start_session == "pm" else "whole day"
    span = f"to {in_words(r.last_day)}" if r.last_day else "continuing"
    lines = [f"Health absence from {in_words(r.first_day)} ({session}), {span}."]
    if r.last_day:
        missed = f"School days missed: {days_text(r.run_halves)} in this absence"
    else:
        missed = f"School days missed so far (to {in_words(r.as_of)}): {days_text(r.run_halves)} in this absence"
    lines.append(
        f"{missed}; {days_text(r.year_halves)} in school year {r.school_year} "
        f"(with {days_text(r.earlier.halves)} earlier)."
    )
    lines += [
        "",
        "The 15th school day of absence:",
        f"  in a row (this absence):           {trigger_words(r.consecutive)}",
        f"  added up over school year {r.school_year}: {trigger_words(r.cumulative)}",
        "",
    ]
    c = r.consecutive.date
    if r.holidays and c:
        lines.append(
            f"15 school days is not three calendar weeks here. Three calendar weeks from {in_words(r.first_day)} "
            f"end on {in_words(r.three_weeks_last)}, but the 15th school day is {in_words(c)}, because these "
            "days are not school days:"
        )
        for h in r.holidays:
            span = in_words(h.first) if h.last == h.first else f"{in_words(h.first)} to {in_words(h.last)}"
            lines.append(f"  {span}: {'; '.join(h.reasons)}")
    elif c:
        lines.append(
            "No holiday falls inside these 15 school days, so here they are three school weeks; a holiday, "
            "INSET day or bank holiday would push the date later."
        )
    lines += ["", "What follows:", *(f"  - {a}" for a in actions(r))]
    if r.start_session == "pm":
        lines.append("Convention: an absence starting at the afternoon session counts its first day as 0.5.")
    lines.append(f"Calendar: {r.calendar}.")
    return lines
