"""Whether a part-time timetable keeps to what the DfE guidance asks of one.

A part-time timetable must be agreed with the parents, be temporary, be reviewed regularly, and the
school should tell the local authority about it (DfE, Working together to improve school attendance,
2024). Without the parents' agreement each session the child is kept out is an exclusion that was
never made formally. The guidance sets no number of weeks: sendcalc flags more than six school weeks
without a review, and a plan longer than six school weeks, as prompts to ask, not as breaches.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sendcalc.attendance.part_time import PartTimeResult
from sendcalc.calendar.engine import SchoolCalendar
from sendcalc.core import sources
from sendcalc.core.dates import in_words
from sendcalc.core.safe_text import printable

SIX_WEEKS = 6
CONVENTION = sources.convention("the guidance sets no number of weeks; six school weeks is a prompt to ask")


@dataclass(frozen=True)
class Terms:
    """What the parent knows about how the timetable was set up; None where they do not know."""

    agreed: bool | None = None
    reviews: tuple[dt.date, ...] = ()
    la_notified: bool | None = None
    reason: str = ""


@dataclass(frozen=True)
class Check:
    key: str  # reason, agreement, end, length, review, local-authority
    ok: bool
    text: str
    source: str


def check_timetable(calendar: SchoolCalendar, result: PartTimeResult, terms: Terms) -> tuple[Check, ...]:
    """Each check in turn: agreement, an end date, its length, reviews, the local authority told."""
    out = (
        [Check("reason", True, f"the reason the school gave: {printable(terms.reason)}", sources.WTISA)]
        if terms.reason
        else []
    )
    missed = result.so_far.missed if result.so_far else 0
    if terms.agreed is True:
        out.append(Check("agreement", True, "the parents agreed to the timetable", sources.PART_TIME_AGREED))
    else:
        said = "the parents did not agree to it" if terms.agreed is False else "it is not known that the parents agreed"
        out.append(
            Check(
                "agreement" if terms.agreed is False else "agreement-unknown",
                False,
                f"{said}: a part-time timetable needs their agreement; without it each session the child is kept "
                f"out is an exclusion that was not made formally ({missed} session(s) so far). Add it to the "
                "child's record with: sendcalc record add FILE part-time FROM --to TO --attends SESSIONS --not-agreed",
                sources.PART_TIME_AGREED,
            )
        )
    if result.end is None:
        out.append(Check("end", False, "it has no end date: it should be temporary, with a date to return to full time",
                         sources.WTISA))  # fmt: skip
    if result.total is not None and result.total.school_weeks > SIX_WEEKS:
        out.append(
            Check(
                "length",
                False,
                f"it runs for {result.total.school_weeks} school weeks: ask why it needs to be longer than "
                f"{SIX_WEEKS}, and what support will bring the child back to full time",
                f"{sources.WTISA}; {CONVENTION}",
            )
        )
    out.append(_review(calendar, result, terms))
    if terms.la_notified is True:
        out.append(Check("local-authority", True, "the school has told the local authority", sources.WTISA))
    else:
        said = "the school has not told" if terms.la_notified is False else "it is not known that the school told"
        out.append(
            Check("local-authority", False, f"{said} the local authority about the timetable; ask it to", sources.WTISA)
        )
    return tuple(out)


def _review(calendar: SchoolCalendar, result: PartTimeResult, terms: Terms) -> Check:
    source = f"{sources.WTISA}; {CONVENTION}"
    today = min(result.as_of, result.end) if result.end else result.as_of
    if today < result.start:
        return Check("review", True, "it has not started yet", sources.WTISA)
    last = max([d for d in terms.reviews if d <= today], default=None)
    since = last or result.start
    weeks = -(-calendar.count_school_days(since, today) // 5)  # school weeks, a part week counted
    what = f"the last review was on {in_words(last)}" if last else "there has been no review"
    if weeks > SIX_WEEKS:
        return Check("review", False, f"{what}, {weeks} school weeks ago: a review is overdue; ask for one", source)
    return Check("review", True, f"{what} ({weeks} school week(s) ago)", source)
