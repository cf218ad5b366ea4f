"""The working of `sendcalc permanent`."""

from __future__ import annotations

from sendcalc.calendar.engine import SchoolCalendar
from sendcalc.core import sources
from sendcalc.core.dates import in_words
from sendcalc.core.steps import Step
from sendcalc.exclusions.explain.duties import age_step, written_notice_step
from sendcalc.exclusions.explain.placement import start_steps
from sendcalc.exclusions.permanent import PermanentResult


def permanent_provision_reason(result: PermanentResult) -> str:
    if result.provision_blocked:
        return f"no day-6 provision is due: day 6 would be {in_words(result.day_six)}, but {result.provision_blocked}"
    return (
        f"day 6 is {in_words(result.day_six)}: the local authority must arrange suitable full-time education from "
        "that day at the latest"
    )


def permanent_steps(calendar: SchoolCalendar, result: PermanentResult) -> tuple[Step, ...]:
    """The working for `sendcalc permanent`."""
    board = result.governing_board
    assert board.deadline is not None  # a permanent exclusion always has the 15-day deadline
    return (
        *start_steps(calendar, result.start),
        age_step(result.school_age),
        Step(
            "Parent's duty on the first five school days: the child must not be in a public place during school "
            "hours without reasonable justification (only on days named in the written notice)",
            sources.PARENT_DUTY,
            ", ".join(in_words(d) for d in result.parent_duty_dates) or "none (see the school age step)",
        ),
        Step(
            "School's duty to set and mark work for the first five school days",
            sources.SET_WORK,
            ", ".join(in_words(d) for d in result.first_five_days),
        ),
        written_notice_step(result.written_notice_by),
        Step(
            "The local authority must arrange suitable full-time education from day 6 at the latest",
            f"{sources.PROVISION_PERMANENT}; {sources.PROVISION_NOTICE}; {sources.PROVISION_EXCEPTION}",
            permanent_provision_reason(result),
        ),
        Step(
            "The head must tell the governing board and the local authority without delay",
            sources.HEAD_NOTICE,
            "due now",
        ),
        Step(
            "The governing board must consider reinstatement within 15 school days of receiving notice",
            sources.BOARD_PERMANENT,
            f"notice on {in_words(board.notice_date)} -> {in_words(board.deadline)}",
        ),
        Step(
            "The day of notice is day 0 and the deadline is the 15th school day after it"
            + ("" if board.notice_given else "; the notice date defaults to the first day of the exclusion"),
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
    )
