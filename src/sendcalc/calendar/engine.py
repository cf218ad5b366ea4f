"""SchoolCalendar: which days a school holds sessions, and arithmetic over them.

Built once from terms, breaks, closures and bank holidays into a sorted list of school-day
ordinals; every query afterwards is a binary search (the exchange_calendars approach). The
arithmetic of school time within a day (sessions, half days) is in school_time.py. Nothing
here reads files or prints.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from sendcalc.calendar.completeness import term_missing_after
from sendcalc.calendar.coverage import Coverage
from sendcalc.calendar.model import (
    SESSIONS,
    Closure,
    Inclusive,
    SchoolTimes,
    SchoolYear,
    Session,
    Term,
    school_year_bounds,
    seconds,
)
from sendcalc.calendar.school_time import SchoolTime
from sendcalc.core.dates import in_words
from sendcalc.core.errors import InputError, NotASchoolDayError, OutOfRangeError

_ONE_DAY = dt.timedelta(days=1)


class _Frame:
    """What a school's own closures do not change: its terms, the days they open, the years it covers.

    Built once per calendar file; a copy with a school's INSET days shares it, so deriving one is a
    few slices of a list, not a walk over every date (a council's list names hundreds of schools).
    """

    __slots__ = (
        "_working",
        "bank_holidays",
        "gaps",
        "hi",
        "labels",
        "lo",
        "open_days",
        "term_starts",
        "terms",
        "years",
    )

    def __init__(self, years: tuple[SchoolYear, ...], bank_holidays: Mapping[dt.date, str]) -> None:
        self.years, self.bank_holidays = years, bank_holidays
        self.terms = sorted((t for y in years for t in y.terms), key=lambda t: t.first_day)
        days: list[int] = []
        for term in self.terms:
            day = term.first_day
            while day <= term.last_day:
                if day.weekday() < 5 and day not in bank_holidays and term.break_on(day) is None:
                    days.append(day.toordinal())
                day += _ONE_DAY
        self.open_days = days
        self.term_starts = [t.first_day.toordinal() for t in self.terms]
        self.labels = {y.label: y for y in years}
        starts = [int(y.label[:4]) for y in years]
        self.lo = dt.date(starts[0], 8, 1).toordinal() if years else 1
        self.hi = dt.date(starts[-1] + 1, 7, 31).toordinal() if years else 0
        self.gaps = tuple(
            (dt.date(y, 8, 1).toordinal(), dt.date(y + 1, 7, 31).toordinal(), f"{y}-{(y + 1) % 100:02d}")
            for y in range(starts[0] if years else 0, starts[-1] if years else 0)
            if y not in starts
        )
        self._working: list[int] | None = None

    def working(self, first: dt.date, last: dt.date, bank_holidays: Mapping[dt.date, str]) -> list[int]:
        """Working days (2012 Regs reg 2), built on first use: only the postal rules need them."""
        if self._working is None:
            out, day = [], first
            while day <= last:
                if day.weekday() < 5 and day not in bank_holidays:
                    out.append(day.toordinal())
                day += _ONE_DAY
            self._working = out
        return self._working


def without(days: list[int], gone: Iterable[int]) -> list[int]:
    """Sorted ordinals ``days`` less those in ``gone``: slices between them, so a few days off cost little."""
    out: list[int] = []
    lo = 0
    for ordinal in sorted(set(gone)):
        i = bisect_left(days, ordinal, lo)
        if i < len(days) and days[i] == ordinal:
            out += days[lo:i]
            lo = i + 1
    out += days[lo:]
    return out


@dataclass(frozen=True)
class SchoolCalendar(Coverage, SchoolTime):
    """A school's calendar: terms, breaks, closures and bank holidays, precomputed for O(log n) queries.

    Build it with :func:`sendcalc.calendar.load_calendar` or directly from
    :class:`SchoolYear` values; :meth:`with_closures` adds a school's own days off.
    """

    name: str
    years: tuple[SchoolYear, ...]
    bank_holidays: Mapping[dt.date, str]
    closures: tuple[Closure, ...] = ()
    times: SchoolTimes = field(default_factory=SchoolTimes)
    key: str = ""
    _frame: _Frame | None = field(default=None, repr=False, compare=False)
    _days: list[int] = field(init=False, repr=False, compare=False)
    _terms: list[Term] = field(init=False, repr=False, compare=False)
    _term_starts: list[int] = field(init=False, repr=False, compare=False)
    _whole: dict[dt.date, Closure] = field(init=False, repr=False, compare=False)
    _partial: dict[dt.date, tuple[Closure, ...]] = field(init=False, repr=False, compare=False)
    _labels: dict[str, SchoolYear] = field(init=False, repr=False, compare=False)
    _lo: int = field(init=False, repr=False, compare=False)
    _hi: int = field(init=False, repr=False, compare=False)
    _gaps: tuple[tuple[int, int, str], ...] = field(init=False, repr=False, compare=False)
    _gap_breaks: list[int] = field(init=False, repr=False, compare=False)
    _partial_indexes: list[int] = field(init=False, repr=False, compare=False)
    _day_starts: int = field(init=False, repr=False, compare=False)
    _length: int = field(init=False, repr=False, compare=False)
    _morning: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        years = tuple(sorted(self.years, key=lambda y: y.label))
        frame = self._frame
        if frame is None or frame.years != years or frame.bank_holidays is not self.bank_holidays:
            frame = _Frame(years, self.bank_holidays)  # shared only by a copy with the same terms and holidays
        whole: dict[dt.date, Closure] = {}
        partial: dict[dt.date, tuple[Closure, ...]] = {}
        for closure in self.closures:
            if closure.session is None:
                whole.setdefault(closure.day, closure)
            else:
                partial[closure.day] = (*partial.get(closure.day, ()), closure)
        days = without(frame.open_days, (d.toordinal() for d in whole))
        set_ = object.__setattr__
        set_(self, "years", years)
        set_(self, "_frame", frame)
        set_(self, "_days", days)
        set_(self, "_terms", frame.terms)
        set_(self, "_term_starts", frame.term_starts)
        set_(self, "_whole", whole)
        set_(self, "_partial", {d: c for d, c in partial.items() if d not in whole})
        set_(self, "_labels", frame.labels)
        set_(self, "_lo", frame.lo)
        set_(self, "_hi", frame.hi)
        set_(self, "_gaps", frame.gaps)
        set_(self, "_gap_breaks", [bisect_left(days, hi) for _, hi, _ in frame.gaps])
        found = (self._find(d.toordinal()) for d in self._partial)
        set_(self, "_partial_indexes", sorted(i for i in found if i is not None))
        set_(self, "_day_starts", seconds(self.times.day_starts))
        set_(self, "_length", self.times.length_seconds)
        set_(self, "_morning", self.times.morning_seconds)

    def _find(self, ordinal: int) -> int | None:
        """The index of a school day's ordinal, or None (a binary search: no per-calendar dict to hold)."""
        days = self._days
        i = bisect_left(days, ordinal)
        return i if i < len(days) and days[i] == ordinal else None

    @property
    def _working(self) -> list[int]:
        """Working days (2012 Regs reg 2) from the first covered year to a year after the last."""
        if not self.years:
            return []
        assert self._frame is not None
        return self._frame.working(self.first_date, self.last_date + dt.timedelta(days=366), self.bank_holidays)

    # ----- school days ----------------------------------------------------------------------------

    def is_school_day(self, day: dt.date) -> bool:
        self.require(day)
        return self._find(day.toordinal()) is not None

    def school_days(self, first: dt.date, last: dt.date) -> list[dt.date]:
        """School days from ``first`` to ``last``, both included."""
        self._require_span(first, last)
        lo, hi = bisect_left(self._days, first.toordinal()), bisect_right(self._days, last.toordinal())
        return [dt.date.fromordinal(o) for o in self._days[lo:hi]]

    def school_days_in_year(self, label: str) -> list[dt.date]:
        first, last = school_year_bounds(self.year(label).label)
        return self.school_days(first, last)

    def day_kind(self, day: dt.date) -> str:
        """Why a date is or is not a school day, in words ('a Saturday', 'a bank holiday (Boxing Day)')."""
        return self.classify(day)[1]

    def classify(self, day: dt.date) -> tuple[str, str]:
        """(category, words) for a date. Categories: school day, weekend, bank holiday, inset,
        occasional, closure, break, holiday."""
        self.require(day)
        if self._find(day.toordinal()) is not None:
            return "school day", "a school day"
        if day.weekday() >= 5:
            return "weekend", f"a {day:%A}"
        if day in self.bank_holidays:
            return "bank holiday", f"a bank holiday ({self.bank_holidays[day]})"
        if day in self._whole:
            return self._whole[day].kind, self._whole[day].describe()
        term = self.term_of(day)
        found = term.break_on(day) if term else None
        if term is not None and found is not None:
            return "break", f"in the {found.name} break of the {term.name} term"
        missing = term_missing_after(year) if day > (year := self.year_of(day)).terms[-1].last_day else None
        return ("missing", f"past {missing}") if missing else ("holiday", f"in the {self._holiday_name(day)}")

    def _holiday_name(self, day: dt.date) -> str:
        """Name the holiday between terms after the term before it (Christmas follows autumn)."""
        i = bisect_right(self._term_starts, day.toordinal()) - 1
        before = self._terms[i].name.lower() if i >= 0 else ""
        names = {"autumn": "Christmas holiday", "spring": "Easter holiday", "summer": "summer holiday"}
        return next((name for word, name in names.items() if word in before), "school holidays")

    def sessions_on(self, day: dt.date) -> tuple[Session, ...]:
        """The sessions held on ``day``: both, one (a session closure), or none."""
        if not self.is_school_day(day):
            return ()
        closed = {c.session for c in self._partial.get(day, ())}
        return tuple(s for s in SESSIONS if s not in closed)

    def closure_on(self, day: dt.date) -> tuple[Closure, ...]:
        """Closures recorded for ``day`` (whole day first, then sessions)."""
        whole = (self._whole[day],) if day in self._whole else ()
        return whole + self._partial.get(day, ())

    def next_school_day(self, day: dt.date) -> dt.date:
        """The first school day strictly after ``day``."""
        return self.school_day_offset(day, 1)

    def previous_school_day(self, day: dt.date) -> dt.date:
        """The last school day strictly before ``day``."""
        return self.school_day_offset(day, -1)

    def school_day_offset(self, day: dt.date, n: int) -> dt.date:
        """The ``n``-th school day after ``day`` (before, if ``n`` < 0); ``day`` itself is day 0.

        ``day`` need not be a school day: the first school day after a Saturday is offset 1.
        This is how the Regulations count "within 15 school days of receiving notice".
        """
        self.require(day)
        ordinal = day.toordinal()
        if n == 0:
            if self._find(ordinal) is None:
                raise NotASchoolDayError(
                    f"{in_words(day)} is not a school day: it is {self.day_kind(day)}", fix="school-day", day=day
                )
            return day
        i = bisect_right(self._days, ordinal) + n - 1 if n > 0 else bisect_left(self._days, ordinal) + n
        return self._day_at(i, day)

    def nth_school_day(self, start: dt.date, n: int) -> dt.date:
        """The ``n``-th school day counting ``start`` as day 1 if it is a school day (``n`` >= 1)."""
        if n < 1:
            raise InputError(f"n must be 1 or more, not {n}")
        self.require(start)
        return self._day_at(bisect_left(self._days, start.toordinal()) + n - 1, start)

    def _day_at(self, i: int, origin: dt.date) -> dt.date:
        if not 0 <= i < len(self._days):
            edge = "after" if i >= 0 else "before"
            if edge == "after" and (missing := term_missing_after(self.years[-1])):
                raise OutOfRangeError(
                    f"counting from {in_words(origin)} runs past {missing}; add that term to the calendar file"
                )
            raise OutOfRangeError(
                f"counting from {in_words(origin)} runs {edge} the school years the {self.name} calendar "
                f"has term dates for ({', '.join(self._labels)})",
                fix="school-year",
            )
        result = dt.date.fromordinal(self._days[i])
        if self._may_cross_gap(bisect_left(self._days, origin.toordinal()), i):
            self._require_span(origin, result)
        return result

    def count_school_days(self, first: dt.date, last: dt.date, inclusive: Inclusive = "both") -> int:
        """School days from ``first`` to ``last``; ``inclusive`` says which ends count."""
        if last < first:
            raise InputError(f"the end date {in_words(last)} is before the start date {in_words(first)}")
        self._require_span(first, last)
        a, b = first.toordinal(), last.toordinal()
        lo = bisect_left(self._days, a) if inclusive in ("both", "start") else bisect_right(self._days, a)
        hi = bisect_right(self._days, b) if inclusive in ("both", "end") else bisect_left(self._days, b)
        return max(0, hi - lo)

    def school_day_index(self, day: dt.date) -> int | None:
        """Position of ``day`` among the school days, or None when it is not one (covered years only)."""
        found = self._find(day.toordinal())
        if found is None:
            self.require(day)
        return found

    def index_of(self, day: dt.date) -> int:
        """Position of a school day in the calendar (for distance arithmetic in the domain)."""
        found = self._find(day.toordinal())
        if found is None:
            self.require(day)
            raise NotASchoolDayError(
                f"{in_words(day)} is not a school day: it is {self.day_kind(day)}", fix="school-day", day=day
            )
        return found

    def day_at_index(self, i: int, origin: int | None = None) -> dt.date:
        """The school day at a position from :meth:`index_of`.

        Pass ``origin`` (the index counted from) when moving by a number of school days: a move
        that would jump over a school year the calendar has no data for is an OutOfRangeError,
        as is a position past either end.
        """
        days = self._days
        if not 0 <= i < len(days):
            near = days[0] if i < 0 else days[-1]
            return self._day_at(i, dt.date.fromordinal(near))
        if origin is not None and self._may_cross_gap(origin, i):
            self._require_span(dt.date.fromordinal(days[max(origin, 0)]), dt.date.fromordinal(days[i]))
        return dt.date.fromordinal(days[i])

    # ----- terms ----------------------------------------------------------------------------------

    @property
    def terms(self) -> tuple[Term, ...]:
        return tuple(self._terms)

    def term_of(self, day: dt.date) -> Term | None:
        """The term whose first-to-last-day window (breaks included) contains ``day``."""
        i = bisect_right(self._term_starts, day.toordinal()) - 1
        if i >= 0 and day <= self._terms[i].last_day:
            return self._terms[i]
        return None

    def term_school_days(self, term: Term) -> list[dt.date]:
        return self.school_days(term.first_day, term.last_day)

    # ----- working days (2012 Regs reg 2: postal rules) -------------------------------------------

    def is_working_day(self, day: dt.date) -> bool:
        """Not a weekend, Christmas Day, Good Friday or bank holiday (school holidays ARE working days)."""
        return day.weekday() < 5 and day not in self.bank_holidays

    def working_day_offset(self, day: dt.date, n: int) -> dt.date:
        """The ``n``-th working day after ``day`` (``n`` >= 1)."""
        i = bisect_right(self._working, day.toordinal()) + n - 1
        if not self._working or not 0 <= i < len(self._working) or day.toordinal() < self._working[0]:
            raise OutOfRangeError(
                f"{in_words(day)} is outside the dates this calendar knows bank holidays for "
                f"({in_words(self.first_date)} onwards)"
            )
        return dt.date.fromordinal(self._working[i])

    # ----- changes --------------------------------------------------------------------------------

    def closure_problem(self, closure: Closure) -> str | None:
        """Why a closure cannot be placed on this calendar (a phrase), or None when it fits."""
        day = closure.day
        if not self.covers(day):
            return f"it is outside the school years this calendar has term dates for ({', '.join(self.labels)})"
        if day.weekday() >= 5:
            return f"it is a {day:%A}; a day without pupils must be a weekday in term"
        if day in self.bank_holidays:
            return f"it is already a bank holiday ({self.bank_holidays[day]})"
        term = self.term_of(day)
        if term is None or term.break_on(day) is not None:
            return f"it is {self.day_kind(day)}, not in term; a day without pupils must be a weekday in term"
        return None

    def with_closures(self, closures: Iterable[Closure]) -> SchoolCalendar:
        """A copy with more days (or sessions) without pupils; each must be a weekday in term."""
        extra = tuple(closures)
        for closure in extra:
            problem = self.closure_problem(closure)
            if problem:
                raise InputError(f"{in_words(closure.day)} cannot be {closure.describe()}: {problem}")
        return SchoolCalendar(
            name=self.name,
            years=self.years,
            bank_holidays=self.bank_holidays,
            closures=self.closures + extra,
            times=self.times,
            key=self.key,
            _frame=self._frame,
        )

    def iter_days(self, first: dt.date, last: dt.date) -> Iterator[dt.date]:
        """Every calendar date from ``first`` to ``last`` inclusive (for listings and grids)."""
        day = first
        while day <= last:
            yield day
            day += _ONE_DAY
