"""Attendance figures from a register: rates, persistent and severe absence; the penalty window is in penalty.py.

Pure functions over a SchoolCalendar and a checked :class:`~sendcalc.attendance.register.Register` (WTISA 2024).
Every count is an integer number of sessions; percentages are exact decimals rounded half up to two
places for printing only. The persistent/severe flags and the thresholds are decided on whole sessions,
never on a rounded percentage: absent * 10 >= possible is persistent absence, so exactly 90.0% is.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from sendcalc.attendance.penalty import (
    ContinuousRun,
    PenaltyCheck,
    check_penalty,
    continuous_unauthorised,
    monday_of,
)
from sendcalc.attendance.register import Mark, Register
from sendcalc.calendar.engine import SchoolCalendar
from sendcalc.calendar.model import school_year_label
from sendcalc.core.dates import in_words
from sendcalc.core.errors import InputError

WTISA = "DfE, Working together to improve school attendance (statutory guidance, 19 August 2024)"
_CENT = Decimal("0.01")
_ONE_WEEK = dt.timedelta(days=7)


def percent(part: int, whole: int) -> Decimal | None:
    """part / whole as a percentage rounded half up to 2 places (364/380 -> 95.79); None if whole is 0."""
    if whole <= 0:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(_CENT, rounding=ROUND_HALF_UP)


def percent_text(value: Decimal | None) -> str:
    """95.79 -> '95.79%', 90.00 -> '90.0%', 60.00 -> '60.0%'; None -> 'n/a'."""
    if value is None:
        return "n/a"
    text = f"{value:.2f}"
    if text.endswith("0"):
        text = text[:-1]
    return f"{text}%"


@dataclass(frozen=True)
class Tally:
    """Sessions in one period (a term, a school year, or figures typed in)."""

    label: str
    kind: str  # "term", "year" or "given"
    first: dt.date | None
    last: dt.date | None
    possible: int
    attended: int
    authorised: int | None  # E included; None when only a total absence was given
    unauthorised: int | None
    suspension: int  # code E sessions
    not_possible: int

    @property
    def absent(self) -> int:
        return self.possible - self.attended

    @property
    def rate(self) -> Decimal | None:
        return percent(self.attended, self.possible)

    @property
    def possible_without_e(self) -> int:
        return self.possible - self.suspension

    @property
    def rate_without_e(self) -> Decimal | None:
        return percent(self.attended, self.possible_without_e)

    @property
    def persistent(self) -> bool:
        """Absent from 10% or more of possible sessions (WTISA); exactly 90.0% attendance IS persistent."""
        return self.possible > 0 and self.absent * 10 >= self.possible

    @property
    def severe(self) -> bool:
        """Absent from 50% or more of possible sessions."""
        return self.possible > 0 and self.absent * 2 >= self.possible

    @property
    def persistent_without_e(self) -> bool:
        whole = self.possible_without_e
        return whole > 0 and (self.absent - self.suspension) * 10 >= whole

    @property
    def severe_without_e(self) -> bool:
        whole = self.possible_without_e
        return whole > 0 and (self.absent - self.suspension) * 2 >= whole


@dataclass(frozen=True)
class Week:
    """One Monday-to-Sunday week of the register, with the running totals to its end."""

    monday: dt.date
    possible: int
    attended: int
    unauthorised: int
    suspension: int
    to_date_possible: int
    to_date_attended: int

    @property
    def rate(self) -> Decimal | None:
        return percent(self.attended, self.possible)

    @property
    def to_date_rate(self) -> Decimal | None:
        return percent(self.to_date_attended, self.to_date_possible)


@dataclass(frozen=True)
class AttendanceReport:
    calendar: str
    source: str
    shape: str
    marks: int
    blank_cells: int
    first: dt.date
    last: dt.date
    terms: tuple[Tally, ...]
    years: tuple[Tally, ...]
    codes: tuple[tuple[str, int], ...]
    weeks: tuple[Week, ...]
    penalty: PenaltyCheck
    continuous: ContinuousRun | None
    unmarked: tuple[tuple[dt.date, str], ...]  # sessions the calendar holds with no mark in the register
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class QuickReport:
    figures: Tally
    warnings: tuple[str, ...] = ()


# ----- building blocks ------------------------------------------------------------------------------


def tally(marks: list[Mark] | tuple[Mark, ...], label: str, kind: str) -> Tally:
    possible = attended = authorised = unauthorised = suspension = not_possible = 0
    for mark in marks:
        k = mark.code.kind
        if k == "not_possible":
            not_possible += 1
            continue
        possible += 1
        if k in ("present", "approved"):
            attended += 1
        elif k == "authorised":
            authorised += 1
            if mark.code.code == "E":
                suspension += 1
        else:
            unauthorised += 1
    return Tally(
        label=label,
        kind=kind,
        first=marks[0].day if marks else None,
        last=marks[-1].day if marks else None,
        possible=possible,
        attended=attended,
        authorised=authorised,
        unauthorised=unauthorised,
        suspension=suspension,
        not_possible=not_possible,
    )


def _weeks(marks: tuple[Mark, ...]) -> tuple[Week, ...]:
    weeks: list[Week] = []
    grouped: dict[dt.date, list[Mark]] = {}
    for mark in marks:
        grouped.setdefault(monday_of(mark.day), []).append(mark)
    total_possible = total_attended = 0
    for monday in sorted(grouped):
        t = tally(grouped[monday], "", "week")
        if t.possible == 0:
            continue
        total_possible += t.possible
        total_attended += t.attended
        weeks.append(
            Week(
                monday=monday,
                possible=t.possible,
                attended=t.attended,
                unauthorised=t.unauthorised or 0,
                suspension=t.suspension,
                to_date_possible=total_possible,
                to_date_attended=total_attended,
            )
        )
    return tuple(weeks)


def _unmarked(calendar: SchoolCalendar, marks: tuple[Mark, ...]) -> tuple[tuple[dt.date, str], ...]:
    have = {(m.day, m.session) for m in marks}
    out = []
    for day in calendar.school_days(marks[0].day, marks[-1].day):
        for session in calendar.sessions_on(day):
            if (day, session) not in have:
                out.append((day, str(session)))
    return tuple(out)


# ----- the report -----------------------------------------------------------------------------------


def analyse_register(calendar: SchoolCalendar, register: Register) -> AttendanceReport:
    """Per-term and per-year figures, weekly rates, the penalty threshold and any 10-day unauthorised run."""
    marks = register.marks
    if not marks:
        raise InputError(f"{register.source}: the register has no marks (every code cell is empty)")
    by_term: dict[str, list[Mark]] = {}
    term_start: dict[str, dt.date] = {}
    by_year: dict[str, list[Mark]] = {}
    for mark in marks:
        term = calendar.term_of(mark.day)
        label = term.label if term else f"outside terms {school_year_label(mark.day)}"
        by_term.setdefault(label, []).append(mark)
        term_start.setdefault(label, term.first_day if term else mark.day)
        by_year.setdefault(school_year_label(mark.day), []).append(mark)
    terms = tuple(tally(by_term[k], k, "term") for k in sorted(by_term, key=lambda k: term_start[k]))
    years = tuple(tally(by_year[k], k, "year") for k in sorted(by_year))
    codes = Counter(m.code.code for m in marks)
    penalty = check_penalty(calendar, marks)
    continuous = continuous_unauthorised(calendar, marks)
    unmarked = _unmarked(calendar, marks)
    warnings = list(calendar.status_warnings(marks[0].day, marks[-1].day))
    if unmarked:
        sample = ", ".join(f"{in_words(d)} {s}" for d, s in unmarked[:3])
        more = f" and {len(unmarked) - 3} more" if len(unmarked) > 3 else ""
        warnings.append(
            f"{len(unmarked)} session(s) the {calendar.name} calendar holds between the first and last "
            f"register dates have no mark ({sample}{more}); they are left out of every figure. If the school "
            "was closed then, add those closures to the calendar; if the register is incomplete, ask the school for "
            "the full copy"
        )
    return AttendanceReport(
        calendar=calendar.name,
        source=register.source,
        shape=register.shape,
        marks=len(marks),
        blank_cells=register.blank_cells,
        first=marks[0].day,
        last=marks[-1].day,
        terms=terms,
        years=years,
        codes=tuple(sorted(codes.items(), key=lambda kv: (-kv[1], kv[0]))),
        weeks=_weeks(marks),
        penalty=penalty,
        continuous=continuous,
        unmarked=unmarked,
        warnings=tuple(warnings),
    )


def quick_figures(possible: int, absent: int, suspension: int = 0) -> QuickReport:
    """The rate and flags from session counts typed in: possible sessions, and how many were missed."""
    if possible <= 0:
        raise InputError(f"the possible sessions must be 1 or more, not {possible}")
    if not 0 <= absent <= possible:
        raise InputError(f"the sessions absent must be between 0 and the possible sessions ({possible}), not {absent}")
    if not 0 <= suspension <= absent:
        raise InputError(
            f"the sessions suspended (E) must be between 0 and the sessions absent ({absent}), not {suspension}"
        )
    figures = Tally(
        label="given figures",
        kind="given",
        first=None,
        last=None,
        possible=possible,
        attended=possible - absent,
        authorised=None,
        unauthorised=None,
        suspension=suspension,
        not_possible=0,
    )
    return QuickReport(figures=figures)
