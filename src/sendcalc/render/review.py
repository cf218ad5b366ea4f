"""Table, JSON, CSV and calendar events for `sendcalc review` (the independent review panel timeline)."""

from __future__ import annotations

from functools import partial
from typing import Any

from sendcalc.core.dates import in_words
from sendcalc.exclusions.explain.review import review_steps
from sendcalc.exclusions.review import ReviewResult, ReviewStage
from sendcalc.render.emit import json_text
from sendcalc.render.exclusion_parts import events_csv
from sendcalc.render.ics import Event
from sendcalc.render.steps import steps_json
from sendcalc.render.view import View


def _stage(stage: ReviewStage | None, effective: str, deadline: str, extra: str | None = None) -> Any:
    if stage is None:
        return None
    body = {"date": stage.date, "posted": stage.posted, effective: stage.effective, deadline: stage.deadline}
    if extra:
        body[extra] = stage.deadline
    return body


def review_json(result: ReviewResult) -> str:
    return json_text(
        {
            "kind": result.kind,
            "calendar": result.calendar,
            "decision_notice": _stage(result.decision_notice, "given_on", "apply_by", "sen_expert_by"),
            "application": _stage(result.application, "made_on", "closing_date"),
            "panel_decision": _stage(result.panel_decision, "notified_on", "reconsider_by"),
            "warnings": list(result.warnings),
            "steps": steps_json(review_steps(result)),
        }
    )


_EVENTS = (  # for each stage: the event when it counts as given, and its deadline with the rule
    ("decision_notice", "Board's decision letter counts as given",
     "Last day to apply for an independent review (and ask for a SEN expert)",
     "15 school days after the decision letter counts as given (2012 Regs Sch 1 para 2(1))"),
    ("application", "Review application counts as made", "Closing date for the review",
     "the 15th school day after the application is made (2012 Regs Sch 1 para 1(1))"),
    ("panel_decision", "Panel's decision counts as notified", "Governing board must have reconsidered",
     "within 10 school days after notification of the panel's decision (2012 Regs reg 8)"),
)  # fmt: skip


def review_events(result: ReviewResult) -> list[Event]:
    events = []
    for name, given, due, rule in _EVENTS:
        stage: ReviewStage | None = getattr(result, name)
        if stage is not None:
            events += [Event(stage.effective, None, given, _posted(stage)), Event(stage.deadline, None, due, rule)]
    return sorted(events, key=lambda e: e.date)


def _posted(stage: ReviewStage) -> str:
    if stage.posted:
        return f"posted first class on {in_words(stage.date)}: given on the second working day after posting"
    return f"delivered on {in_words(stage.date)}"


def review_lines(result: ReviewResult) -> str:
    lines = [f"Independent review panel timeline ({result.calendar} calendar)"]
    notice, applied, panel = result.decision_notice, result.application, result.panel_decision
    if notice is not None:
        lines.append(f"  Board's decision letter: {_given(notice)}")
        lines.append(f"  Last day to apply for a review (and to ask for a SEN expert): {in_words(notice.deadline)}")
        lines.append("    (15 school days after the letter counts as given; holidays do not count)")
    if applied is not None:
        lines.append(f"  Application to the panel: {_given(applied)}")
        lines.append(f"  Closing date for the review: {in_words(applied.deadline)} (15th school day after)")
    if panel is not None:
        lines.append(f"  Panel's decision: {_given(panel)}")
        lines.append(
            f"  If the panel recommends or directs it, the board must reconsider by {in_words(panel.deadline)} "
            "(10 school days)"
        )
    return "\n".join(lines) + "\n"


def _given(stage: ReviewStage) -> str:
    if stage.posted:
        return f"posted first class {in_words(stage.date)}, counts as given {in_words(stage.effective)}"
    return f"delivered by hand {in_words(stage.date)} (counts from that day)"


def review_view(result: ReviewResult) -> View:
    return View(
        text=lambda colour: review_lines(result),
        json=partial(review_json, result),
        csv=lambda: events_csv(review_events(result)),
        steps=partial(review_steps, result),
        events=partial(review_events, result),
        ics_name="Exclusion review deadlines (sendcalc)",
    )
