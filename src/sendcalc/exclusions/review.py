"""The independent review panel (IRP) timeline after a permanent exclusion (2012 Regs Sch 1).

A notice or application sent by first class post counts as given (or made) on the second
working day after posting; delivered by hand, on the day. Working days skip weekends and bank
holidays only (school holidays are working days); the deadlines themselves count school days.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sendcalc.calendar.engine import SchoolCalendar
from sendcalc.core.dates import in_words
from sendcalc.core.errors import InputError


@dataclass(frozen=True)
class ReviewStage:
    """One dated event (decision letter, application, panel decision) and the deadline it starts."""

    date: dt.date
    posted: bool
    effective: dt.date
    deadline: dt.date
    school_days: int


@dataclass(frozen=True)
class ReviewResult:
    """The facts of `sendcalc review` (`sendcalc guide exclusions` gives the JSON form)."""

    calendar: str
    decision_notice: ReviewStage | None
    application: ReviewStage | None
    panel_decision: ReviewStage | None
    warnings: tuple[str, ...]
    kind: str = "review"


def deemed_given(calendar: SchoolCalendar, day: dt.date, *, posted: bool) -> dt.date:
    """When a notice counts as given: the 2nd working day after first-class posting, else the day itself."""
    return calendar.working_day_offset(day, 2) if posted else day


def review_timeline(
    calendar: SchoolCalendar,
    *,
    decision_notice: dt.date | None = None,
    decision_posted: bool = False,
    applied: dt.date | None = None,
    applied_posted: bool = False,
    panel_decision: dt.date | None = None,
    panel_posted: bool = False,
) -> ReviewResult:
    """Deadlines from the board's decision letter, the parents' application and the panel's decision."""
    if decision_notice is None and applied is None and panel_decision is None:
        raise InputError(
            "give at least one date: the board's decision letter, the application to the panel, or the panel's decision"
        )
    warnings: list[str] = []
    dates: list[dt.date] = []

    def stage(day: dt.date, posted: bool, school_days: int) -> ReviewStage:
        effective = deemed_given(calendar, day, posted=posted)
        deadline = calendar.school_day_offset(effective, school_days)
        dates.extend((day, deadline))
        return ReviewStage(day, posted, effective, deadline, school_days)

    notice_stage = stage(decision_notice, decision_posted, 15) if decision_notice is not None else None
    application_stage = stage(applied, applied_posted, 15) if applied is not None else None
    panel_stage = stage(panel_decision, panel_posted, 10) if panel_decision is not None else None
    if notice_stage is not None and application_stage is not None:
        if application_stage.effective > notice_stage.deadline:
            warnings.append(
                f"the application counts as made on {in_words(application_stage.effective)}, after the last day to "
                f"apply ({in_words(notice_stage.deadline)})"
            )
        if application_stage.effective < notice_stage.effective:
            warnings.append(
                f"the application ({in_words(application_stage.effective)}) is dated before the decision letter "
                f"counts as given ({in_words(notice_stage.effective)}); check the dates"
            )
    warnings += calendar.status_warnings(min(dates), max(dates))
    return ReviewResult(
        calendar=calendar.name,
        decision_notice=notice_stage,
        application=application_stage,
        panel_decision=panel_stage,
        warnings=tuple(warnings),
    )
