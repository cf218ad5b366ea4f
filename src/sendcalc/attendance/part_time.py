"""Part-time timetables: the sessions a child misses each week, and in total.

A part-time timetable needs the parents' agreement, must be temporary, with an end date and regular
reviews, and the sessions missed are authorised absence, code C2 (WTISA 2024; Pupil Registration Regs
2024 reg 10). C2 is absence, so it lowers the attendance rate and counts towards persistent absence.

Pure functions over a SchoolCalendar.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from dataclasses import dataclass
from decimal import Decimal

from sendcalc.attendance.figures import percent
from sendcalc.attendance.penalty import monday_of
from sendcalc.calendar.engine import SchoolCalendar
from sendcalc.calendar.model import SESSIONS, Session, school_year_bounds, school_year_label
from sendcalc.core.dates import in_words
from sendcalc.core.errors import InputError, OutOfRangeError

WTISA = "DfE, Working together to improve school attendance (2024), part-time timetables"
C2_SOURCE = "School Attendance (Pupil Registration) (England) Regulations 2024 reg 10 (code C2)"
_DAYS = {
    "mon": 0, "monday": 0,
    "tue": 1, "tues": 1, "tuesday": 1,
    "wed": 2, "weds": 2, "wednesday": 2,
    "thu": 3, "thur": 3, "thurs": 3, "thursday": 3,
    "fri": 4, "friday": 4,
}  # fmt: skip
_WEEKEND = ("sat", "saturday", "sun", "sunday")
_SESSION_WORDS: dict[str, tuple[Session, ...]] = {
    "": SESSIONS,
    "am": ("am",),
    "morning": ("am",),
    "pm": ("pm",),
    "afternoon": ("pm",),
    "all": SESSIONS,
    "day": SESSIONS,
}
_DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri")

Slot = tuple[int, Session]


def parse_attends(text: str) -> tuple[Slot, ...]:
    """'mon-am,tue-am,wed' -> the (weekday, session) slots the child attends; 'none' for no sessions."""
    raw = text.strip().lower()
    if raw in ("none", "nothing", "no sessions"):
        return ()
    slots: set[Slot] = set()
    for item in raw.replace(";", ",").split(","):
        item = item.strip()
        if not item:
            continue
        day_word, _, session_word = item.replace(":", "-").replace(" ", "-").partition("-")
        if day_word in _WEEKEND:
            raise InputError(f"{item!r}: schools have no sessions at the weekend")
        if day_word not in _DAYS or session_word not in _SESSION_WORDS:
            raise InputError(
                f"{item!r} is not a day and session; write items such as mon-am, tue-pm or wed "
                "(a whole day), separated by commas, or 'none'"
            )
        slots.update((_DAYS[day_word], s) for s in _SESSION_WORDS[session_word])
    if not slots:
        raise InputError("no sessions given; list the sessions the child attends (mon-am,tue-am,wed) or 'none'")
    return tuple(sorted(slots))


def describe_slots(slots: tuple[Slot, ...]) -> str:
    """'Mon am, Tue am, Wed' (a whole day when both sessions are there)."""
    if not slots:
        return "no sessions"
    parts = []
    for day in range(5):
        sessions = [s for d, s in slots if d == day]
        if len(sessions) == 2:
            parts.append(_DAY_NAMES[day])
        elif sessions:
            parts.append(f"{_DAY_NAMES[day]} {sessions[0]}")
    return ", ".join(parts)


@dataclass(frozen=True)
class PartTimeWeek:
    monday: dt.date
    held: int  # sessions the school held that week, inside the timetable's dates
    attended: int  # of those, sessions on the timetable
    missed: int


@dataclass(frozen=True)
class Span:
    """Sessions over a stretch of the timetable."""

    first: dt.date
    last: dt.date
    held: int
    attended: int
    school_weeks: int

    @property
    def missed(self) -> int:
        return self.held - self.attended

    @property
    def best_rate(self) -> Decimal | None:
        """Attendance over the span if every timetabled session is attended."""
        return percent(self.attended, self.held)


@dataclass(frozen=True)
class PartTimeResult:
    calendar: str
    start: dt.date
    end: dt.date | None
    as_of: dt.date
    attends: tuple[Slot, ...]
    weeks: tuple[PartTimeWeek, ...]
    total: Span | None  # start to end (or to as_of when there is no end date)
    so_far: Span | None  # start to as_of (or to end, if earlier)
    to_year_end: Span | None  # after as_of to the end of the school year, when there is no end date
    no_end_date: bool
    warnings: tuple[str, ...]
    steps: tuple[tuple[dt.date, tuple[Slot, ...]], ...] = ()  # a phased plan: from each date, the sessions attended

    @property
    def slots_per_week(self) -> int:
        return len(self.attends)


Plan = tuple[tuple[dt.date, frozenset[Slot]], ...]
"""A timetable over time: from each date (the first is its start), the sessions attended each week."""


def held_and_attended(
    calendar: SchoolCalendar, plan: Plan, first: dt.date, last: dt.date
) -> list[tuple[dt.date, int, int]]:
    """(day, sessions held, sessions on the timetable that day) for each school day from ``first`` to ``last``."""
    out = []
    starts = [day for day, _ in plan]
    for day in calendar.school_days(first, last):
        held = calendar.sessions_on(day)
        if held:
            slots = plan[max(bisect_right(starts, day) - 1, 0)][1]
            out.append((day, len(held), sum(1 for s in held if (day.weekday(), s) in slots)))
    return out


def missed_by_day(calendar: SchoolCalendar, plan: Plan, first: dt.date, last: dt.date) -> list[tuple[dt.date, int]]:
    """(day, sessions the timetable keeps the child out of) for each school day from ``first`` to ``last``."""
    return [(day, held - attended) for day, held, attended in held_and_attended(calendar, plan, first, last)]


def _span(calendar: SchoolCalendar, plan: Plan, first: dt.date, last: dt.date) -> tuple[Span, list[PartTimeWeek]]:
    weeks: dict[dt.date, list[int]] = {}
    for day, held, attended in held_and_attended(calendar, plan, first, last):
        week = weeks.setdefault(monday_of(day), [0, 0])
        week[0] += held
        week[1] += attended
    rows = [PartTimeWeek(m, h, a, h - a) for m, (h, a) in sorted(weeks.items())]
    span = Span(
        first=first,
        last=last,
        held=sum(r.held for r in rows),
        attended=sum(r.attended for r in rows),
        school_weeks=len(rows),
    )
    return span, rows


def part_time(
    calendar: SchoolCalendar,
    start: dt.date,
    attends: tuple[Slot, ...],
    *,
    end: dt.date | None = None,
    as_of: dt.date | None = None,
    steps: tuple[tuple[dt.date, tuple[Slot, ...]], ...] = (),
) -> PartTimeResult:
    """Sessions missed per week and in total; weeks on the timetable so far; flags.

    ``steps``: a phased plan, from each date the sessions attended each week (the sessions lost follow it).
    """
    as_of = as_of or dt.date.today()
    if end is not None and end < start:
        raise InputError(f"the end date {in_words(end)} is before the start {in_words(start)}; swap them")
    calendar.require(start)
    slots = set(attends)
    plan: Plan = ((start, frozenset(attends)), *((day, frozenset(step)) for day, step in sorted(steps)))
    for day, _ in plan[1:]:
        if day <= start or (end is not None and day > end):
            raise InputError(f"a step of the plan on {in_words(day)} is not after the start, within the timetable")
    warnings: list[str] = []
    plan_last = end if end is not None else as_of
    total: Span | None = None
    weeks: list[PartTimeWeek] = []
    if plan_last >= start:
        total, weeks = _span(calendar, plan, start, plan_last)
    so_far_last = min(plan_last, as_of)
    so_far = _span(calendar, plan, start, so_far_last)[0] if so_far_last >= start else None
    to_year_end: Span | None = None
    if end is None:
        from_day = max(start, as_of + dt.timedelta(days=1))
        year_last = school_year_bounds(school_year_label(from_day))[1]
        try:
            remaining = calendar.school_days(from_day, year_last)
            if remaining:
                to_year_end = _span(calendar, plan, from_day, remaining[-1])[0]
        except OutOfRangeError as exc:
            warnings.append(f"cannot project to the end of the school year: {exc}")
    if len(slots) == 10:
        warnings.append("the timetable has every session of the week: that is a full-time timetable")
    if not slots:
        warnings.append(
            "the child attends no sessions at all: that is not a part-time timetable. A child kept out of school "
            "altogether without a formal exclusion is unofficially excluded (see sendcalc sent-home)"
        )
    warnings[:0] = calendar.status_warnings(start, max(plan_last, start))
    return PartTimeResult(
        calendar=calendar.name,
        start=start,
        end=end,
        as_of=as_of,
        attends=attends,
        weeks=tuple(weeks),
        total=total,
        so_far=so_far,
        to_year_end=to_year_end,
        no_end_date=end is None,
        steps=tuple(sorted(steps)),
        warnings=tuple(warnings),
    )
