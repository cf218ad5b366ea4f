"""Everything that follows one suspension (fixed-term exclusion): the facts `sendcalc exclusion` reports.

Start and return, excluded dates, days 1-5 and their duties, day-6 provision (counting back-to-back
suspensions as one run), term and school-year totals against 5, 15 and 45, the governing board's
duty and deadline, and the warnings a parent needs. The working is worded in explain.py.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sendcalc.calendar.engine import SchoolCalendar
from sendcalc.core.dates import moment_in_words
from sendcalc.core.errors import InputError
from sendcalc.core.school_age import Pupil, SchoolAge, school_age_on
from sendcalc.core.units import days_text, days_words
from sendcalc.exclusions.kernel import Suspension, place_suspension
from sendcalc.exclusions.ledger import Entry, EntryTotals, PeriodTotal, Run, build_ledger, provision_due
from sendcalc.exclusions.thresholds import (
    CAP,
    FIFTEEN_DAYS,
    FIVE_DAYS,
    BoardDecision,
    board_decision,
    head_must_notify,
    require_notice_after,
)

if TYPE_CHECKING:
    from sendcalc.exclusions.history import HistoryRow

THIS = "this suspension"


@dataclass(frozen=True)
class SuspensionResult:
    """The facts of `sendcalc exclusion` (`sendcalc guide exclusions` gives the JSON form)."""

    calendar: str
    suspension: Suspension
    earlier: tuple[Entry, ...]
    previous_halves: int
    run: Run
    run_labels: tuple[str, ...]
    provision_from: dt.date | None
    provision_by: str | None
    provision_blocked: str | None  # why no provision is due although the run passed day 6
    term: str  # the term and school year day 1 counts in
    school_year: str
    term_total_halves: int  # that term's total, earlier suspensions included
    year_total_halves: int
    term_totals: tuple[PeriodTotal, ...]  # every term and school year it touches
    year_totals: tuple[PeriodTotal, ...]
    board_term: str  # the term whose total decides the board's duty (the larger, across two terms)
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
    kind: str = "suspension"

    @property
    def halves(self) -> int:
        return self.suspension.halves

    @property
    def work_dates(self) -> tuple[dt.date, ...]:
        """Days the school should set and mark work: days 1-5 (all of them when 5 days or fewer), at any age."""
        return self.suspension.duty_days


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
    """
    if previous_halves and history:
        raise InputError("give the days already this term or the earlier suspensions with their dates, not both")
    if previous_halves < 0:
        raise InputError(f"the days already this term must be 0 or more, not {days_text(previous_halves)}")
    suspension = place_suspension(
        calendar, on, halves, picked_up=picked_up, not_collected=not_collected, lunchtime=lunchtime
    )
    earlier = _place_history(calendar, history)
    start = calendar.linear(suspension.start.position)
    for entry in earlier:
        if calendar.linear(entry.suspension.start.position) >= start:
            raise InputError(
                f"{entry.label} starts at {moment_in_words(entry.suspension.starts_at)}, not before this suspension "
                f"({moment_in_words(suspension.starts_at)}); list only earlier suspensions"
            )
    first = suspension.parts[0]
    opening = {(first.term, first.school_year): previous_halves} if previous_halves else None
    ledger = build_ledger(calendar, [*earlier, Entry(THIS, suspension, exam=exam)], opening=opening)
    mine = ledger.entries[-1]
    run = ledger.runs[mine.run]

    school_age = school_age_on(pupil, suspension.day_one)
    provision_from, blocked = provision_due(calendar, run, suspension, pupil)
    notice = notice_date or suspension.starts_at.date()
    require_notice_after(notice, on)
    board = board_decision(calendar, mine.board, notice, notice_given=notice_date is not None, today=today)
    last = max(d for d in (suspension.returns_at.date(), board.deadline, provision_from) if d is not None)
    warnings = [
        *_warnings(suspension, mine, school_age),
        *calendar.status_warnings(suspension.excluded_dates[0], last),
    ]
    return SuspensionResult(
        calendar=calendar.name,
        suspension=suspension,
        earlier=tuple(e.entry for e in ledger.entries[:-1]),
        previous_halves=previous_halves,
        run=run,
        run_labels=tuple(ledger.entries[i].entry.label for i in run.members),
        provision_from=provision_from,
        provision_by=None if provision_from is None else "local authority" if pru else "school",
        provision_blocked=blocked,
        term=first.term,
        school_year=first.school_year,
        term_total_halves=next(t.total_halves for t in mine.terms if t.period == first.term),
        year_total_halves=next(y.total_halves for y in mine.years if y.period == first.school_year),
        term_totals=mine.terms,
        year_totals=mine.years,
        board_term=mine.board_term,
        board_term_halves=mine.board_term_halves,
        governing_board=board,
        head_must_notify=head_must_notify(mine.board_term_halves, exam=exam),
        written_notice_by=dt.datetime.combine(suspension.starts_at.date(), calendar.times.day_ends),
        exam=exam,
        pru=pru,
        unlawful=any(y.total_halves > CAP for y in mine.years),
        school_age=school_age,
        parent_duty_dates=tuple(d for d in suspension.duty_days if school_age_on(pupil, d).duties_apply),
        warnings=tuple(warnings),
    )


def _warnings(suspension: Suspension, mine: EntryTotals, school_age: SchoolAge) -> list[str]:
    """The unlawful total, a suspension across terms or years, and duties the child's age lifts."""
    warnings = [
        f"UNLAWFUL: this suspension takes the {y.period} school-year total to {days_text(y.total_halves)} school "
        "days, above the legal maximum of 45 (2012 Regs reg 4); the dates are still shown so the parents can act"
        for y in mine.years
        if y.total_halves > CAP
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
    return warnings


def _place_history(calendar: SchoolCalendar, history: Sequence[HistoryRow]) -> Sequence[Entry]:
    """The earlier suspensions placed on the calendar (imported only when there are some)."""
    if not history:
        return ()
    from sendcalc.exclusions.history import place_rows

    return place_rows(calendar, history)
