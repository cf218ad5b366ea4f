"""School time: where a moment falls among the school's sessions, and moving forward by half days.

A position is (school-day index, seconds into that day's hours). A whole day keeps the clock
time; a half day is one session. Mixed into SchoolCalendar, whose precomputed school days these
methods index; kept apart so the engine module stays about days and terms.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from typing import TYPE_CHECKING

from sendcalc.calendar.model import Position, SchoolTimes, seconds
from sendcalc.core.dates import in_words
from sendcalc.core.errors import InputError

if TYPE_CHECKING:
    from sendcalc.calendar.model import Closure, Session


class SchoolTime:
    """The school-time methods of SchoolCalendar."""

    times: SchoolTimes
    _days: list[int]
    _partial: dict[dt.date, tuple[Closure, ...]]
    _partial_indexes: list[int]
    _day_starts: int
    _length: int
    _morning: int

    if TYPE_CHECKING:  # provided by SchoolCalendar

        def index_of(self, day: dt.date) -> int: ...
        def day_at_index(self, i: int, origin: int | None = None) -> dt.date: ...
        def sessions_on(self, day: dt.date) -> tuple[Session, ...]: ...

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
        begin = (index, seconds(start) - self._day_starts)
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

    def linear(self, position: Position) -> int:
        """A position as seconds of school time from the calendar's first school day (for ordering)."""
        return position[0] * self._length + position[1]

    def attends_full_session(self, back: Position, next_start: Position) -> bool:
        """True when a whole session the school held lies between a return and the next start.

        A session the school closed (a one-session closure) is not attended, so it does not break a
        run of consecutive school days of exclusion.
        """
        length, morning = self._length, self._morning
        low, high = self.linear(back), self.linear(next_start)
        index = back[0]
        while index * length < high:
            held = self.sessions_on(self.day_at_index(index))
            day_start = index * length
            sessions = (("am", day_start, day_start + morning), ("pm", day_start + morning, day_start + length))
            if any(name in held and low <= start and end <= high for name, start, end in sessions):
                return True
            index += 1
        return False
