"""The statutory dates of one case, as one flat record: what `sendcalc check` writes for each row.

No rule of its own: the start, the return and the numbered days come from the kernel, the totals
from the ledger's :func:`case_totals`, day 6 from its :func:`provision_due`, the board's duty from
the thresholds, exactly as `sendcalc exclusion` and `permanent` compute them; only the dated lists
a person reads are left out. A case list places each start once (:func:`place_start`) and then
computes every length of exclusion from it here.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal, NamedTuple, TypedDict, Unpack

from sendcalc.calendar.engine import SchoolCalendar
from sendcalc.core.errors import InputError
from sendcalc.core.school_age import Pupil, provision_blocked, school_age_on
from sendcalc.exclusions.kernel import Start, day_six, place, place_start
from sendcalc.exclusions.ledger import case_totals, lone_run, provision_due
from sendcalc.exclusions.review import deemed_given
from sendcalc.exclusions.thresholds import board_duty, require_notice_after

Kind = Literal["suspension", "lunchtime", "permanent"]


class CaseDates(NamedTuple):
    """Every date a case list needs for one exclusion (None where it does not apply)."""

    kind: Kind
    halves: int | None
    starts_at: dt.datetime
    returns_at: dt.datetime | None
    day_one: dt.date
    excluded_days: int | None
    provision_from: dt.date | None
    provision_by: str | None
    term_total_halves: int | None
    year_total_halves: int | None
    board_duty: str
    board_deadline: dt.date | None
    review_deadline: dt.date | None
    unlawful: bool
    school_age: str = "assumed"


class CaseTerms(TypedDict, total=False):
    """Everything about a case besides its start: its length, notice, earlier days, exam, PRU, review, child."""

    halves: int
    notice_date: dt.date | None
    previous_halves: int
    exam: bool
    pru: bool
    decision_notice: dt.date | None
    decision_posted: bool
    pupil: Pupil | None


def case_dates(
    calendar: SchoolCalendar,
    kind: Kind,
    on: dt.date,
    *,
    picked_up: dt.time | None = None,
    not_collected: bool = False,
    **terms: Unpack[CaseTerms],
) -> CaseDates:
    """The dates for one suspension (``halves`` half days), lunchtime suspension or permanent exclusion
    starting ``on``.

    ``previous_halves``: suspension already this term before this one. ``decision_notice``: the day the
    parents were given the board's decision (permanent only), for the review-panel deadline;
    ``decision_posted`` when that letter went first class. ``pupil``: year group or date of birth, for
    day 6 (compulsory school age) and its exceptions.
    """
    start = place_start(calendar, on, picked_up=picked_up, not_collected=not_collected, lunchtime=kind == "lunchtime")
    return dates_from(calendar, start, kind, **terms)


def dates_from(calendar: SchoolCalendar, start: Start, kind: Kind, **terms: Unpack[CaseTerms]) -> CaseDates:
    """:func:`case_dates` from a start already placed on the calendar."""
    halves = terms.get("halves", 2)
    notice_date, previous_halves = terms.get("notice_date"), terms.get("previous_halves", 0)
    pupil, pru = terms.get("pupil"), terms.get("pru", False)
    notice = notice_date or start.starts_at.date()
    require_notice_after(notice, start.on)
    age = school_age_on(pupil, start.day_one).compulsory
    if kind == "permanent":
        duty = board_duty(0, permanent=True)
        six = day_six(calendar, start)
        provide = provision_blocked(pupil, six) is None
        review = None
        decision_notice = terms.get("decision_notice")
        if decision_notice is not None:
            posted = terms.get("decision_posted", False)
            review = calendar.school_day_offset(deemed_given(calendar, decision_notice, posted=posted), 15)
        return CaseDates(
            kind=kind,
            halves=None,
            starts_at=start.starts_at,
            returns_at=None,
            day_one=start.day_one,
            excluded_days=None,
            provision_from=six if provide else None,
            provision_by="local authority" if provide else None,
            term_total_halves=None,
            year_total_halves=None,
            board_duty=duty.duty,
            board_deadline=calendar.school_day_offset(notice, duty.school_days or 15),
            review_deadline=review,
            unlawful=False,
            school_age=age,
        )
    if previous_halves < 0:
        raise InputError("the days already this term cannot be negative")
    placement = place(calendar, start, halves)
    totals = case_totals(placement, previous_halves)
    duty = board_duty(totals.board_halves, exam=terms.get("exam", False))
    provision, _ = provision_due(calendar, lone_run(calendar, placement), placement, pupil)
    return CaseDates(
        kind=kind,
        halves=placement.halves,
        starts_at=start.starts_at,
        returns_at=placement.returns_at,
        day_one=start.day_one,
        excluded_days=placement.excluded_days,
        provision_from=provision,
        provision_by=("local authority" if pru else "school") if provision else None,
        term_total_halves=totals.term_halves,
        year_total_halves=totals.year_halves,
        board_duty=duty.duty,
        board_deadline=calendar.school_day_offset(notice, duty.school_days) if duty.school_days else None,
        review_deadline=None,
        unlawful=totals.unlawful,
        school_age=age,
    )
