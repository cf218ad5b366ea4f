"""Which school years a calendar has term dates for, and refusing to count through one it lacks.

A count that would pass through a missing school year (Hertfordshire ships 2022-23 and 2024-25,
not 2023-24) is an OutOfRangeError, never a silent skip. Mixed into SchoolCalendar.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections.abc import Callable

from sendcalc.calendar.model import Closure, SchoolYear, school_year_bounds, school_year_label
from sendcalc.core.dates import in_words
from sendcalc.core.errors import OutOfRangeError


class Coverage:
    """The coverage methods of SchoolCalendar."""

    name: str
    years: tuple[SchoolYear, ...]
    closures: tuple[Closure, ...]
    count_school_days: Callable[[dt.date, dt.date], int]
    _labels: dict[str, SchoolYear]
    _lo: int
    _hi: int
    _gaps: tuple[tuple[int, int, str], ...]
    _gap_breaks: list[int]

    @property
    def labels(self) -> tuple[str, ...]:
        """School years this calendar has term dates for, oldest first."""
        return tuple(self._labels)

    @property
    def first_date(self) -> dt.date:
        return school_year_bounds(self.years[0].label)[0]

    @property
    def last_date(self) -> dt.date:
        return school_year_bounds(self.years[-1].label)[1]

    def year(self, label: str) -> SchoolYear:
        """The data for one school year, or OutOfRangeError naming the years there are."""
        try:
            return self._labels[label]
        except KeyError:
            raise OutOfRangeError(self._missing_year_message(label), fix="school-year", school_year=label) from None

    def year_of(self, day: dt.date) -> SchoolYear:
        """The school year containing ``day`` (which must be covered)."""
        return self.year(school_year_label(day))

    def covers(self, day: dt.date) -> bool:
        ordinal = day.toordinal()
        if not self._lo <= ordinal <= self._hi:
            return False
        return not any(lo <= ordinal <= hi for lo, hi, _ in self._gaps)

    def require(self, day: dt.date) -> None:
        """Raise OutOfRangeError unless the calendar has data for ``day``'s school year."""
        if not self.covers(day):
            label = school_year_label(day)
            raise OutOfRangeError(self._missing_year_message(label, day), fix="school-year", school_year=label)

    def status_warnings(self, first: dt.date, last: dt.date) -> list[str]:
        """A warning for each school year from ``first`` to ``last`` whose dates are not confirmed, and for
        what looks missing in it (a term, a half-term break, days; see completeness.py)."""
        out = []
        for year in self.years:
            year_first, year_last = school_year_bounds(year.label)
            if not (year_first <= last and year_last >= first):
                continue
            if year.status != "confirmed":
                note = f" {year.notes}" if year.notes else ""
                fix = (
                    'then set status = "confirmed" in the calendar file'
                    if year.status == "imported"
                    else "a school calendar file can correct them"
                )
                out.append(
                    f"the {self.name} term dates for {year.label} are {year.status}, not confirmed.{note} "
                    f"Check them against the school's own list; {fix}"
                )
            out += self.completeness_warnings(year)
        return out

    def completeness_warnings(self, year: SchoolYear) -> list[str]:
        """What looks missing in one school year of this calendar (none for a whole year)."""
        from sendcalc.calendar.completeness import year_warnings

        days = self.count_school_days(year.terms[0].first_day, year.terms[-1].last_day)
        first, last = year.terms[0].first_day, year.terms[-1].last_day
        lists_inset = any(c.kind == "inset" and first <= c.day <= last for c in self.closures)
        return [f"{self.name} calendar: {w}" for w in year_warnings(year, days, lists_inset_days=lists_inset)]

    def _missing_year_message(self, label: str, day: dt.date | None = None) -> str:
        what = f"{in_words(day)} is in school year {label}" if day else f"school year {label} is needed"
        have = ", ".join(self._labels) or "none"
        return f"{what}, but the {self.name} calendar has term dates only for {have}"

    def _require_span(self, first: dt.date, last: dt.date) -> None:
        """Every school year from ``first`` to ``last`` must be covered, so no gap is skipped silently."""
        a, b = sorted((first.toordinal(), last.toordinal()))
        if a < self._lo or b > self._hi:
            self.require(first)
            self.require(last)
        for lo, hi, label in self._gaps:
            if a <= hi and b >= lo:
                raise OutOfRangeError(
                    f"counting from {in_words(first)} to {in_words(last)} passes through school year {label}, "
                    f"but the {self.name} calendar has no term dates for it (it has {', '.join(self._labels)})",
                    fix="school-year",
                    school_year=label,
                )

    def _may_cross_gap(self, a: int, b: int) -> bool:
        """Whether a missing school year may lie between positions ``a`` and ``b``: a cheap test on the
        positions, so that only a move that may cross a gap pays for :meth:`_require_span`'s exact one."""
        breaks = self._gap_breaks
        if not breaks:
            return False
        j = bisect_left(breaks, min(a, b))
        return j < len(breaks) and breaks[j] <= max(a, b)
