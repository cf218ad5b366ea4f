"""JSON, CSV, calendar events and the text a person reads for `sendcalc exclusion` (a suspension).

Pure functions of a finished result; the JSON keys are a contract scripts depend on
(`sendcalc guide exclusions` lists every one). The text is plain, so the main job starts fast.
"""

from __future__ import annotations

import datetime as dt
from functools import partial
from typing import TYPE_CHECKING, Any

from sendcalc.calendar.engine import SchoolCalendar
from sendcalc.core.dates import in_words, iso_moment, moment_in_words, short_words
from sendcalc.core.units import days_number, days_text, days_words
from sendcalc.exclusions.explain.suspension import provision_reason, suspension_steps
from sendcalc.exclusions.suspension import SuspensionResult
from sendcalc.exclusions.thresholds import CAP, FIVE_DAYS, term_band, year_band
from sendcalc.render import exclusion_parts as parts
from sendcalc.render.emit import json_text
from sendcalc.render.grid import marked_months
from sendcalc.render.steps import steps_json
from sendcalc.render.text import columns, paint
from sendcalc.render.view import View

if TYPE_CHECKING:
    from sendcalc.render.ics import Event

_LIST_FULL = 8


def suspension_json(result: SuspensionResult, calendar: SchoolCalendar) -> str:
    s = result.suspension
    run = result.run
    board = parts.board_json(result.governing_board)
    board["decided_on_term"] = result.board_term
    board["term_total_days"] = days_number(result.board_term_halves)
    board["head_must_notify"] = result.head_must_notify
    body: dict[str, Any] = {
        "kind": result.kind,
        "calendar": result.calendar,
        "days": days_number(s.halves),
        **parts.start_json(s.start),
        "returns_at": iso_moment(s.returns_at),
        "excluded_dates": list(s.excluded_dates),
        "numbered_days": [{"day": n, "date": d} for n, d in s.numbered],
        "first_five_days": list(s.first_five_days),
        "parent_duty_dates": list(result.parent_duty_dates),
        "work_dates": list(result.work_dates),
        "lunchtime": s.lunchtime,
        "school_age": parts.age_json(result.school_age),
        "written_notice_by": iso_moment(result.written_notice_by),
        "provision_from": result.provision_from,
        "provision_by": result.provision_by,
        "provision_reason": provision_reason(result),
        "back_to_back": {
            "suspensions": list(result.run_labels),
            "days": days_number(run.halves),
            "day_one": run.day_one,
            "day_six": run.day_six,
        },
        "counted": [
            {
                "day": c.number,
                "date": c.date,
                "days": days_number(c.halves),
                "term": c.term,
                "school_year": c.school_year,
            }
            for c in s.counted
        ],
        "term": result.term,
        "school_year": result.school_year,
        "previous_days": days_number(result.previous_halves),
        "earlier": [
            {
                "label": e.label,
                "starts_at": iso_moment(e.suspension.starts_at),
                "returns_at": iso_moment(e.suspension.returns_at),
                "days": days_number(e.suspension.halves),
            }
            for e in result.earlier
        ],
        "term_total_days": days_number(result.term_total_halves),
        "year_total_days": days_number(result.year_total_halves),
        "term_totals": [
            {
                "term": t.period,
                "school_year": t.school_year,
                "days": days_number(t.this_halves),
                "total_days": days_number(t.total_halves),
            }
            for t in result.term_totals
        ],
        "year_totals": [
            {
                "school_year": y.period,
                "days": days_number(y.this_halves),
                "total_days": days_number(y.total_halves),
                "cap_days": CAP // 2,
                "unlawful": y.total_halves > CAP,
            }
            for y in result.year_totals
        ],
        "governing_board": board,
        "exam": result.exam,
        "pru": result.pru,
        "unlawful": result.unlawful,
        "warnings": list(result.warnings),
        "steps": steps_json(suspension_steps(calendar, result)),
    }
    return json_text(body)


