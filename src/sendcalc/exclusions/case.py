"""The statutory dates of one case, lean: the path `sendcalc check` takes for every row.

`sendcalc exclusion` and `permanent` compute these dates with their whole explanation
(exclusion.py, permanent.py); a case list of a million rows needs the dates only. This module
computes the same dates from the same primitives (``suspension.start_position``, the
calendar's school-time arithmetic, ``thresholds.board_duty``) without building any text, and
tests/test_check.py holds it equal to `sendcalc exclusion --json` across generated cases.
"""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass
from typing import Literal, NamedTuple

from sendcalc.calendar.model import SchoolCalendar
from sendcalc.core.errors import InputError
from sendcalc.core.school_age import Pupil, provision_exception, school_age_on
from sendcalc.exclusions.kernel import Position, not_a_school_day, start_position
from sendcalc.exclusions.review import deemed_given
from sendcalc.exclusions.thresholds import CAP, FIVE_DAYS, board_duty, require_notice_after

Kind = Literal["suspension", "lunchtime", "permanent"]


class CaseDates(NamedTuple):
    """Every date a case list needs for one exclusion (None where it does not apply).

    A named tuple rather than a frozen dataclass: as immutable, and a case list builds one per
    distinct case, where a frozen dataclass's field-by-field set-up would cost several times more.
    """

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


@dataclass(frozen=True, slots=True)
class CaseStart:
    """Where a case starts in school time: the same for every length of exclusion from that moment,
    so a case list computes it once per start (day 1 by EIA 2006 s.103(7)). A lunchtime start
    carries its end (the start of the afternoon session) in ``lunch_end``."""

    on: dt.date
    position: Position
    starts_at: dt.datetime
    day_one_index: int
    day_one: dt.date
    first_term: tuple[str, str, int]  # day one's term, its school year, and its school days from day one on
    lunch_end: Position | None = None


def case_start(
    calendar: SchoolCalendar,
    on: dt.date,
    *,
    picked_up: dt.time | None = None,
    not_collected: bool = False,
    lunchtime: bool = False,
) -> CaseStart:
    """The start of an exclusion on ``on``: collected at ``picked_up``, not collected, or neither;
    ``lunchtime``: a lunchtime suspension collected at ``picked_up`` (default: the midday break)."""
    lunch_end = None
    if lunchtime:
        if not_collected:
            raise InputError("a lunchtime suspension ends when the afternoon begins; give the collection time")
        if calendar.school_day_index(on) is None:
            raise not_a_school_day(calendar, on, "the child cannot have been collected from school that day")
        position, lunch_end = calendar.lunchtime(on, picked_up)
    else:
        position, _ = start_position(calendar, on, picked_up=picked_up, not_collected=not_collected)
    starts_at = calendar.moment_at(position)
    day_one_index = position[0] + 1 if calendar.afternoon_started(starts_at) else position[0]
    day_one = calendar.day_at_index(day_one_index, position[0])
    term = calendar.term_of(day_one)
    assert term is not None  # every school day lies in a term
    first_term = (sys.intern(term.label), term.school_year, calendar.count_school_days(day_one, term.last_day))
    return CaseStart(on, position, starts_at, day_one_index, day_one, first_term, lunch_end)


def case_dates(
    calendar: SchoolCalendar,
    kind: Kind,
    on: dt.date,
    *,
    halves: int = 2,
    picked_up: dt.time | None = None,
    not_collected: bool = False,
    notice_date: dt.date | None = None,
    previous_halves: int = 0,
    exam: bool = False,
    pru: bool = False,
    decision_notice: dt.date | None = None,
    decision_posted: bool = False,
    pupil: Pupil | None = None,
) -> CaseDates:
    """The dates for one suspension (``halves`` half days), lunchtime suspension or permanent exclusion
    starting ``on``.

    ``previous_halves``: suspension already this term before this one (as `exclusion --previous`).
    ``decision_notice``: the day the parents were given the board's decision (permanent only), for the
    review-panel deadline; ``decision_posted`` when that letter went first class. ``pupil``: year
    group or date of birth, for day 6 (compulsory school age) and its exceptions.
    """
    return dates_from(
        calendar,
        case_start(calendar, on, picked_up=picked_up, not_collected=not_collected, lunchtime=kind == "lunchtime"),
        kind,
        halves=halves,
        notice_date=notice_date,
        previous_halves=previous_halves,
        exam=exam,
        pru=pru,
        decision_notice=decision_notice,
        decision_posted=decision_posted,
        pupil=pupil,
    )


