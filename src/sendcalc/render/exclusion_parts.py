"""Pieces the suspension and permanent-exclusion views share: start words, the board's line, the duties."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sendcalc.core.dates import in_words, iso_moment
from sendcalc.core.school_age import SchoolAge
from sendcalc.exclusions.kernel import Start
from sendcalc.exclusions.thresholds import BoardDecision
from sendcalc.render.emit import csv_text, pick

if TYPE_CHECKING:
    from sendcalc.render.ics import Event

CSV_HEADER = ["date", "time", "what", "detail"]
HOW = {
    "collected": "collected during school hours",
    "before-start": "collected before the school day started: counted from the start",
    "after-end": "collected at or after the end of the school day: counted as not collected",
    "not-collected": "not collected: from the start of the next school day",
    "start-of-day": "from the start of the school day",
    "lunchtime": "collected at lunchtime",
    "lunchtime-default": "from the start of the midday break",
}
MARK_LEGEND = "*  excluded    +  day 6: provision starts    !  governing board deadline"
PARENT_DUTY = "parent: child not in a public place in school hours; school: sets and marks work"
WRITTEN_NOTICE = (
    "the school must give the parents written notice by the end of the afternoon session (SI 2007/1870 reg 6(2))"
)


def board_json(board: BoardDecision) -> dict[str, Any]:
    names = ("duty", "deadline", "school_days", "notice_date", ("notice_date_given", "notice_given"), "deadline_passed")
    return pick(board, *names, "meaning", "source")


def start_json(start: Start) -> dict[str, Any]:
    return {
        "on": start.on,
        "picked_up": start.picked_up.strftime("%H:%M") if start.picked_up else None,
        "not_collected": start.not_collected,
        "start_rule": start.how,
        "starts_at": iso_moment(start.starts_at),
        "day_zero": start.day_zero,
        "day_one": start.day_one,
    }


def age_json(age: SchoolAge) -> dict[str, Any]:
    return {"compulsory": age.compulsory, "reason": age.reason}


def board_line(board: BoardDecision) -> str:
    if board.deadline is None:
        return f"Governing board: {board.meaning}."
    when = f"notice on {in_words(board.notice_date)}" + ("" if board.notice_given else ", taken as the first day")
    passed = " This date has passed; a late decision is still valid." if board.deadline_passed else ""
    return (
        f"Governing board: {board.meaning}. Deadline: {in_words(board.deadline)} "
        f"({board.school_days} school days after {when}).{passed}"
    )


def duty_lines(age: SchoolAge, parent_duty: bool, which: str) -> list[str]:
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


def sentence(text: str) -> str:
    """A reason as a sentence: capital first letter, full stop."""
    return f"{text[0].upper()}{text[1:]}."


def events_csv(events: list[Event]) -> str:
    rows = [[e.date, e.time.strftime("%H:%M") if e.time else "", e.what, e.detail] for e in events]
    return csv_text(CSV_HEADER, rows)