def suspension_events(result: SuspensionResult) -> list[Event]:
    """Every dated line of a suspension, in date order (CSV rows and .ics events)."""
    from sendcalc.render.ics import Event

    s = result.suspension
    duty, work = set(result.parent_duty_dates), set(result.work_dates)
    what = "Lunchtime suspension starts" if s.lunchtime else "Suspension starts"
    events = [Event(s.starts_at.date(), s.starts_at.time(), what, parts.HOW[s.start.how])]
    for number, day in s.numbered:
        notes = []
        if day == s.starts_at.date() and s.start.position[1]:
            notes.append(f"excluded from {s.starts_at:%H:%M}")
        if day == s.returns_at.date():
            notes.append(f"excluded until {s.returns_at:%H:%M}")
        if day in duty:
            notes.append(parts.PARENT_DUTY)
        elif day in work:
            notes.append("school: sets and marks work")
        if result.provision_from is not None and day >= result.provision_from:
            notes.append(f"suitable full-time education from the {result.provision_by}")
        events.append(Event(day, None, f"Suspended: day {number}", "; ".join(notes) or "excluded all day"))
    notice = result.written_notice_by
    events.append(Event(notice.date(), notice.time(), "Written notice of the suspension due", parts.WRITTEN_NOTICE))
    back = "Back for the afternoon" if s.lunchtime else "Back at school"
    events.append(Event(s.returns_at.date(), s.returns_at.time(), back, "the suspension ends"))
    if result.provision_from is not None:
        events.append(
            Event(
                result.provision_from,
                None,
                f"Day 6: provision from the {result.provision_by}",
                provision_reason(result),
            )
        )
    board = result.governing_board
    if board.deadline is not None:
        events.append(
            Event(board.deadline, None, f"Governing board deadline ({board.school_days} school days)", board.meaning)
        )
    return sorted(events, key=lambda e: e.date)


def _day_rows(result: SuspensionResult) -> list[tuple[str, str, str, str]]:
    """(day, date, excluded, duties) rows; long suspensions are folded after day 6."""
    s = result.suspension
    duty, work = set(result.parent_duty_dates), set(result.work_dates)
    rows = []
    folded: list[tuple[int, dt.date]] = []
    for number, day in s.numbered:
        if s.lunchtime:
            excluded = f"{s.starts_at:%H:%M}-{s.returns_at:%H:%M}"
        elif day == s.starts_at.date() and s.start.position[1]:
            excluded = f"from {s.starts_at:%H:%M}"
        elif day == s.returns_at.date():
            excluded = f"until {s.returns_at:%H:%M}"
        else:
            excluded = "all day"
        duties = []
        if day in duty:
            duties.append("parent's duty; school sets work")
        elif day in work:
            duties.append("school sets work")
        if result.provision_from is not None and day >= result.provision_from:
            duties.append(f"education from the {result.provision_by}")
        last = number == s.numbered[-1][0]
        if len(s.numbered) > _LIST_FULL and number > 6 and not last:
            folded.append((number, day))
            continue
        if folded:
            rows.append(_fold(folded, result))
            folded = []
        rows.append((str(number), short_words(day), excluded, "; ".join(duties) or "-"))
    return rows


def _fold(folded: list[tuple[int, dt.date]], result: SuspensionResult) -> tuple[str, str, str, str]:
    (n1, d1), (n2, d2) = folded[0], folded[-1]
    duty = f"education from the {result.provision_by}" if result.provision_from is not None else "-"
    return (f"{n1}-{n2}", f"{short_words(d1)} to {short_words(d2)}", "all day (school days only)", duty)


