"""Everything that follows one suspension (fixed-term exclusion): the `sendcalc exclusion` calculation.

Start and return, excluded dates, days 1-5 and their duties, day-6 provision (counting
back-to-back suspensions as one run), term and school-year totals against 5, 15 and 45, the
governing board's duty and deadline, and the warnings a parent needs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

from sendcalc.calendar.model import SchoolCalendar
from sendcalc.core import sources
from sendcalc.core.dates import in_words, moment_in_words
from sendcalc.core.errors import InputError
from sendcalc.core.school_age import Pupil, SchoolAge, provision_exception, school_age_on
from sendcalc.core.steps import Step
from sendcalc.core.units import days_text
from sendcalc.exclusions.history import HistoryRow
from sendcalc.exclusions.kernel import Suspension, place_suspension
from sendcalc.exclusions.thresholds import (
    CAP,
    FIFTEEN_DAYS,
    FIVE_DAYS,
    BoardDecision,
    board_decision,
    days_words,
    head_must_notify,
    require_notice_after,
)
from sendcalc.exclusions.totals import Entry, PeriodTotal, Run, build_ledger, linear, place_rows, provision_start

THIS = "this suspension"


@dataclass(frozen=True)
class SuspensionResult:
    """The full result of `sendcalc exclusion` (see `sendcalc guide exclusions` for the JSON form)."""

    calendar: str
    suspension: Suspension
    earlier: tuple[Entry, ...]
    previous_halves: int
    run: Run
    run_labels: tuple[str, ...]
    provision_from: dt.date | None
    provision_by: str | None
    provision_reason: str
    term: str
    term_total_halves: int
    school_year: str
    year_total_halves: int
    term_totals: tuple[PeriodTotal, ...]
    year_totals: tuple[PeriodTotal, ...]
    board_term: str
    board_term_halves: int
    governing_board: BoardDecision
    head_must_notify: bool
    written_notice_by: dt.datetime
    exam: bool
    pru: bool
    unlawful: bool
    school_age: SchoolAge
    parent_duty_dates: tuple[dt.date, ...]
    warnings: tuple[str, ...]
    steps: tuple[Step, ...]
    kind: str = "suspension"

    @property
    def halves(self) -> int:
        return self.suspension.halves

    @property
    def work_dates(self) -> tuple[dt.date, ...]:
        """Days the school should set and mark work: days 1-5 (all of them when 5 days or fewer), at any age."""
        return self.suspension.parent_duty_dates


def assess_suspension(
    calendar: SchoolCalendar,
    on: dt.date,
    halves: int,
    *,
    picked_up: dt.time | None = None,
    not_collected: bool = False,
    notice_date: dt.date | None = None,
    previous_halves: int = 0,
    history: Sequence[HistoryRow] = (),
    exam: bool = False,
    pru: bool = False,
    lunchtime: bool = False,
    pupil: Pupil | None = None,
    today: dt.date | None = None,
    explain: bool = True,
) -> SuspensionResult:
    """Compute every date and duty that follows a suspension of ``halves`` half days.

    ``on`` is the collection day (with ``picked_up``), the day the child stayed until the end
    (``not_collected``), or otherwise the first day of the suspension from the start of the day.
    ``previous_halves`` is what the child already had this term (no dates, so no run);
    ``history`` lists earlier suspensions with their dates (they count toward the totals and
    can form a back-to-back run). ``pru``: the child attends a pupil referral unit, so the
    local authority provides from day 6. ``lunchtime``: a lunchtime suspension (``halves`` is
    ignored). ``pupil``: the child's year group or date of birth, for the duties that apply only
    at compulsory school age, and the exceptions to day 6. ``today`` only sets ``deadline_passed``.
    ``explain=False`` leaves ``steps`` empty (for batch use; every date and duty is the same).
    """
    if previous_halves and history:
        raise InputError("give --previous or --history, not both (the history file already holds the earlier days)")
    if previous_halves < 0:
        raise InputError(f"--previous must be 0 or more days, not {days_text(previous_halves)}")
    suspension = place_suspension(
        calendar, on, halves, picked_up=picked_up, not_collected=not_collected, lunchtime=lunchtime, explain=explain
    )
    earlier = place_rows(calendar, history)
    start = linear(calendar, suspension.start.position)
    for entry in earlier:
        if linear(calendar, entry.suspension.start.position) >= start:
            raise InputError(
                f"{entry.label} starts at {moment_in_words(entry.suspension.starts_at)}, not before this suspension "
                f"({moment_in_words(suspension.starts_at)}); the history file should list only earlier suspensions"
            )
    first_day = suspension.counted[0]
    opening = {(first_day.term, first_day.school_year): previous_halves} if previous_halves else None
    ledger = build_ledger(calendar, [*earlier, Entry(THIS, suspension, exam=exam)], opening=opening)
    mine = ledger.entries[-1]
    run = ledger.runs[mine.run]
    run_labels = tuple(ledger.entries[i].entry.label for i in run.members)
    term_total = next(t.total_halves for t in mine.terms if t.period == first_day.term)
    year_total = next(y.total_halves for y in mine.years if y.period == first_day.school_year)

    school_age = school_age_on(pupil, suspension.day_one)
    parent_dates = tuple(d for d in suspension.parent_duty_dates if school_age_on(pupil, d).duties_apply)
    provision_from = provision_start(run, suspension)
    blocked = None
    if provision_from is not None:
        age_on_day_six = school_age_on(pupil, provision_from)
        blocked = provision_exception(pupil) or (None if age_on_day_six.duties_apply else age_on_day_six.reason)
    provision_reason = _provision_reason(suspension, run, provision_from, pru, blocked)
    if blocked:
        provision_from = None
    provision_by = None if provision_from is None else "local authority" if pru else "school"
    notice = notice_date or suspension.starts_at.date()
    require_notice_after(notice, on)
    board = board_decision(calendar, mine.board, notice, notice_given=notice_date is not None, today=today)
    unlawful_years = [y for y in mine.years if y.total_halves > CAP]

    warnings = [
        f"UNLAWFUL: this suspension takes the {y.period} school-year total to {days_text(y.total_halves)} school "
        "days, above the legal maximum of 45 (2012 Regs reg 4); the dates are still shown so the parents can act"
        for y in unlawful_years
    ]
    # only the terms and years its numbered days count in, in date order (a day-0 afternoon counts nowhere)
    counted_terms = [t for t in mine.terms if t.this_halves]
    counted_years = [y for y in mine.years if y.this_halves]
    if len(counted_terms) > 1:
        parts = " and ".join(f"{days_words(t.this_halves)} in {t.period}" for t in counted_terms)
        warnings.append(
            f"this suspension runs from the {counted_terms[0].period} term into the {counted_terms[-1].period} "
            f"term: it counts {parts}; the child returns at {moment_in_words(suspension.returns_at)}"
        )
    if len(counted_years) > 1:
        warnings.append(
            f"this suspension runs from school year {counted_years[0].period} into {counted_years[-1].period}: "
            "each day counts toward the school year of its date (for the 45-day cap)"
        )
    for line in (FIVE_DAYS, FIFTEEN_DAYS):
        if len(counted_terms) > 1 and suspension.halves > line >= mine.board_term_halves:
            shares = ", ".join(f"{days_text(t.total_halves)} in {t.period}" for t in counted_terms)
            warnings.append(
                f"this suspension is {days_words(suspension.halves)} in all, more than {line // 2}, but no single "
                f"term's total is above {line // 2} ({shares}); "
                "the Regulations count days 'in any term', so sendcalc gives the board's duty for the larger term "
                f"total. The board may still be expected to act as for more than {line // 2} days, because the head "
                "decided one suspension of that length: ask the governing board (or your local SENDIASS)"
            )
            break
    if not school_age.duties_apply:
        warnings.append(f"the parent's duty and day-6 provision do not apply: {school_age.reason}")
    last = max(d for d in (suspension.returns_at.date(), board.deadline, provision_from) if d is not None)
    warnings += calendar.status_warnings(suspension.excluded_dates[0], last)

    result = SuspensionResult(
        calendar=calendar.name,
        suspension=suspension,
        earlier=tuple(e.entry for e in ledger.entries[:-1]),
        previous_halves=previous_halves,
        run=run,
        run_labels=run_labels,
        provision_from=provision_from,
        provision_by=provision_by,
        provision_reason=provision_reason,
        term=first_day.term,
        term_total_halves=term_total,
        school_year=first_day.school_year,
        year_total_halves=year_total,
        term_totals=mine.terms,
        year_totals=mine.years,
        board_term=mine.board_term,
        board_term_halves=mine.board_term_halves,
        governing_board=board,
        head_must_notify=head_must_notify(mine.board_term_halves, exam=exam),
        written_notice_by=dt.datetime.combine(suspension.starts_at.date(), calendar.times.day_ends),
        exam=exam,
        pru=pru,
        unlawful=bool(unlawful_years),
        school_age=school_age,
        parent_duty_dates=parent_dates,
        warnings=tuple(warnings),
        steps=(),
    )
    return replace(result, steps=_steps(result)) if explain else result


def _provision_reason(
    suspension: Suspension, run: Run, provision_from: dt.date | None, pru: bool, blocked: str | None = None
) -> str:
    """Why day-6 provision is or is not due, in words (also the JSON ``provision_reason``).

    ``blocked``: why the duty does not apply although the run passes day 6 (age, or an exception).
    """
    if blocked and provision_from is not None:
        lead = "the run" if len(run.members) > 1 else "the suspension"
        return (
            f"no day-6 provision is due: {lead} is {days_words(run.halves)}, more than 5, and day 6 would be "
            f"{in_words(provision_from)}, but {blocked}"
        )
    if suspension.lunchtime:
        return (
            "no day-6 provision is due: a lunchtime suspension never starts or continues a run of school days of "
            "exclusion, because the child attends the afternoon session"
        )
    if provision_from is None:
        what = (
            f"the suspension is {days_words(suspension.halves)}"
            if len(run.members) == 1
            else f"the run of {len(run.members)} back-to-back suspensions totals {days_words(run.halves)}"
        )
        return f"no day-6 provision is due: {what}, not more than 5 school days"
    who = "the local authority (the child attends a pupil referral unit)" if pru else "the school's governing board"
    if run.day_six is not None and run.day_six < provision_from:
        return (
            f"the run passed day 6 on {in_words(run.day_six)}, before this suspension: {who} must "
            f"provide suitable full-time education from its first day, {in_words(provision_from)}"
        )
    lead = "the run" if len(run.members) > 1 else "the suspension"
    return (
        f"{lead} is {days_words(run.halves)}, more than 5: day 6 is {in_words(provision_from)}, and "
        f"{who} must provide suitable full-time education from that day at the latest; details "
        "must reach the parents at least 48 hours before it starts (they can waive this)"
    )


def _steps(result: SuspensionResult) -> tuple[Step, ...]:
    """The working for ``--explain`` and the JSON ``steps``: each rule, its source and its result."""
    suspension = result.suspension
    run = result.run
    board = result.governing_board
    steps = list(suspension.steps)
    work = result.work_dates
    which = "every excluded date (the suspension is 5 days or fewer)" if result.halves <= FIVE_DAYS else "days 1 to 5"
    age = result.school_age
    steps.append(
        Step(
            "The parent's duty and day-6 provision apply to a child of compulsory school age: from the 31 "
            "December, 31 March or 31 August after the fifth birthday to the last Friday in June of Year 11",
            sources.SCHOOL_AGE,
            age.reason,
            convention=age.compulsory == "assumed",
        )
    )
    parent_words = ", ".join(in_words(d) for d in result.parent_duty_dates) or "none (see the school age step)"
    steps.append(
        Step(
            "Parent's duty: the child must not be in a public place during school hours without reasonable "
            "justification, on the first five school days (all days if 5 or fewer), only on days named in the "
            "school's written notice",
            sources.PARENT_DUTY,
            f"{which}: {parent_words}",
        )
    )
    steps.append(
        Step(
            "School's duty to set and mark work for the first five school days",
            sources.SET_WORK,
            ", ".join(in_words(d) for d in work),
        )
    )
    steps.append(
        Step(
            "Written notice to the parents no later than the end of the afternoon session of the first day",
            sources.WRITTEN_NOTICE,
            f"by {moment_in_words(result.written_notice_by)}",
        )
    )
    if result.previous_halves:
        steps.append(
            Step(
                "Earlier suspensions this term given as a number (--previous): they count toward the term and "
                "school-year totals; with no dates they cannot be checked for a back-to-back run",
                sources.TERM_TOTAL,
                f"{days_words(result.previous_halves)} already in {result.term}; treated as not back-to-back "
                "(use --history with dates if the last one ended just before this one)",
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
    if len(run.members) > 1:
        steps.append(
            Step(
                "Back-to-back suspensions count as one period for day 6; a run is broken only when the child attends "
                "a full session between two suspensions, and non-school days never break it",
                f"{sources.BACK_TO_BACK}; {sources.RUN_BROKEN}",
                f"this suspension follows {', '.join(result.run_labels[:-1])} with no full session attended in "
                f"between: one run of {days_words(run.halves)}, day 1 on {in_words(run.day_one)}",
                convention=True,
            )
        )
    elif result.earlier:
        steps.append(
            Step(
                "Back-to-back suspensions count as one period for day 6; a run is broken only when the child attends "
                "a full session between two suspensions",
                f"{sources.BACK_TO_BACK}; {sources.RUN_BROKEN}",
                "the child attended at least one full session since the last earlier suspension: this one starts a "
                "new run",
                convention=True,
            )
        )
    steps.append(
        Step(
            "Suitable full-time education from day 6 when the suspension (or run of back-to-back suspensions) is "
            "more than 5 school days; not for a Year 11 pupil who has taken or missed all their public exams, nor "
            "where the child's EHC plan names fewer hours and the local authority provides them",
            f"{sources.PROVISION_SUSPENSION}; {sources.PROVISION_NOTICE}; {sources.PROVISION_EXCEPTION}",
            result.provision_reason,
        )
    )
    steps.append(
        Step(
            "Totals: the term total decides the governing board's duty ('in any term'); the council's guide for "
            "parents reads the 5 and 15 day lines over a school year, so sendcalc shows both totals",
            f"{sources.TERM_TOTAL}; {sources.YEAR_READING}",
            "; ".join(
                f"{t.period}: {days_text(t.this_halves)} now, {days_text(t.total_halves)} in total"
                for t in result.term_totals
            )
            + f"; school year {result.school_year}: {days_text(result.year_total_halves)} in total",
        )
    )
    over = f"{result.board_term} total {days_words(result.board_term_halves)}" + (
        ", and the child would miss a public exam or National Curriculum test" if result.exam else ""
    )
    deadline_words = (
        f"deadline {in_words(board.deadline)} ({board.school_days} school days after notice on "
        f"{in_words(board.notice_date)})"
        if board.deadline
        else "no deadline"
    )
    steps.append(
        Step(
            "Governing board's duty, decided on the term total including this suspension (5 or less: representations "
            "only; more than 5 up to 15: only if the parents ask, 50 school days; more than 15, or a missed exam: "
            "must consider, 15 school days); a suspension counting in two terms is judged on the larger total "
            "('in any term')",
            board.source,
            f"{over}: {board.duty}; {deadline_words}",
        )
    )
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
