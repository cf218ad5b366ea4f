"""Table, JSON, CSV and calendar events for `sendcalc exclusion` (suspensions) and `sendcalc permanent`.

JSON and CSV are plain text; the table view is Rich (imported only when a table is drawn).
The JSON keys are a contract scripts depend on: `sendcalc guide exclusions` lists every one.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from sendcalc.core.dates import in_words, iso_moment, moment_in_words, short_words
from sendcalc.core.school_age import SchoolAge
from sendcalc.core.units import days_number, days_text
from sendcalc.exclusions.kernel import ExclusionStart
from sendcalc.exclusions.permanent import PermanentResult
from sendcalc.exclusions.suspension import SuspensionResult
from sendcalc.exclusions.thresholds import CAP, FIFTEEN_DAYS, FIVE_DAYS, BoardDecision, days_words
from sendcalc.render.emit import csv_text, json_text
from sendcalc.render.ics import Event
from sendcalc.render.steps import steps_json

if TYPE_CHECKING:
    from rich.console import RenderableType

    from sendcalc.calendar.model import SchoolCalendar

CSV_HEADER = ["date", "time", "what", "detail"]
_HOW = {
    "collected": "collected during school hours",
    "before-start": "collected before the school day started: counted from the start",
    "after-end": "collected at or after the end of the school day: counted as not collected",
    "not-collected": "not collected: from the start of the next school day",
    "start-of-day": "from the start of the school day",
    "lunchtime": "collected at lunchtime",
    "lunchtime-default": "from the start of the midday break",
}
_LIST_FULL = 8
MARK_LEGEND = "*  excluded    +  day 6: provision starts    !  governing board deadline"


# ----- shared pieces ------------------------------------------------------------------------------


def _board_json(board: BoardDecision) -> dict[str, Any]:
    return {
        "duty": board.duty,
        "deadline": board.deadline,
        "school_days": board.school_days,
        "notice_date": board.notice_date,
        "notice_date_given": board.notice_given,
        "deadline_passed": board.deadline_passed,
        "meaning": board.meaning,
        "source": board.source,
    }


def _start_json(start: ExclusionStart) -> dict[str, Any]:
    return {
        "on": start.on,
        "picked_up": start.picked_up.strftime("%H:%M") if start.picked_up else None,
        "not_collected": start.not_collected,
        "start_rule": start.how,
        "starts_at": iso_moment(start.starts_at),
        "day_zero": start.day_zero,
        "day_one": start.day_one,
    }


def _board_line(board: BoardDecision) -> str:
    if board.deadline is None:
        return f"Governing board: {board.meaning}."
    when = f"notice on {in_words(board.notice_date)}" + ("" if board.notice_given else ", taken as the first day")
    passed = " This date has passed; a late decision is still valid." if board.deadline_passed else ""
    return (
        f"Governing board: {board.meaning}. Deadline: {in_words(board.deadline)} "
        f"({board.school_days} school days after {when}).{passed}"
    )


def _duty_lines(age: SchoolAge, parent_duty: bool, which: str) -> list[str]:
    """The parent's and the school's duties on days 1-5, and what they assume about the child's age."""
    if parent_duty:
        lines = [
            f"Parent: on {which}, the child must not be in a public place during school hours without a good "
            "reason (only on days named in the school's letter). School: set and mark work for those days."
        ]
    else:
        lines = [
            f"Parent: no duty to keep the child out of public places: {age.reason}.",
            f"School: set and mark work on {which}.",
        ]
    if age.compulsory == "assumed":
        lines.append(
            "These duties assume the child is of compulsory school age (Year 1 to June of Year 11); "
            "give --year-group or --dob to check."
        )
    elif age.compulsory != "no":
        lines.append(f"School age: {age.reason}.")
    return lines


def _print(renderables: list[RenderableType]) -> None:
    import sys

    from sendcalc.render.working import rich_text

    sys.stdout.write(rich_text(renderables))


# ----- suspension ---------------------------------------------------------------------------------


def suspension_json(result: SuspensionResult) -> str:
    s = result.suspension
    run = result.run
    board = _board_json(result.governing_board)
    board["decided_on_term"] = result.board_term
    board["term_total_days"] = days_number(result.board_term_halves)
    board["head_must_notify"] = result.head_must_notify
    body: dict[str, Any] = {
        "kind": result.kind,
        "calendar": result.calendar,
        "days": days_number(s.halves),
        **_start_json(s.start),
        "returns_at": iso_moment(s.returns_at),
        "excluded_dates": list(s.excluded_dates),
        "numbered_days": [{"day": n, "date": d} for n, d in s.numbered],
        "first_five_days": list(s.first_five_days),
        "parent_duty_dates": list(result.parent_duty_dates),
        "work_dates": list(result.work_dates),
        "lunchtime": s.lunchtime,
        "school_age": {"compulsory": result.school_age.compulsory, "reason": result.school_age.reason},
        "written_notice_by": iso_moment(result.written_notice_by),
        "provision_from": result.provision_from,
        "provision_by": result.provision_by,
        "provision_reason": result.provision_reason,
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
        "steps": steps_json(result.steps),
    }
    return json_text(body)