def suspension_text(
    result: SuspensionResult, calendar: SchoolCalendar, colour: bool = False, *, grid: bool = True
) -> str:
    """The table view: what happens on each day, the duties, day 6, the totals and the board."""
    s = result.suspension
    what = "Lunchtime suspension" if s.lunchtime else f"Suspension of {days_words(s.halves)}"
    title = f"{what} ({result.calendar} calendar)"
    if result.unlawful:
        title += "  UNLAWFUL: above the 45-day yearly cap"
    out = [paint(title, "bold red" if result.unlawful else "bold", colour)]
    out.append(f"  Starts   {moment_in_words(s.starts_at)}  ({parts.HOW[s.start.how]})")
    if s.lunchtime:
        out.append(f"  Returns  {moment_in_words(s.returns_at)}: back for the afternoon session")
        out.append(
            "  Out over the midday break only: it counts as half a school day (0.5) in every total, the "
            "child loses no register session, and a lunchtime never brings a day-6 duty."
        )
        if s.start.how == "lunchtime-default":
            times = calendar.times
            default = "" if times.morning_ends is not None else " (sendcalc's default; a calendar file can set it)"
            out.append(
                f"  No collection time given: the midday break is taken to begin at {times.lunch_starts:%H:%M}"
                f"{default}."
            )
    else:
        out.append(f"  Returns  {moment_in_words(s.returns_at)}")
        if s.halves % 2:
            session = "afternoon" if s.returns_at.time() == calendar.times.day_starts else "morning"
            back_day = (
                s.returns_at.date() if session == "morning" else calendar.previous_school_day(s.returns_at.date())
            )
            out.append(f"  A half day is one session: here the {session} session of {in_words(back_day)}.")
    dates = ", ".join(short_words(d) for d in s.excluded_dates)
    if len(s.excluded_dates) > _LIST_FULL:
        dates = f"{short_words(s.excluded_dates[0])} to {short_words(s.excluded_dates[-1])}"
    plural = "s" if len(s.excluded_dates) > 1 else ""
    out.append(f"  Excluded on {len(s.excluded_dates)} school date{plural}: {dates}")
    if s.day_zero is not None:
        out.append(
            f"  It starts in the afternoon session, so that afternoon is day 0 and day 1 is {in_words(s.day_one)} "
            "(EIA 2006 s.103(7))."
        )
    out += columns(_day_rows(result), ("day", "date", "excluded", "duties"))
    which = "every excluded date" if s.halves <= FIVE_DAYS else "days 1 to 5"
    out += parts.duty_lines(result.school_age, bool(result.parent_duty_dates), which)
    out.append(f"Written notice: the school must give it by {moment_in_words(result.written_notice_by)}.")
    out.append(
        paint(f"Day 6: {parts.sentence(provision_reason(result))}", "bold" if result.provision_from else "", colour)
    )
    if len(result.run_labels) > 1:
        out.append(
            f"  Back-to-back: {', '.join(result.run_labels[:-1])} and {result.run_labels[-1]} count as one "
            f"run of {days_words(result.run.halves)} from {in_words(result.run.day_one)}."
        )
    out.append(
        "Totals (the Regulations count 5 and 15 per term; the Hertfordshire parents' guide reads them per school "
        "year; both shown):"
    )
    out += columns(threshold_rows(result), gap=4)
    if len(result.term_totals) > 1:
        shares = " and ".join(f"{days_words(t.this_halves)} in {t.period}" for t in result.term_totals)
        out.append(
            paint(
                f"This suspension runs into another term: it counts {shares}; "
                f"the child returns at {moment_in_words(s.returns_at)}.",
                "bold",
                colour,
            )
        )
    out.append(parts.board_line(result.governing_board))
    if result.head_must_notify:
        out.append("Head: must tell the governing board and the local authority without delay (reg 5(2)).")
    text = "\n".join(out) + "\n"
    if grid:
        marks = {d: ("*", "bold red") for d in s.excluded_dates}
        if result.provision_from is not None:
            marks[result.provision_from] = ("+", "bold blue")
        if result.governing_board.deadline is not None:
            marks[result.governing_board.deadline] = ("!", "bold magenta")
        text += marked_months(calendar, marks, parts.MARK_LEGEND, colour=colour)
    return text


def threshold_rows(result: SuspensionResult) -> list[tuple[str, str]]:
    """(total, what it means) for the term and school-year totals against 5, 15 and 45 days."""
    rows = []
    for t in result.term_totals:
        this = f" (this one: {days_text(t.this_halves)})" if t.this_halves != t.total_halves else ""
        rows.append((f"{t.period}: {days_words(t.total_halves)}{this}", term_band(t.total_halves)))
    for y in result.year_totals:
        means = year_band(y.total_halves)
        if y.total_halves > FIVE_DAYS and y.period == result.school_year:
            means += "; over 5 or 15 in the year alone brings no duty (the Regulations count per term)"
        rows.append((f"school year {y.period}: {days_words(y.total_halves)}", means))
    return rows


def suspension_view(result: SuspensionResult, calendar: SchoolCalendar, *, grid: bool = True) -> View:
    return View(
        text=partial(suspension_text, result, calendar, grid=grid),
        json=partial(suspension_json, result, calendar),
        csv=lambda: parts.events_csv(suspension_events(result)),
        steps=partial(suspension_steps, calendar, result),
        events=partial(suspension_events, result),
        ics_name="Suspension dates (sendcalc)",
    )
