"""The working of a placement: how the start was decided, day 1, the return, excluded dates, where days count."""

from __future__ import annotations

from sendcalc.calendar.engine import SchoolCalendar
from sendcalc.core import sources
from sendcalc.core.dates import in_words, moment_in_words
from sendcalc.core.steps import Step
from sendcalc.core.units import days_words
from sendcalc.exclusions.kernel import Start, Suspension


def start_steps(calendar: SchoolCalendar, start: Start) -> list[Step]:
    """How the start moment was decided, and which school day is day 1 (EIA 2006 s.103(7))."""
    times = calendar.times
    starts = f"starts at {moment_in_words(start.starts_at)}"
    picked = f"{start.picked_up:%H:%M}" if start.picked_up else ""
    steps = {
        "not-collected": Step(
            "Not collected before the end of the school day: the exclusion starts at the beginning of the next school "
            "day",
            sources.COLLECTION,
            starts,
        ),
        "start-of-day": Step(
            "No collection time given: the exclusion runs from the start of the school day on the date given",
            sources.START_OF_DAY,
            starts,
            convention=True,
        ),
        "before-start": Step(
            f"Collected at {picked}, before the school day starts at {times.day_starts:%H:%M}: counts as from the "
            "start of the day",
            sources.BEFORE_START,
            starts,
            convention=True,
        ),
        "after-end": Step(
            f"Collected at {picked}, at or after the end of the school day ({times.day_ends:%H:%M}): the same as not "
            "collecting, so it starts at the beginning of the next school day",
            sources.AFTER_END,
            starts,
            convention=True,
        ),
        "collected": Step(
            "Collected during school hours: the exclusion starts at the moment of collection",
            sources.COLLECTION,
            starts,
        ),
    }
    if start.day_zero is not None:
        result = (
            f"it starts during the afternoon session (from {times.afternoon_starts:%H:%M}), so the partial afternoon "
            f"of {in_words(start.day_zero)} is day 0 and day 1 is {in_words(start.day_one)}"
        )
    else:
        result = (
            f"it starts before the afternoon session ({times.afternoon_starts:%H:%M}), so day 1 is "
            f"{in_words(start.day_one)}"
        )
    day_one = Step("Day 1 is the day it starts unless it starts during the afternoon session", sources.DAY_ONE, result)
    return [steps[start.how], day_one]


def placement_steps(calendar: SchoolCalendar, suspension: Suspension) -> list[Step]:
    """How the return and the excluded dates follow from the start and the length, and where each day counts."""
    if suspension.lunchtime:
        return _lunchtime_steps(calendar, suspension)
    times = calendar.times
    start, halves, end, returns_at = suspension.start, suspension.halves, suspension.end, suspension.returns_at
    steps = start_steps(calendar, start)
    rule = "Only school time counts: weekends, holidays, bank holidays, INSET days and closures are skipped"
    steps.append(Step(rule, f"{sources.COLLECTION}; {sources.SCHOOL_DAY}", f"{days_words(halves)} of school time"))
    whole = halves // 2
    if whole:
        after = calendar.moment_at((start.position[0] + whole, start.position[1]))
        steps.append(
            Step(
                "A whole day keeps the clock time: N school days later, at the same time",
                sources.WHOLE_DAYS,
                f"{days_words(2 * whole)} from {moment_in_words(start.starts_at)} ends at {moment_in_words(after)}",
            )
        )
    if halves % 2:
        session = "afternoon" if returns_at.time() == times.day_starts else "morning"
        steps.append(
            Step(
                "A half day is one session: the first whole session (morning "
                f"{times.day_starts:%H:%M}-{times.afternoon_starts:%H:%M}, afternoon "
                f"{times.afternoon_starts:%H:%M}-{times.day_ends:%H:%M}) that begins at or after "
                + ("the moment the whole days end" if whole else "the start")
                + "; the child returns when it ends",
                sources.HALF_DAY_SESSION,
                f"the half day is the {session} session; back at {moment_in_words(returns_at)}",
                convention=True,
            )
        )
    if end[1] == 0:
        steps.append(
            Step(
                "A return that falls exactly at the end of a school day is reported as the start of the next "
                "school day",
                sources.END_OF_DAY,
                f"the suspension ends at {times.day_ends:%H:%M} on {in_words(calendar.day_at_index(end[0] - 1))}: "
                f"back at {moment_in_words(returns_at)}",
                convention=True,
            )
        )
    return_words = (
        "a return at the start of a day excludes nothing that day"
        if end[1] == 0
        else f"the child is excluded until {returns_at:%H:%M} on {in_words(returns_at.date())}"
    )
    excluded = suspension.excluded_dates
    steps.append(
        Step(
            "Excluded dates: every school day on which any suspended time falls",
            sources.EXCLUDED_DATES,
            f"{len(excluded)} date(s): {', '.join(in_words(d) for d in excluded)} ({return_words})",
            convention=True,
        )
    )
    parts = "; ".join(
        f"day {c.number} {in_words(c.date)} counts {days_words(c.halves)} in {c.term}" for c in suspension.counted
    )
    steps.append(
        Step(
            "Each day (or final half day) counts toward the term and school year of the date that carries its number",
            sources.ATTRIBUTION,
            parts,
            convention=True,
        )
    )
    return steps


def _lunchtime_steps(calendar: SchoolCalendar, suspension: Suspension) -> list[Step]:
    times = calendar.times
    picked_up, on, term = suspension.start.picked_up, suspension.start.on, suspension.counted[0].term
    when = (
        f"collected at {picked_up:%H:%M}"
        if picked_up is not None
        else f"no collection time given: from {times.lunch_starts:%H:%M}, when the midday break is taken to begin"
        + ("" if times.morning_ends is not None else " (sendcalc's default; a calendar file can set morning_ends)")
    )
    return [
        Step(
            "A lunchtime suspension excludes the child over the midday break only: from collection until the "
            "afternoon session begins, when the child comes back",
            sources.LUNCHTIME,
            f"{when}; back for the afternoon at {moment_in_words(suspension.returns_at)}",
            convention=picked_up is None,
        ),
        Step(
            "It counts as half a school day in every total (term, school year, the head's notice duty); the "
            "date is an excluded date for the parent's duty, because school hours include the midday break",
            f"{sources.LUNCHTIME}; {sources.SCHOOL_HOURS}",
            f"0.5 day counted in {term}; excluded date {in_words(on)}",
        ),
        Step(
            "No register session is lost (the child attends the afternoon), so a lunchtime never starts or "
            "continues a run of consecutive school days of exclusion for day 6",
            sources.BACK_TO_BACK,
            "no day-6 duty from this lunchtime",
        ),
    ]