def suspension_events(result: SuspensionResult) -> list[Event]:
    """Every dated line of a suspension, in date order (CSV rows and .ics events)."""
    s = result.suspension
    duty = set(result.parent_duty_dates)
    work = set(result.work_dates)
    what = "Lunchtime suspension starts" if s.lunchtime else "Suspension starts"
    events = [Event(s.starts_at.date(), s.starts_at.time(), what, _HOW[s.start.how])]
    for number, day in s.numbered:
        parts = []
        if day == s.starts_at.date() and s.start.position[1]:
            parts.append(f"excluded from {s.starts_at:%H:%M}")
        if day == s.returns_at.date():
            parts.append(f"excluded until {s.returns_at:%H:%M}")
        if day in duty:
            parts.append("parent: child not in a public place in school hours; school: sets and marks work")
        elif day in work:
            parts.append("school: sets and marks work")
        if result.provision_from is not None and day >= result.provision_from:
            parts.append(f"suitable full-time education from the {result.provision_by}")
        events.append(Event(day, None, f"Suspended: day {number}", "; ".join(parts) or "excluded all day"))
    events.append(
        Event(
            result.written_notice_by.date(),
            result.written_notice_by.time(),
            "Written notice of the suspension due",
            "the school must give the parents written notice by the end of the afternoon session "
            "(SI 2007/1870 reg 6(2))",
        )
    )
    back = "Back for the afternoon" if s.lunchtime else "Back at school"
    events.append(Event(s.returns_at.date(), s.returns_at.time(), back, "the suspension ends"))
    if result.provision_from is not None:
        events.append(
            Event(
                result.provision_from, None, f"Day 6: provision from the {result.provision_by}", result.provision_reason
            )
        )
    board = result.governing_board
    if board.deadline is not None:
        events.append(
            Event(board.deadline, None, f"Governing board deadline ({board.school_days} school days)", board.meaning)
        )
    return sorted(events, key=lambda e: e.date)


def events_csv(events: list[Event]) -> str:
    rows = [[e.date, e.time.strftime("%H:%M") if e.time else "", e.what, e.detail] for e in events]
    return csv_text(CSV_HEADER, rows)


def _day_rows(result: SuspensionResult) -> list[tuple[str, str, str, str]]:
    """(day, date, excluded, duties) rows; long suspensions are folded after day 6."""
    s = result.suspension
    duty = set(result.parent_duty_dates)
    work = set(result.work_dates)
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
    provided = result.provision_from is not None
    duty = f"education from the {result.provision_by}" if provided else "-"
    return (f"{n1}-{n2}", f"{short_words(d1)} to {short_words(d2)}", "all day (school days only)", duty)


