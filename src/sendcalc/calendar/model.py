"""SchoolCalendar: which days a school holds sessions, and arithmetic over them.

Built once from terms, breaks, closures and bank holidays into a sorted list of
school-day ordinals; every query afterwards is a binary search (the
exchange_calendars approach). Nothing here reads files or prints.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

from sendcalc.core.dates import in_words
from sendcalc.core.errors import InputError, NotASchoolDayError, OutOfRangeError

Session = Literal["am", "pm"]
SESSIONS: tuple[Session, Session] = ("am", "pm")
STATUSES = ("confirmed", "secondary", "conflicting", "unverified")
Inclusive = Literal["both", "start", "end", "neither"]

_ONE_DAY = dt.timedelta(days=1)


def school_year_label(day: dt.date) -> str:
    """The school year a date belongs to: 1 August to 31 July, written '2025-26'."""
    start = day.year if day.month >= 8 else day.year - 1
    return f"{start}-{(start + 1) % 100:02d}"


def school_year_bounds(label: str) -> tuple[dt.date, dt.date]:
    """First and last calendar date (1 Aug, 31 Jul) of a school year label such as '2025-26'."""
    start = int(label[:4])
    return dt.date(start, 8, 1), dt.date(start + 1, 7, 31)


DEFAULT_MORNING_ENDS = dt.time(12, 0)


@dataclass(frozen=True)
class SchoolTimes:
    """Clock times of the school day; school hours run from ``day_starts`` to ``day_ends``.

    The morning session runs from ``day_starts`` to ``afternoon_starts`` (the midday break is part
    of it for counting); ``morning_ends`` is when the midday break begins, which only a lunchtime
    suspension needs. None means the default (:attr:`lunch_starts`).
    """

    day_starts: dt.time = dt.time(8, 45)
    afternoon_starts: dt.time = dt.time(13, 0)
    day_ends: dt.time = dt.time(15, 15)
    morning_ends: dt.time | None = None

    @property
    def length_seconds(self) -> int:
        return _seconds(self.day_ends) - _seconds(self.day_starts)

    @property
    def morning_seconds(self) -> int:
        """Length of the morning session, midday break included: where the afternoon session begins."""
        return _seconds(self.afternoon_starts) - _seconds(self.day_starts)

    @property
    def lunch_starts(self) -> dt.time:
        """When the midday break begins: ``morning_ends``, else 12:00 (or half an hour before the
        afternoon session when that begins by 12:00)."""
        if self.morning_ends is not None:
            return self.morning_ends
        if self.afternoon_starts > DEFAULT_MORNING_ENDS:
            return DEFAULT_MORNING_ENDS
        half_hour_before = dt.datetime.combine(dt.date.min, self.afternoon_starts) - dt.timedelta(minutes=30)
        return max(half_hour_before.time(), self.day_starts)


def _seconds(value: dt.time) -> int:
    return value.hour * 3600 + value.minute * 60 + value.second


@dataclass(frozen=True)
class Break:
    """A holiday inside a term (half-term)."""

    name: str
    first_day: dt.date
    last_day: dt.date


@dataclass(frozen=True)
class Term:
    name: str
    school_year: str
    first_day: dt.date
    last_day: dt.date
    breaks: tuple[Break, ...] = ()

    def break_on(self, day: dt.date) -> Break | None:
        return next((b for b in self.breaks if b.first_day <= day <= b.last_day), None)

    @property
    def label(self) -> str:
        """'autumn 2025-26': unique across a calendar."""
        return f"{self.name} {self.school_year}"


ClosureKind = Literal["inset", "occasional", "closure"]
_KIND_WORDS = {"inset": "an INSET (training) day", "occasional": "an occasional day", "closure": "a closure"}


@dataclass(frozen=True)
class Closure:
    """A day (or one session) without pupils inside term: INSET, occasional day, snow, strike, polling."""

    day: dt.date
    kind: ClosureKind = "closure"
    session: Session | None = None
    reason: str = ""

    def describe(self) -> str:
        words = _KIND_WORDS[self.kind]
        if self.session:
            words = f"{words} ({'morning' if self.session == 'am' else 'afternoon'} session only)"
        return f"{words}: {self.reason}" if self.reason else words


@dataclass(frozen=True)
class SchoolYear:
    """One school year's terms, with where the dates came from and how sure we are of them."""

    label: str
    status: str
    source: str
    terms: tuple[Term, ...]
    notes: str = ""


