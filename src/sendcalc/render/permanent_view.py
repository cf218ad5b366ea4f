"""JSON, CSV, calendar events and the text a person reads for `sendcalc permanent` (a permanent exclusion)."""

from __future__ import annotations

from functools import partial
from typing import Any

from sendcalc.calendar.engine import SchoolCalendar
from sendcalc.core.dates import in_words, iso_moment, moment_in_words, short_words
from sendcalc.exclusions.explain.permanent import permanent_provision_reason, permanent_steps
from sendcalc.exclusions.permanent import PermanentResult
from sendcalc.render import exclusion_parts as parts
from sendcalc.render.emit import json_text
from sendcalc.render.grid import marked_months
from sendcalc.render.ics import Event
from sendcalc.render.steps import steps_json
from sendcalc.render.text import columns, paint
from sendcalc.render.view import View


def permanent_json(result: PermanentResult, calendar: SchoolCalendar) -> str:
    body: dict[str, Any] = {
        "kind": result.kind,
        "calendar": result.calendar,
        **parts.start_json(result.start),
        "first_five_days": list(result.first_five_days),
        "parent_duty_dates": list(result.parent_duty_dates),
        "work_dates": list(result.first_five_days),
        "school_age": parts.age_json(result.school_age),
        "written_notice_by": iso_moment(result.written_notice_by),
        "provision_from": result.provision_from,
        "provision_by": result.provision_by,
        "provision_reason": permanent_provision_reason(result),
        "governing_board": parts.board_json(result.governing_board),
        "warnings": list(result.warnings),
        "steps": steps_json(permanent_steps(calendar, result)),
    }
    return json_text(body)


def permanent_events(result: PermanentResult) -> list[Event]:
    start = result.start
    events = [Event(start.starts_at.date(), start.starts_at.time(), "Permanent exclusion starts", parts.HOW[start.how])]
    if start.day_zero is not None:
        events.append(Event(start.day_zero, None, "Excluded: day 0", f"excluded from {start.starts_at:%H:%M}"))
    duty = set(result.parent_duty_dates)
    for number, day in enumerate(result.first_five_days, start=1):
        detail = parts.PARENT_DUTY if day in duty else "school: sets and marks work"
        events.append(Event(day, None, f"Excluded: day {number}", detail))
    notice = result.written_notice_by
    events.append(Event(notice.date(), notice.time(), "Written notice of the exclusion due", parts.WRITTEN_NOTICE))
    if result.provision_from is not None:
        events.append(
            Event(
                result.provision_from,
                None,
                "Day 6: local authority provision",
                "suitable full-time education from today",
            )
        )
    board = result.governing_board
    if board.deadline is not None:
        events.append(Event(board.deadline, None, "Governing board deadline (15 school days)", board.meaning))
    return sorted(events, key=lambda e: e.date)


def permanent_text(
    result: PermanentResult, calendar: SchoolCalendar, colour: bool = False, *, grid: bool = True
) -> str:
    start = result.start
    out = [
        paint(f"Permanent exclusion ({result.calendar} calendar)", "bold", colour),
        f"  Starts   {moment_in_words(start.starts_at)}  ({parts.HOW[start.how]})",
    ]
    if start.day_zero is not None:
        out.append(f"  It starts in the afternoon session, so day 1 is {in_words(start.day_one)} (s.103(7)).")
    duty = set(result.parent_duty_dates)
    rows = [
        (str(number), short_words(day), "parent's duty; school sets work" if day in duty else "school sets work")
        for number, day in enumerate(result.first_five_days, start=1)
    ]
    if result.provision_from is not None:
        rows.append(("6", short_words(result.provision_from), "education from the local authority"))
    out += columns(rows, ("day", "date", "duties"))
    out += parts.duty_lines(result.school_age, bool(result.parent_duty_dates), "days 1 to 5")
    if result.provision_from is None:
        out.append(f"Day 6: {parts.sentence(permanent_provision_reason(result))}")
    out.append(f"Written notice: the school must give it by {moment_in_words(result.written_notice_by)}.")
    out.append("Head: must tell the governing board and the local authority without delay.")
    out.append(parts.board_line(result.governing_board))
    out.append(
        "Next: when the board's decision letter arrives, the parents have 15 school days to apply for an "
        "independent review: sendcalc review --decision-notice DATE [--posted]"
    )
    text = "\n".join(out) + "\n"
    if grid:
        marks = {d: ("*", "bold red") for d in result.first_five_days}
        if result.provision_from is not None:
            marks[result.provision_from] = ("+", "bold blue")
        if result.governing_board.deadline is not None:
            marks[result.governing_board.deadline] = ("!", "bold magenta")
        text += marked_months(calendar, marks, parts.MARK_LEGEND.replace("excluded", "days 1-5"), colour=colour)
    return text


def permanent_view(result: PermanentResult, calendar: SchoolCalendar, *, grid: bool = True) -> View:
    return View(
        text=partial(permanent_text, result, calendar, grid=grid),
        json=partial(permanent_json, result, calendar),
        csv=lambda: parts.events_csv(permanent_events(result)),
        steps=partial(permanent_steps, calendar, result),
        events=partial(permanent_events, result),
        ics_name="Permanent exclusion dates (sendcalc)",
    )