def dates_from(
    calendar: SchoolCalendar,
    start: CaseStart,
    kind: Kind,
    *,
    halves: int = 2,
    notice_date: dt.date | None = None,
    previous_halves: int = 0,
    exam: bool = False,
    pru: bool = False,
    decision_notice: dt.date | None = None,
    decision_posted: bool = False,
    pupil: Pupil | None = None,
) -> CaseDates:
    """``case_dates`` from a start already placed on the calendar (see ``case_start``)."""
    position, starts_at, day_one_index, day_one = start.position, start.starts_at, start.day_one_index, start.day_one
    notice = notice_date or starts_at.date()
    require_notice_after(notice, start.on)
    age = school_age_on(pupil, day_one).compulsory
    if kind == "permanent":
        day_six = calendar.day_at_index(day_one_index + 5, position[0])
        provide = provision_exception(pupil) is None and school_age_on(pupil, day_six).duties_apply
        duty = board_duty(0, permanent=True)
        review = None
        if decision_notice is not None:
            review = calendar.school_day_offset(deemed_given(calendar, decision_notice, posted=decision_posted), 15)
        return CaseDates(
            kind=kind,
            halves=None,
            starts_at=starts_at,
            returns_at=None,
            day_one=day_one,
            excluded_days=None,
            provision_from=day_six if provide else None,
            provision_by="local authority" if provide else None,
            term_total_halves=None,
            year_total_halves=None,
            board_duty=duty.duty,
            board_deadline=calendar.school_day_offset(notice, duty.school_days or 15),
            review_deadline=review,
            unlawful=False,
            school_age=age,
        )
    if kind == "lunchtime":
        halves = 1
    if halves < 1:
        raise InputError(f"a suspension is at least half a day, not {halves / 2:g} days")
    if previous_halves < 0:
        raise InputError("the days already this term cannot be negative")
    end = start.lunch_end if start.lunch_end is not None else calendar.advance(position, halves)
    last_index = end[0] if end[1] else end[0] - 1
    terms = _halves_by_term(calendar, start, halves)
    first_year = terms[0][1]
    term_total = previous_halves + terms[0][2]
    board_halves = max([term_total, *(h for _, _, h in terms[1:])])
    years: dict[str, int] = {}
    for _, year, part in terms:
        years[year] = years.get(year, 0) + part
    years[first_year] += previous_halves
    duty = board_duty(board_halves, exam=exam)
    provision: dt.date | None = None
    if halves > FIVE_DAYS:
        provision = calendar.day_at_index(day_one_index + 5, position[0])
        if provision_exception(pupil) or not school_age_on(pupil, provision).duties_apply:
            provision = None
    return CaseDates(
        kind=kind,
        halves=halves,
        starts_at=starts_at,
        returns_at=calendar.moment_at(end),
        day_one=day_one,
        excluded_days=last_index - position[0] + 1,
        provision_from=provision,
        provision_by=("local authority" if pru else "school") if provision else None,
        term_total_halves=term_total,
        year_total_halves=years[first_year],
        board_duty=duty.duty,
        board_deadline=calendar.school_day_offset(notice, duty.school_days) if duty.school_days else None,
        review_deadline=None,
        unlawful=any(total > CAP for total in years.values()),
        school_age=age,
    )


def _halves_by_term(calendar: SchoolCalendar, start: CaseStart, halves: int) -> list[tuple[str, str, int]]:
    """(term label, school year, half days) for each term the numbered days fall in (attribution convention)."""
    label, year, in_term = start.first_term
    if halves <= 2 * in_term:  # most suspensions end in the term they start in
        return [(label, year, halves)]
    out = [(label, year, 2 * in_term)]
    index, left = start.day_one_index + in_term, halves - 2 * in_term
    while left > 0:
        day = calendar.day_at_index(index, start.position[0])
        term = calendar.term_of(day)
        assert term is not None
        in_term = calendar.count_school_days(day, term.last_day)
        take = min(2 * in_term, left)
        out.append((term.label, term.school_year, take))
        left -= take
        index += (take + 1) // 2
    return out