@dataclass(frozen=True)
class SchoolCalendar:
    """A school's calendar: terms, breaks, closures and bank holidays, precomputed for O(log n) queries.

    Build it with :func:`sendcalc.calendar.load_calendar` or directly from
    :class:`SchoolYear` values; :meth:`with_closures` adds a school's own days off.
    """

    name: str
    years: tuple[SchoolYear, ...]
    bank_holidays: Mapping[dt.date, str]
    closures: tuple[Closure, ...] = ()
    times: SchoolTimes = SchoolTimes()
    key: str = ""
    _days: list[int] = field(init=False, repr=False, compare=False)
    _index: dict[int, int] = field(init=False, repr=False, compare=False)
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
        terms = sorted((t for y in years for t in y.terms), key=lambda t: t.first_day)
        whole: dict[dt.date, Closure] = {}
        partial: dict[dt.date, tuple[Closure, ...]] = {}
        for closure in self.closures:
            if closure.session is None:
                whole.setdefault(closure.day, closure)
            else:
                partial[closure.day] = (*partial.get(closure.day, ()), closure)
        days: list[int] = []
        for term in terms:
            day = term.first_day
            while day <= term.last_day:
                if (
                    day.weekday() < 5
                    and day not in self.bank_holidays
                    and day not in whole
                    and term.break_on(day) is None
                ):
                    days.append(day.toordinal())
                day += _ONE_DAY
        set_ = object.__setattr__
        set_(self, "years", years)
        set_(self, "_days", days)
        set_(self, "_index", {ordinal: i for i, ordinal in enumerate(days)})
        set_(self, "_terms", terms)
        set_(self, "_term_starts", [t.first_day.toordinal() for t in terms])
        set_(self, "_whole", whole)
        set_(self, "_partial", {d: c for d, c in partial.items() if d not in whole})
        set_(self, "_labels", {y.label: y for y in years})
        starts = [int(y.label[:4]) for y in years]
        set_(self, "_lo", dt.date(starts[0], 8, 1).toordinal() if years else 1)
        set_(self, "_hi", dt.date(starts[-1] + 1, 7, 31).toordinal() if years else 0)
        gaps = (
            [
                (dt.date(y, 8, 1).toordinal(), dt.date(y + 1, 7, 31).toordinal(), f"{y}-{(y + 1) % 100:02d}")
                for y in range(starts[0], starts[-1])
                if y not in starts
            ]
            if years
            else []
        )
        set_(self, "_gaps", tuple(gaps))
        set_(self, "_gap_breaks", [bisect_left(days, hi) for _, hi, _ in gaps])
        index = self._index
        set_(self, "_partial_indexes", sorted(index[d.toordinal()] for d in self._partial if d.toordinal() in index))
        set_(self, "_day_starts", _seconds(self.times.day_starts))
        set_(self, "_length", self.times.length_seconds)
        set_(self, "_morning", self.times.morning_seconds)

    @cached_property
    def _working(self) -> list[int]:
        """Working days (2012 Regs reg 2) from the first covered year to a year after the last.

        Built on first use: only the postal rules need it.
        """
        if not self.years:
            return []
        out = []
        day = self.first_date
        last = self.last_date + dt.timedelta(days=366)
        while day <= last:
            if day.weekday() < 5 and day not in self.bank_holidays:
                out.append(day.toordinal())
            day += _ONE_DAY
        return out

    # ----- coverage -------------------------------------------------------------------------------

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
            raise OutOfRangeError(self._missing_year_message(label)) from None

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
            raise OutOfRangeError(self._missing_year_message(school_year_label(day), day))

    def status_warnings(self, first: dt.date, last: dt.date) -> list[str]:
        """A warning for each school year from ``first`` to ``last`` whose dates are not confirmed."""
        out = []
        for year in self.years:
            year_first, year_last = school_year_bounds(year.label)
            if year.status != "confirmed" and year_first <= last and year_last >= first:
                note = f" {year.notes}" if year.notes else ""
                out.append(
                    f"the {self.name} term dates for {year.label} are {year.status}, not confirmed.{note} "
                    "Check them against the school's own list; a school calendar file can correct them"
                )
        return out

    def _missing_year_message(self, label: str, day: dt.date | None = None) -> str:
        what = f"{in_words(day)} is in school year {label}" if day else f"school year {label} is needed"
        have = ", ".join(self._labels) or "none"
        return (
            f"{what}, but the {self.name} calendar has term dates only for {have}; "
            "add that year in a school calendar file (sendcalc guide calendars) and pass it with --calendar FILE"
        )

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
                    f"but the {self.name} calendar has no term dates for it (it has {', '.join(self._labels)}); "
                    "add that year in a school calendar file (sendcalc guide calendars) and pass it with "
                    "--calendar FILE"
                )

    # ----- school days ----------------------------------------------------------------------------

    def is_school_day(self, day: dt.date) -> bool:
        self.require(day)
        return day.toordinal() in self._index

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
        if day.toordinal() in self._index:
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
        return "holiday", f"in the {self._holiday_name(day)}"

    def _holiday_name(self, day: dt.date) -> str:
        """Name the holiday between terms after the term before it (Christmas follows autumn)."""
        i = bisect_right(self._term_starts, day.toordinal()) - 1
        before = self._terms[i].name.lower() if i >= 0 else ""
        for word, name in (
            ("autumn", "Christmas holiday"),
            ("spring", "Easter holiday"),
            ("summer", "summer holiday"),
        ):
            if word in before:
                return name
        return "school holidays"

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
            if ordinal not in self._index:
                raise NotASchoolDayError(f"{in_words(day)} is not a school day: it is {self.day_kind(day)}")
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
            raise OutOfRangeError(
                f"counting from {in_words(origin)} runs {edge} the last school year the {self.name} calendar "
                f"has term dates for ({', '.join(self._labels)}); add the next year in a school calendar file "
                "(sendcalc guide calendars) and pass it with --calendar FILE"
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
        found = self._index.get(day.toordinal())
        if found is None:
            self.require(day)
        return found

    def index_of(self, day: dt.date) -> int:
        """Position of a school day in the calendar (for distance arithmetic in the domain)."""
        try:
            return self._index[day.toordinal()]
        except KeyError:
            self.require(day)
            raise NotASchoolDayError(f"{in_words(day)} is not a school day: it is {self.day_kind(day)}") from None

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

    def _may_cross_gap(self, a: int, b: int) -> bool:
        """Whether a missing school year may lie between positions ``a`` and ``b``: a cheap test on the
        positions, so that only a move that may cross a gap pays for :meth:`_require_span`'s exact one."""
        breaks = self._gap_breaks
        if not breaks:
            return False
        j = bisect_left(breaks, min(a, b))
        return j < len(breaks) and breaks[j] <= max(a, b)

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

    # ----- school time (sessions) -----------------------------------------------------------------

    def school_position(self, moment: dt.datetime) -> tuple[int, int]:
        """Where a moment sits in school time: (school-day index, seconds into that day's hours).

        Before the day starts counts as the start; at or after the end counts as the start of
        the next school day (a stated convention). The date must be a school day.
        """
        i = self.index_of(moment.date())
        secs = moment.hour * 3600 + moment.minute * 60 + moment.second - self._day_starts
        if secs < 0:
            return i, 0
        if secs >= self._length:
            self.day_at_index(i + 1, i)
            return i + 1, 0
        return i, secs

    def moment_at(self, position: tuple[int, int]) -> dt.datetime:
        day = self.day_at_index(position[0])
        secs = self._day_starts + position[1]
        return dt.datetime(day.year, day.month, day.day, secs // 3600, secs // 60 % 60, secs % 60)

    def advance(self, position: tuple[int, int], half_days: int) -> tuple[int, int]:
        """Move forward by ``half_days`` half school days of school time.

        Whole days keep the clock time (N school days later, at the same time). A half day is one
        session: after the whole days, the first whole session that begins at or after that moment,
        ending when that session ends. A session ending at the end of the day ends at the start of
        the next school day. A day on which the school held only one session cannot be counted this
        way: rather than give a wrong time, that is an InputError naming the day.
        """
        whole, half = divmod(half_days, 2)
        index, secs = position[0] + whole, position[1]
        if half:
            morning = self._morning
            if secs == 0:  # the morning session: back when the afternoon begins
                secs = morning
            elif secs <= morning:  # the afternoon session: back at the start of the next school day
                index, secs = index + 1, 0
            else:  # the next morning session
                index, secs = index + 1, morning
        if index != position[0]:
            self.day_at_index(index, position[0])  # inside the data, and no missing school year crossed
        self.require_full_days(position, (index, secs))
        return index, secs

    def lunchtime(self, day: dt.date, collected: dt.time | None = None) -> tuple[tuple[int, int], tuple[int, int]]:
        """The span of a lunchtime suspension on ``day``: from ``collected`` (default: the start of the
        midday break) to the start of the afternoon session, the same day. ``day`` must be a school day."""
        times = self.times
        start = times.lunch_starts if collected is None else collected
        if start < times.day_starts:
            raise InputError(
                f"a lunchtime suspension collected at {start:%H:%M} is before the school day starts "
                f"({times.day_starts:%H:%M}); give the time the child was collected at lunchtime"
            )
        if start >= times.afternoon_starts:
            raise InputError(
                f"a lunchtime suspension ends when the afternoon session begins ({times.afternoon_starts:%H:%M}), "
                f"so it cannot start at {start:%H:%M}; an exclusion from the afternoon is half a day (0.5)"
            )
        index = self.index_of(day)
        begin = (index, _seconds(start) - self._day_starts)
        end = (index, self._morning)
        self.require_full_days(begin, end)
        return begin, end

    def require_full_days(self, start: tuple[int, int], end: tuple[int, int]) -> None:
        """Refuse a span of school time that overlaps a session the school closed (a one-session closure)."""
        j = bisect_left(self._partial_indexes, start[0])
        length = self._length
        morning = self._morning
        while j < len(self._partial_indexes) and self._partial_indexes[j] <= end[0]:
            index = self._partial_indexes[j]
            day = dt.date.fromordinal(self._days[index])
            lo = start[1] if index == start[0] else 0
            hi = end[1] if index == end[0] else length
            for closure in self._partial[day]:
                closed_lo, closed_hi = (0, morning) if closure.session == "am" else (morning, length)
                if lo < closed_hi and closed_lo < hi:
                    raise InputError(
                        f"this runs into the {'morning' if closure.session == 'am' else 'afternoon'} of "
                        f"{in_words(day)}, when the school held only one session ({closure.describe()}); "
                        "sendcalc cannot yet count school time across a one-session closure, so it gives no "
                        "dates rather than wrong ones: count that part by hand, or leave the closure out if "
                        "it made no difference to the child"
                    )
            j += 1

    def add_school_time(self, moment: dt.datetime, half_days: int) -> dt.datetime:
        """``moment`` moved forward by ``half_days`` half school days of school time."""
        return self.moment_at(self.advance(self.school_position(moment), half_days))

    def afternoon_started(self, moment: dt.datetime) -> bool:
        """True when ``moment`` is at or after the start of the afternoon session."""
        return moment.time() >= self.times.afternoon_starts

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
        )

    def iter_days(self, first: dt.date, last: dt.date) -> Iterator[dt.date]:
        """Every calendar date from ``first`` to ``last`` inclusive (for listings and grids)."""
        day = first
        while day <= last:
            yield day
            day += _ONE_DAY
