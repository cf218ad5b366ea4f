"""The independent review panel (IRP) timeline after a permanent exclusion (2012 Regs Sch 1).

A notice or application sent by first class post counts as given (or made) on the second
working day after posting; delivered by hand, on the day. Working days skip weekends and bank
holidays only (school holidays are working days); the deadlines themselves count school days.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sendcalc.calendar.model import SchoolCalendar
from sendcalc.core import sources
from sendcalc.core.dates import in_words
from sendcalc.core.errors import InputError
from sendcalc.core.steps import Step


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
    """The result of `sendcalc review` (see `sendcalc guide exclusions` for the JSON form)."""

    calendar: str
    decision_notice: ReviewStage | None
    application: ReviewStage | None
    panel_decision: ReviewStage | None
    warnings: tuple[str, ...]
    steps: tuple[Step, ...]
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
            "give at least one date: --decision-notice (the board's decision letter), --applied (the application "
            "to the panel) or --panel-decision (the panel's decision)"
        )
    steps: list[Step] = []
    warnings: list[str] = []
    dates: list[dt.date] = []

    def stage(day: dt.date, posted: bool, school_days: int, what: str) -> ReviewStage:
        effective = deemed_given(calendar, day, posted=posted)
        if posted:
            steps.append(
                Step(
                    f"The {what} was sent by first class post: it counts as given on the second working day after "
                    "posting (working days skip weekends and bank holidays, not school holidays)",
                    sources.IRP_POSTED,
                    f"posted {in_words(day)} -> given {in_words(effective)}",
                )
            )
        else:
            steps.append(
                Step(
                    f"The {what} was not posted (delivered by hand): it counts as given on the day",
                    sources.IRP_POSTED,
                    in_words(day),
                )
            )
        deadline = calendar.school_day_offset(effective, school_days)
        dates.extend((day, deadline))
        return ReviewStage(day, posted, effective, deadline, school_days)

    notice_stage = application_stage = panel_stage = None
    if decision_notice is not None:
        notice_stage = stage(decision_notice, decision_posted, 15, "governing board's decision letter")
        steps.append(
            Step(
                "The parents may apply for an independent review within 15 school days after the day they are given "
                "written notice of the governing board's decision; ask for a SEN expert in the application "
                "(whether or not the child has a diagnosed SEN)",
                f"{sources.IRP_APPLY}; {sources.IRP_SEN_EXPERT}",
                f"last day to apply (and to ask for a SEN expert): {in_words(notice_stage.deadline)}",
            )
        )
    if applied is not None:
        application_stage = stage(applied, applied_posted, 15, "application for a review")
        steps.append(
            Step(
                "The 'closing date for reviews' is the 15th school day after the application is made",
                sources.IRP_CLOSING,
                in_words(application_stage.deadline),
            )
        )
        if notice_stage is not None and application_stage.effective > notice_stage.deadline:
            warnings.append(
                f"the application counts as made on {in_words(application_stage.effective)}, after the last day to "
                f"apply ({in_words(notice_stage.deadline)})"
            )
        if notice_stage is not None and application_stage.effective < notice_stage.effective:
            warnings.append(
                f"the application ({in_words(application_stage.effective)}) is dated before the decision letter "
                f"counts as given ({in_words(notice_stage.effective)}); check the dates"
            )
    if panel_decision is not None:
        panel_stage = stage(panel_decision, panel_posted, 10, "panel's decision")
        steps.append(
            Step(
                "When the panel recommends or directs it, the governing board must reconsider within 10 school days "
                "after being notified of the panel's decision",
                sources.IRP_RECONSIDER,
                in_words(panel_stage.deadline),
            )
        )
    warnings += calendar.status_warnings(min(dates), max(dates))
    return ReviewResult(
        calendar=calendar.name,
        decision_notice=notice_stage,
        application=application_stage,
        panel_decision=panel_stage,
        warnings=tuple(warnings),
        steps=tuple(steps),
    )
