"""The working of `sendcalc exclusion`: placement, duties, day 6 (with back-to-back runs), totals, the board."""

from __future__ import annotations

from sendcalc.calendar.engine import SchoolCalendar
from sendcalc.core import sources
from sendcalc.core.dates import in_words, moment_in_words
from sendcalc.core.steps import Step
from sendcalc.core.units import days_text, days_words
from sendcalc.exclusions.explain.duties import age_step, written_notice_step
from sendcalc.exclusions.explain.placement import placement_steps
from sendcalc.exclusions.ledger import Run
from sendcalc.exclusions.suspension import SuspensionResult
from sendcalc.exclusions.thresholds import CAP, FIVE_DAYS, BoardDecision


def provision_reason(result: SuspensionResult) -> str:
    """Why day-6 provision is or is not due, in words (also the JSON ``provision_reason``)."""
    suspension, run, pru = result.suspension, result.run, result.pru
    due = result.provision_from
    if result.provision_blocked:
        lead = "the run" if len(run.members) > 1 else "the suspension"
        day = max(d for d in (run.day_six, suspension.excluded_dates[0]) if d is not None)
        return (
            f"no day-6 provision is due: {lead} is {days_words(run.halves)}, more than 5, and day 6 would be "
            f"{in_words(day)}, but {result.provision_blocked}"
        )
    if suspension.lunchtime:
        return (
            "no day-6 provision is due: a lunchtime suspension never starts or continues a run of school days of "
            "exclusion, because the child attends the afternoon session"
        )
    if due is None:
        what = (
            f"the suspension is {days_words(suspension.halves)}"
            if len(run.members) == 1
            else f"the run of {len(run.members)} back-to-back suspensions totals {days_words(run.halves)}"
        )
        return f"no day-6 provision is due: {what}, not more than 5 school days"
    who = "the local authority (the child attends a pupil referral unit)" if pru else "the school's governing board"
    if run.day_six is not None and run.day_six < due:
        return (
            f"the run passed day 6 on {in_words(run.day_six)}, before this suspension: {who} must "
            f"provide suitable full-time education from its first day, {in_words(due)}"
        )
    lead = "the run" if len(run.members) > 1 else "the suspension"
    return (
        f"{lead} is {days_words(run.halves)}, more than 5: day 6 is {in_words(due)}, and "
        f"{who} must provide suitable full-time education from that day at the latest; details "
        "must reach the parents at least 48 hours before it starts (they can waive this)"
    )


