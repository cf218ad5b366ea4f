"""A permanent exclusion: the same start rules, days 1-5, the LA's provision from day 6, the board's 15 days.

EIA 2006 s.101 and s.103, the 2007 Regulations reg 4, the 2012 Regulations reg 6(1)(a). The
review panel timeline that follows the board's decision is in review.py.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sendcalc.calendar.model import SchoolCalendar
from sendcalc.core import sources
from sendcalc.core.dates import in_words, moment_in_words
from sendcalc.core.school_age import Pupil, SchoolAge, provision_exception, school_age_on
from sendcalc.core.steps import Step
from sendcalc.exclusions.kernel import ExclusionStart, exclusion_start
from sendcalc.exclusions.thresholds import BoardDecision, board_decision, board_duty, require_notice_after


@dataclass(frozen=True)
class PermanentResult:
    """The result of `sendcalc permanent` (see `sendcalc guide exclusions` for the JSON form)."""

    calendar: str
    start: ExclusionStart
    first_five_days: tuple[dt.date, ...]
    provision_from: dt.date | None
    provision_by: str | None
    provision_reason: str
    school_age: SchoolAge
    parent_duty_dates: tuple[dt.date, ...]
    governing_board: BoardDecision
    written_notice_by: dt.datetime
    warnings: tuple[str, ...]
    steps: tuple[Step, ...]
    kind: str = "permanent"


def assess_permanent(
    calendar: SchoolCalendar,
    on: dt.date,
    *,
    picked_up: dt.time | None = None,
    not_collected: bool = False,
    notice_date: dt.date | None = None,
    pupil: Pupil | None = None,
    today: dt.date | None = None,
) -> PermanentResult:
    """Dates that follow a permanent exclusion starting on ``on`` (collection rules as for a suspension).

    ``pupil``: year group or date of birth; the parent's duty and day-6 provision apply only at
    compulsory school age, and SI 2007/1870 reg 5(2) lifts day 6 in two cases.
    """
    start = exclusion_start(calendar, on, picked_up=picked_up, not_collected=not_collected)
    first_five = tuple(calendar.day_at_index(start.day_one_index + k, start.position[0]) for k in range(5))
    day_six = calendar.day_at_index(start.day_one_index + 5, start.position[0])
    school_age = school_age_on(pupil, start.day_one)
    parent_dates = tuple(d for d in first_five if school_age_on(pupil, d).duties_apply)
    age_on_day_six = school_age_on(pupil, day_six)
    blocked = provision_exception(pupil) or (None if age_on_day_six.duties_apply else age_on_day_six.reason)
    provision_reason = (
        f"no day-6 provision is due: day 6 would be {in_words(day_six)}, but {blocked}"
        if blocked
        else f"day 6 is {in_words(day_six)}: the local authority must arrange suitable full-time education from "
        "that day at the latest"
    )
    notice = notice_date or start.starts_at.date()
    require_notice_after(notice, on)
    board = board_decision(
        calendar, board_duty(0, permanent=True), notice, notice_given=notice_date is not None, today=today
    )
    assert board.deadline is not None  # a permanent exclusion always has the 15-day deadline
    written_by = dt.datetime.combine(start.starts_at.date(), calendar.times.day_ends)
    days = ", ".join(in_words(d) for d in first_five)
    steps = [
        *start.steps,
        Step(
            "The parent's duty and day-6 provision apply to a child of compulsory school age: from the 31 "
            "December, 31 March or 31 August after the fifth birthday to the last Friday in June of Year 11",
            sources.SCHOOL_AGE,
            school_age.reason,
            convention=school_age.compulsory == "assumed",
        ),
        Step(
            "Parent's duty on the first five school days: the child must not be in a public place during school "
            "hours without reasonable justification (only on days named in the written notice)",
            sources.PARENT_DUTY,
            ", ".join(in_words(d) for d in parent_dates) or "none (see the school age step)",
        ),
        Step("School's duty to set and mark work for the first five school days", sources.SET_WORK, days),
        Step(
            "Written notice to the parents no later than the end of the afternoon session of the first day",
            sources.WRITTEN_NOTICE,
            f"by {moment_in_words(written_by)}",
        ),
        Step(
            "The local authority must arrange suitable full-time education from day 6 at the latest",
            f"{sources.PROVISION_PERMANENT}; {sources.PROVISION_NOTICE}; {sources.PROVISION_EXCEPTION}",
            provision_reason,
        ),
        Step(
            "The head must tell the governing board and the local authority without delay",
            sources.HEAD_NOTICE,
            "due now",
        ),
        Step(
            "The governing board must consider reinstatement within 15 school days of receiving notice",
            sources.BOARD_PERMANENT,
            f"notice on {in_words(notice)} -> {in_words(board.deadline)}",
        ),
        Step(
            "The day of notice is day 0 and the deadline is the 15th school day after it"
            + ("" if notice_date else "; the notice date defaults to the first day of the exclusion"),
            sources.NOTICE_CONVENTION,
            in_words(board.deadline) + ("; a late decision is still valid" if board.deadline_passed else ""),
            convention=True,
        ),
        Step(
            "After the board's decision the parents have 15 school days from being given written notice of it to "
            "apply for an independent review panel (and to ask for a SEN expert)",
            sources.IRP_APPLY,
            "use `sendcalc review --decision-notice DATE` once the letter arrives",
        ),
    ]
    last = max(board.deadline, day_six)
    warnings = calendar.status_warnings(start.starts_at.date(), last)
    if not school_age.duties_apply:
        warnings.append(f"the parent's duty and day-6 provision do not apply: {school_age.reason}")
    return PermanentResult(
        calendar=calendar.name,
        start=start,
        first_five_days=first_five,
        provision_from=None if blocked else day_six,
        provision_by=None if blocked else "local authority",
        provision_reason=provision_reason,
        school_age=school_age,
        parent_duty_dates=parent_dates,
        governing_board=board,
        written_notice_by=written_by,
        warnings=tuple(warnings),
        steps=tuple(steps),
    )
