"""Compulsory school age: whom the parent's duty, day-6 provision and the health-absence duty apply to.

EIA 2006 s.100, s.101 and s.103 and EA 1996 s.19 speak of pupils "of compulsory school age"
(EA 1996 s.8). A child reaches it on the first prescribed day (31 December, 31 March, 31 August)
on or after their fifth birthday, and leaves it at the end of the school leaving date, the last
Friday in June of Year 11. The school's own duties (totals, the board, notices) apply at any age.
Pure functions; no I/O.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from sendcalc.core import sources
from sendcalc.core.dates import in_words
from sendcalc.core.errors import InputError

RECEPTION = 0
_YEAR = re.compile(r"^(?:y|yr|year|year group)?\s*(\d{1,2})$")
_RECEPTION = {"r", "yr", "rec", "reception", "year r", "fs2", "f2"}

Compulsory = Literal["yes", "no", "unknown", "assumed"]


@dataclass(frozen=True)
class Pupil:
    """What is known of the child's age and exams: all optional.

    ``exams_finished``: a Year 11 pupil who has taken (or missed) every public exam they were
    entered for. ``plan_fewer_hours``: the child's EHC plan names a maximum number of hours of
    education a week, fewer than usual, and the local authority provides those hours. Either
    lifts the day-6 duty (SI 2007/1870 reg 5(2)).
    """

    year_group: int | None = None
    dob: dt.date | None = None
    exams_finished: bool = False
    plan_fewer_hours: bool = False

    def __post_init__(self) -> None:
        if self.exams_finished and self.year_group is not None and self.year_group != 11:
            raise InputError(
                "the exams-finished exception is for Year 11 pupils, but the year group is "
                + year_words(self.year_group)
            )


@dataclass(frozen=True)
class SchoolAge:
    """Whether the child is of compulsory school age on a date, and why (in a parent's words)."""

    compulsory: Compulsory
    reason: str

    @property
    def duties_apply(self) -> bool:
        """The age-bound duties are shown unless the child is known to be outside compulsory school age."""
        return self.compulsory != "no"


def parse_year_group(text: str) -> int:
    """'R', 'Reception', 'Y7', 'Year 11', '9' -> 0 for Reception, else 1 to 13."""
    low = " ".join(text.strip().lower().split())
    if low in _RECEPTION:
        return RECEPTION
    match = _YEAR.match(low)
    if match and 1 <= int(match.group(1)) <= 13:
        return int(match.group(1))
    raise InputError(f"year group {text!r} is not Reception or Year 1 to Year 13; write R, 1 ... 13, or Y7")


def year_words(year_group: int) -> str:
    return "Reception" if year_group == RECEPTION else f"Year {year_group}"


def compulsory_from(dob: dt.date) -> dt.date:
    """The first prescribed day (31 December, 31 March, 31 August) on or after the fifth birthday."""
    fifth = _birthday(dob, 5)
    for day in (dt.date(fifth.year, 3, 31), dt.date(fifth.year, 8, 31), dt.date(fifth.year, 12, 31)):
        if day >= fifth:
            return day
    raise AssertionError("31 December is on or after every date of its year")  # pragma: no cover


def leaving_date(dob: dt.date) -> dt.date:
    """The school leaving date: the last Friday in June of the school year in which the child turns 16."""
    sixteenth = _birthday(dob, 16)
    year = sixteenth.year if sixteenth.month < 9 else sixteenth.year + 1
    june_30 = dt.date(year, 6, 30)
    return june_30 - dt.timedelta(days=(june_30.weekday() - 4) % 7)


def _birthday(dob: dt.date, age: int) -> dt.date:
    try:
        return dob.replace(year=dob.year + age)
    except ValueError:  # 29 February: the birthday falls on 1 March in other years
        return dt.date(dob.year + age, 3, 1)


def school_age_on(pupil: Pupil | None, day: dt.date) -> SchoolAge:
    """Whether the child is of compulsory school age on ``day``, from the date of birth if known, else the year."""
    if pupil is None or (pupil.dob is None and pupil.year_group is None):
        return SchoolAge(
            "assumed",
            "these duties apply to a child of compulsory school age (Year 1 to the end of June in Year 11, and "
            "Reception from the term after the fifth birthday); sendcalc assumes the child is, as no year group "
            "or date of birth was given",
        )
    if pupil.dob is not None:
        begins, ends = compulsory_from(pupil.dob), leaving_date(pupil.dob)
        if day < begins:
            return SchoolAge(
                "no",
                f"born {in_words(pupil.dob)}, the child is of compulsory school age only from {in_words(begins)}",
            )
        if day > ends:
            return SchoolAge(
                "no",
                f"born {in_words(pupil.dob)}, the child left compulsory school age after the school leaving date, "
                f"{in_words(ends)}",
            )
        return SchoolAge("yes", f"born {in_words(pupil.dob)}, the child is of compulsory school age on {in_words(day)}")
    year = pupil.year_group
    assert year is not None
    if year == RECEPTION:
        return SchoolAge(
            "unknown",
            "a Reception child reaches compulsory school age on 31 December, 31 March or 31 August after their fifth "
            "birthday; give the date of birth to know. sendcalc shows the duties in case they apply",
        )
    if year >= 12:
        return SchoolAge("no", f"a {year_words(year)} student is past compulsory school age (it ends in Year 11)")
    if year == 11:
        june_30 = dt.date(day.year, 6, 30)
        last_friday = june_30 - dt.timedelta(days=(june_30.weekday() - 4) % 7)
        if day.month in (6, 7, 8) and day > last_friday:
            return SchoolAge(
                "no",
                f"a Year 11 pupil leaves compulsory school age after the last Friday in June ({in_words(last_friday)})",
            )
    return SchoolAge("yes", f"a {year_words(year)} pupil is of compulsory school age")


def provision_exception(pupil: Pupil | None) -> str | None:
    """Why the day-6 duty does not apply under SI 2007/1870 reg 5(2), or None."""
    if pupil is None:
        return None
    if pupil.exams_finished:
        return (
            "the pupil is in Year 11 and has already taken (or missed) every public exam they were entered for "
            "(SI 2007/1870 reg 5(2)(a))"
        )
    if pupil.plan_fewer_hours:
        return (
            "the child's EHC plan names a maximum number of hours of education a week, fewer than usual, and the "
            "local authority provides those hours (SI 2007/1870 reg 5(2)(b))"
        )
    return None


def provision_blocked(pupil: Pupil | None, day: dt.date) -> str | None:
    """Why no day-6 provision is due on ``day`` although it would be: an exception, or the child's age."""
    age = school_age_on(pupil, day)
    return provision_exception(pupil) or (None if age.duties_apply else age.reason)


SOURCE = sources.SCHOOL_AGE