def suspension_steps(calendar: SchoolCalendar, result: SuspensionResult) -> tuple[Step, ...]:
    """The working for `sendcalc exclusion`: placement, duties, day 6, totals, the board, the cap."""
    steps = placement_steps(calendar, result.suspension)
    run, board = result.run, result.governing_board
    which = "every excluded date (the suspension is 5 days or fewer)" if result.halves <= FIVE_DAYS else "days 1 to 5"
    parent_words = ", ".join(in_words(d) for d in result.parent_duty_dates) or "none (see the school age step)"
    steps += [
        age_step(result.school_age),
        Step(
            "Parent's duty: the child must not be in a public place during school hours without reasonable "
            "justification, on the first five school days (all days if 5 or fewer), only on days named in the "
            "school's written notice",
            sources.PARENT_DUTY,
            f"{which}: {parent_words}",
        ),
        Step(
            "School's duty to set and mark work for the first five school days",
            sources.SET_WORK,
            ", ".join(in_words(d) for d in result.work_dates),
        ),
        written_notice_step(result.written_notice_by),
    ]
    if result.previous_halves:
        steps.append(
            Step(
                "Earlier suspensions this term given as a number of days: they count toward the term and school-year "
                "totals; with no dates they cannot be checked for a back-to-back run",
                sources.TERM_TOTAL,
                f"{days_words(result.previous_halves)} already in {result.term}; treated as not back-to-back "
                "(give the earlier suspensions with their dates if the last one ended just before this one)",
                convention=True,
            )
        )
    if result.earlier:
        steps.append(
            Step(
                "Earlier suspensions from the history file count toward the totals of the term and school year "
                "each of their days falls in",
                sources.TERM_TOTAL,
                "; ".join(
                    f"{e.label}: {days_words(e.suspension.halves)} from {moment_in_words(e.suspension.starts_at)}"
                    for e in result.earlier
                ),
            )
        )
    steps += _run_steps(result, run)
    steps.append(
        Step(
            "Suitable full-time education from day 6 when the suspension (or run of back-to-back suspensions) is "
            "more than 5 school days; not for a Year 11 pupil who has taken or missed all their public exams, nor "
            "where the child's EHC plan names fewer hours and the local authority provides them",
            f"{sources.PROVISION_SUSPENSION}; {sources.PROVISION_NOTICE}; {sources.PROVISION_EXCEPTION}",
            provision_reason(result),
        )
    )
    steps.append(
        Step(
            "Totals: the term total decides the governing board's duty ('in any term'); the Hertfordshire parents' "
            "guide reads the 5 and 15 day lines over a school year, so sendcalc shows both totals",
            f"{sources.TERM_TOTAL}; {sources.YEAR_READING}",
            "; ".join(
                f"{t.period}: {days_text(t.this_halves)} now, {days_text(t.total_halves)} in total"
                for t in result.term_totals
            )
            + f"; school year {result.school_year}: {days_text(result.year_total_halves)} in total",
        )
    )
    steps += _board_steps(result, board)
    steps.append(
        Step(
            "The head must tell the parents and the local authority of every suspension (and a social worker or "
            "virtual school head where there is one); and tell the governing board and the LA without delay when "
            "the term total goes above 5 days or the child would miss a public exam",
            f"{sources.EVERY_SUSPENSION}; {sources.HEAD_NOTICE}",
            "the extra notice to the board and the LA is due"
            if result.head_must_notify
            else "no extra notice to the board is due",
        )
    )
    steps.append(
        Step(
            "No more than 45 school days of suspension in a school year (45.0 is lawful, 45.5 is not)",
            sources.CAP,
            "; ".join(
                f"{y.period}: {days_words(y.total_halves)}"
                + (" - UNLAWFUL" if y.total_halves > CAP else f", {days_text(CAP - y.total_halves)} left")
                for y in result.year_totals
            ),
        )
    )
    return tuple(steps)


def _run_steps(result: SuspensionResult, run: Run) -> list[Step]:
    rule = (
        "Back-to-back suspensions count as one period for day 6; a run is broken only when the child attends "
        "a full session between two suspensions"
    )
    source = f"{sources.BACK_TO_BACK}; {sources.RUN_BROKEN}"
    if len(run.members) > 1:
        return [
            Step(
                f"{rule}, and non-school days never break it",
                source,
                f"this suspension follows {', '.join(result.run_labels[:-1])} with no full session attended in "
                f"between: one run of {days_words(run.halves)}, day 1 on {in_words(run.day_one)}",
                convention=True,
            )
        ]
    if result.earlier:
        return [
            Step(
                rule,
                source,
                "the child attended at least one full session since the last earlier suspension: this one starts a "
                "new run",
                convention=True,
            )
        ]
    return []


def _board_steps(result: SuspensionResult, board: BoardDecision) -> list[Step]:
    over = f"{result.board_term} total {days_words(result.board_term_halves)}" + (
        ", and the child would miss a public exam or National Curriculum test" if result.exam else ""
    )
    deadline_words = (
        f"deadline {in_words(board.deadline)} ({board.school_days} school days after notice on "
        f"{in_words(board.notice_date)})"
        if board.deadline
        else "no deadline"
    )
    steps = [
        Step(
            "Governing board's duty, decided on the term total including this suspension (5 or less: representations "
            "only; more than 5 up to 15: only if the parents ask, 50 school days; more than 15, or a missed exam: "
            "must consider, 15 school days); a suspension counting in two terms is judged on the larger total "
            "('in any term')",
            board.source,
            f"{over}: {board.duty}; {deadline_words}",
        )
    ]
    if board.deadline:
        steps.append(
            Step(
                "The clock starts when the board receives notice: the day of notice is day 0 and the deadline is the "
                f"{board.school_days}th school day after it"
                + ("" if board.notice_given else "; the notice date defaults to the first day of the suspension"),
                sources.NOTICE_CONVENTION,
                f"notice on {in_words(board.notice_date)} -> {in_words(board.deadline)}"
                + ("; the deadline has passed, and a late decision is still valid" if board.deadline_passed else ""),
                convention=True,
            )
        )
    return steps
