"""A permanent exclusion: the same start rules, days 1-5, the LA's provision from day 6, the board's 15 days.

EIA 2006 s.101 and s.103, the 2007 Regulations reg 4, the 2012 Regulations reg 6(1)(a). The
review panel timeline that follows the board's decision is in review.py.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sendcalc.calendar.engine import SchoolCalendar
from sendcalc.core.school_age import Pupil, SchoolAge, provision_blocked, school_age_on
from sendcalc.exclusions.kernel import Start, day_six, place_start
from sendcalc.exclusions.thresholds import BoardDecision, board_decision, board_duty, require_notice_after


@dataclass(frozen=True)
class PermanentResult:
    """The facts of `sendcalc permanent` (`sendcalc guide exclusions` gives the JSON form)."""

    calendar: str
    start: Start
    first_five_days: tuple[dt.date, ...]
    day_six: dt.date
    provision_from: dt.date | None
    provision_by: str | None
    provision_blocked: str | None  # why no provision is due on day 6: the child's age, or an exception
    school_age: SchoolAge
    parent_duty_dates: tuple[dt.date, ...]
    governing_board: BoardDecision
    written_notice_by: dt.datetime
    warnings: tuple[str, ...]
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
    start = place_start(calendar, on, picked_up=picked_up, not_collected=not_collected)
    first_five = tuple(calendar.day_at_index(start.day_one_index + k, start.position[0]) for k in range(5))
    six = day_six(calendar, start)
    school_age = school_age_on(pupil, start.day_one)
    blocked = provision_blocked(pupil, six)
    notice = notice_date or start.starts_at.date()
    require_notice_after(notice, on)
    board = board_decision(
        calendar, board_duty(0, permanent=True), notice, notice_given=notice_date is not None, today=today
    )
    assert board.deadline is not None  # a permanent exclusion always has the 15-day deadline
    warnings = calendar.status_warnings(start.starts_at.date(), max(board.deadline, six))
    if not school_age.duties_apply:
        warnings.append(f"the parent's duty and day-6 provision do not apply: {school_age.reason}")
    return PermanentResult(
        calendar=calendar.name,
        start=start,
        first_five_days=first_five,
        day_six=six,
        provision_from=None if blocked else six,
        provision_by=None if blocked else "local authority",
        provision_blocked=blocked,
        school_age=school_age,
        parent_duty_dates=tuple(d for d in first_five if school_age_on(pupil, d).duties_apply),
        governing_board=board,
        written_notice_by=dt.datetime.combine(start.starts_at.date(), calendar.times.day_ends),
        warnings=tuple(warnings),
    )