def suspension_renderables(
    result: SuspensionResult, calendar: SchoolCalendar, *, grid: bool = True
) -> list[RenderableType]:
    from rich.table import Table
    from rich.text import Text

    from sendcalc.render.calendar_view import marked_months

    s = result.suspension
    out: list[RenderableType] = []
    what = "Lunchtime suspension" if s.lunchtime else f"Suspension of {days_words(s.halves)}"
    title = f"{what} ({result.calendar} calendar)"
    if result.unlawful:
        title += "  UNLAWFUL: above the 45-day yearly cap"
    out.append(Text(title, style="bold red" if result.unlawful else "bold"))
    out.append(Text(f"  Starts   {moment_in_words(s.starts_at)}  ({_HOW[s.start.how]})"))
    if s.lunchtime:
        out.append(Text(f"  Returns  {moment_in_words(s.returns_at)}: back for the afternoon session"))
        out.append(
            Text(
                "  Out over the midday break only: it counts as half a school day (0.5) in every total, the "
                "child loses no register session, and a lunchtime never brings a day-6 duty."
            )
        )
        if s.start.how == "lunchtime-default":
            lunch = calendar.times
            default = "" if lunch.morning_ends is not None else " (sendcalc's default; a calendar file can set it)"
            out.append(
                Text(
                    f"  No collection time given: the midday break is taken to begin at "
                    f"{lunch.lunch_starts:%H:%M}{default}."
                )
            )
    else:
        out.append(Text(f"  Returns  {moment_in_words(s.returns_at)}"))
        if s.halves % 2:
            session = "afternoon" if s.returns_at.time() == calendar.times.day_starts else "morning"
            back_day = (
                s.returns_at.date() if session == "morning" else calendar.previous_school_day(s.returns_at.date())
            )
            out.append(Text(f"  A half day is one session: here the {session} session of {in_words(back_day)}."))
    dates = ", ".join(short_words(d) for d in s.excluded_dates)
    if len(s.excluded_dates) > _LIST_FULL:
        dates = f"{short_words(s.excluded_dates[0])} to {short_words(s.excluded_dates[-1])}"
    plural = "s" if len(s.excluded_dates) > 1 else ""
    out.append(Text(f"  Excluded on {len(s.excluded_dates)} school date{plural}: {dates}"))
    if s.day_zero is not None:
        out.append(
            Text(
                f"  It starts in the afternoon session, so that afternoon is day 0 and day 1 is {in_words(s.day_one)} "
                "(EIA 2006 s.103(7))."
            )
        )
    table = Table(box=None, padding=(0, 2), show_edge=False, header_style="bold")
    for column in ("day", "date", "excluded", "duties"):
        table.add_column(column)
    for row in _day_rows(result):
        table.add_row(*row)
    out.append(table)
    parent = "every excluded date" if s.halves <= FIVE_DAYS else "days 1 to 5"
    out += [Text(line) for line in _duty_lines(result.school_age, bool(result.parent_duty_dates), parent)]
    out.append(Text(f"Written notice: the school must give it by {moment_in_words(result.written_notice_by)}."))
    day6 = result.provision_reason[0].upper() + result.provision_reason[1:]
    out.append(Text(f"Day 6: {day6}.", style="bold" if result.provision_from else ""))
    if len(result.run_labels) > 1:
        out.append(
            Text(
                f"  Back-to-back: {', '.join(result.run_labels[:-1])} and {result.run_labels[-1]} count as one "
                f"run of {days_words(result.run.halves)} from {in_words(result.run.day_one)}."
            )
        )
    out.append(
        Text(
            "Totals (the Regulations count 5 and 15 per term; the council's guide for parents reads them per school "
            "year; both shown):"
        )
    )
    totals = Table(box=None, padding=(0, 2), show_edge=False, show_header=False)
    totals.add_column("total", no_wrap=True)
    totals.add_column("means")
    for total, means in threshold_lines(result):
        totals.add_row(total, means)
    out.append(totals)
    if len(result.term_totals) > 1:
        parts = " and ".join(f"{days_words(t.this_halves)} in {t.period}" for t in result.term_totals)
        out.append(
            Text(
                f"This suspension runs into another term: it counts {parts}; "
                f"the child returns at {moment_in_words(s.returns_at)}.",
                style="bold",
            )
        )
    out.append(Text(_board_line(result.governing_board)))
    if result.head_must_notify:
        out.append(Text("Head: must tell the governing board and the local authority without delay (reg 5(2))."))
    marks: dict[dt.date, tuple[str, str]] = {d: ("*", "bold red") for d in s.excluded_dates}
    if result.provision_from is not None:
        marks[result.provision_from] = ("+", "bold blue")
    if result.governing_board.deadline is not None:
        marks[result.governing_board.deadline] = ("!", "bold magenta")
    if grid:
        out.append(marked_months(calendar, marks, MARK_LEGEND))
    return out


def threshold_lines(result: SuspensionResult) -> list[tuple[str, str]]:
    """(total, what it means) for the term and school-year totals against 5, 15 and 45 days."""
    out = []
    for t in result.term_totals:
        this = f" (this one: {days_text(t.this_halves)})" if t.this_halves != t.total_halves else ""
        if t.total_halves > FIFTEEN_DAYS:
            means = "more than 15 in the term: the board must consider reinstatement within 15 school days"
        elif t.total_halves > FIVE_DAYS:
            means = (
                "more than 5 in the term: the head must tell the board and the LA; the board must consider "
                "reinstatement if the parents ask (within 50 school days)"
            )
        else:
            means = "5 or fewer in the term: the board must consider any representations; no meeting, no deadline"
        out.append((f"{t.period}: {days_words(t.total_halves)}{this}", means))
    for y in result.year_totals:
        if y.total_halves > CAP:
            means = f"more than 45 in the school year: UNLAWFUL ({days_text(y.total_halves - CAP)} over the cap)"
        else:
            means = f"45-day yearly cap: {days_words(CAP - y.total_halves)} left this school year"
        if y.total_halves > FIVE_DAYS and y.period == result.school_year:
            means += "; over 5 or 15 in the year alone brings no duty (the Regulations count per term)"
        out.append((f"school year {y.period}: {days_words(y.total_halves)}", means))
    return out


def print_suspension(result: SuspensionResult, calendar: SchoolCalendar, *, grid: bool = True) -> None:
    _print(suspension_renderables(result, calendar, grid=grid))


# ----- permanent exclusion ------------------------------------------------------------------------


def permanent_json(result: PermanentResult) -> str:
    body: dict[str, Any] = {
        "kind": result.kind,
        "calendar": result.calendar,
        **_start_json(result.start),
        "first_five_days": list(result.first_five_days),
        "parent_duty_dates": list(result.parent_duty_dates),
        "work_dates": list(result.first_five_days),
        "school_age": {"compulsory": result.school_age.compulsory, "reason": result.school_age.reason},
        "written_notice_by": iso_moment(result.written_notice_by),
        "provision_from": result.provision_from,
        "provision_by": result.provision_by,
        "provision_reason": result.provision_reason,
        "governing_board": _board_json(result.governing_board),
        "warnings": list(result.warnings),
        "steps": steps_json(result.steps),
    }
    return json_text(body)


def permanent_events(result: PermanentResult) -> list[Event]:
    start = result.start
    events = [Event(start.starts_at.date(), start.starts_at.time(), "Permanent exclusion starts", _HOW[start.how])]
    if start.day_zero is not None:
        events.append(Event(start.day_zero, None, "Excluded: day 0", f"excluded from {start.starts_at:%H:%M}"))
    duty = set(result.parent_duty_dates)
    for number, day in enumerate(result.first_five_days, start=1):
        events.append(
            Event(
                day,
                None,
                f"Excluded: day {number}",
                "parent: child not in a public place in school hours; school: sets and marks work"
                if day in duty
                else "school: sets and marks work",
            )
        )
    events.append(
        Event(
            result.written_notice_by.date(),
            result.written_notice_by.time(),
            "Written notice of the exclusion due",
            "the school must give the parents written notice by the end of the afternoon session "
            "(SI 2007/1870 reg 6(2))",
        )
    )
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


def print_permanent(result: PermanentResult, calendar: SchoolCalendar, *, grid: bool = True) -> None:
    from rich.table import Table
    from rich.text import Text

    from sendcalc.render.calendar_view import marked_months

    start = result.start
    out: list[RenderableType] = [
        Text(f"Permanent exclusion ({result.calendar} calendar)", style="bold"),
        Text(f"  Starts   {moment_in_words(start.starts_at)}  ({_HOW[start.how]})"),
    ]
    if start.day_zero is not None:
        out.append(Text(f"  It starts in the afternoon session, so day 1 is {in_words(start.day_one)} (s.103(7))."))
    table = Table(box=None, padding=(0, 2), show_edge=False, header_style="bold")
    for column in ("day", "date", "duties"):
        table.add_column(column)
    duty = set(result.parent_duty_dates)
    for number, day in enumerate(result.first_five_days, start=1):
        table.add_row(
            str(number), short_words(day), "parent's duty; school sets work" if day in duty else "school sets work"
        )
    if result.provision_from is not None:
        table.add_row("6", short_words(result.provision_from), "education from the local authority")
    out.append(table)
    out += [Text(line) for line in _duty_lines(result.school_age, bool(result.parent_duty_dates), "days 1 to 5")]
    if result.provision_from is None:
        out.append(Text(f"Day 6: {result.provision_reason[0].upper()}{result.provision_reason[1:]}."))
    out.append(Text(f"Written notice: the school must give it by {moment_in_words(result.written_notice_by)}."))
    out.append(Text("Head: must tell the governing board and the local authority without delay."))
    out.append(Text(_board_line(result.governing_board)))
    out.append(
        Text(
            "Next: when the board's decision letter arrives, the parents have 15 school days to apply for an "
            "independent review: sendcalc review --decision-notice DATE [--posted]"
        )
    )
    marks: dict[dt.date, tuple[str, str]] = {d: ("*", "bold red") for d in result.first_five_days}
    if result.provision_from is not None:
        marks[result.provision_from] = ("+", "bold blue")
    if result.governing_board.deadline is not None:
        marks[result.governing_board.deadline] = ("!", "bold magenta")
    if grid:
        out.append(marked_months(calendar, marks, MARK_LEGEND.replace("excluded", "days 1-5")))
    _print(out)
