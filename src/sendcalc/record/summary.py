"""A child's whole record, counted: formal and unrecorded exclusions together, internal exclusions and the
patterns they make, health absence and part-time timetables.

Formal suspensions are counted by the one ledger (`sendcalc totals`), times sent home by the sent-home
report (`sendcalc sent-home`), a part-time timetable by `sendcalc part-time`. This module only adds them
up together: every half day of exclusion, recorded or not, goes through the one tally of the 5, 15 and 45
lines (exclusions/thresholds.py), so a parent sees "how many days this year" in one answer.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from sendcalc.attendance.sent_home import SentHomeReport, sent_home_report
from sendcalc.calendar.engine import SchoolCalendar
from sendcalc.calendar.model import school_year_label
from sendcalc.core import sources
from sendcalc.core.dates import in_words
from sendcalc.core.errors import InputError, SendcalcError
from sendcalc.exclusions.kernel import day_at_crossing
from sendcalc.exclusions.permanent import PermanentResult, assess_permanent
from sendcalc.exclusions.thresholds import Piece, Tally, tally
from sendcalc.exclusions.totals import TotalsResult, summarise_history
from sendcalc.record.model import HealthPeriod, Internal, PartTimePeriod, PermanentEntry, Record

T = TypeVar("T")
PATTERN_COUNT = 3
PATTERN_SCHOOL_DAYS = 30
"""Six school weeks. sendcalc convention (the law sets no number): three in six school weeks is a pattern worth
raising with the school, not a legal threshold."""
HEALTH_TRIGGER = 15


@dataclass(frozen=True)
class InternalLine:
    item: Internal
    term: str
    number_in_term: int


@dataclass(frozen=True)
class HealthLine:
    period: HealthPeriod
    school_days: int  # missed from the first day to the last (or to ``as_of`` while still off)
    fifteenth: dt.date | None  # the 15th school day of absence, when reached or to be reached in this period


@dataclass(frozen=True)
class HealthYear:
    """Health absence added up over a school year: DfE guidance counts 15 days consecutive or cumulative."""

    school_year: str
    school_days: int
    fifteenth: dt.date | None  # the 15th school day of health absence in the year, when reached


@dataclass(frozen=True)
class PartTimeLine:
    period: PartTimePeriod
    sessions_missed: int  # to the end date, or to ``as_of`` while it goes on


@dataclass(frozen=True)
class Breakdown:
    """One term or school year: half days of formal suspension, sent home, unagreed part-time, and all together."""

    scope: str  # "term" or "school year"
    period: str
    suspended: int
    sent_home: int
    part_time: int
    together: int  # a day counts once, however many records cover it (at most its two sessions)


@dataclass(frozen=True)
class RecordSummary:
    calendar: str
    record: Record
    formal: TotalsResult
    sent_home: SentHomeReport
    together: Tally  # formal suspensions, times sent home and unagreed part-time sessions, in date order
    breakdown: tuple[Breakdown, ...]
    internal: tuple[InternalLine, ...]
    patterns: tuple[str, ...]
    health: tuple[HealthLine, ...]
    health_years: tuple[HealthYear, ...]
    part_time: tuple[PartTimeLine, ...]
    permanent: tuple[PermanentResult, ...]
    warnings: tuple[str, ...]
    kind: str = "record"


def summarise_record(calendar: SchoolCalendar, record: Record, *, as_of: dt.date | None = None) -> RecordSummary:
    """Everything in the record, counted on ``calendar``; ``as_of`` ends periods still going on (default today)."""
    as_of = as_of or dt.date.today()
    formal = summarise_history(calendar, record.suspensions)
    sent_home = sent_home_report(calendar, list(record.sent_home), f"{record.source} sent home")
    kinds: dict[str, list[Covered]] = {
        "suspended": _formal_covered(calendar, formal),
        "sent_home": [(e.day, frozenset(e.sessions), f"{record.source} sent home {e.row}") for e in sent_home.events],
        "part_time": [],
    }
    part_time = []
    for period in record.part_time:
        last = period.last or as_of
        missed = _within(period.where, _part_time_missed, calendar, period, last) if last >= period.first else []
        part_time.append(PartTimeLine(period, sum(len(sessions) for _, sessions in missed)))
        if not period.agreed:  # without agreement each session kept out is an exclusion (DfE guidance)
            kinds["part_time"] += [(day, sessions, f"{period.where} (not agreed)") for day, sessions in missed]
    pieces = _one_per_day(calendar, [c for group in kinds.values() for c in group])
    internal = _internal_lines(calendar, record.internal)
    permanent = tuple(_permanent(calendar, p, as_of) for p in record.permanent)
    warnings = list(dict.fromkeys([*formal.warnings, *sent_home.warnings, *(w for p in permanent for w in p.warnings)]))
    return RecordSummary(
        calendar=calendar.name,
        record=record,
        formal=formal,
        sent_home=sent_home,
        together=tally(pieces),
        breakdown=_breakdown({k: [_piece(calendar, *c) for c in v] for k, v in kinds.items()}, pieces),
        internal=internal,
        patterns=_patterns(calendar, record, _exclusion_days(formal, sent_home)),
        health=tuple(_within(p.where, _health_line, calendar, p, as_of) for p in record.health),
        health_years=_health_years(calendar, record.health, as_of),
        part_time=tuple(part_time),
        permanent=permanent,
        warnings=tuple(warnings),
    )


def _one_per_day(calendar: SchoolCalendar, covered: list[Covered]) -> list[Piece]:
    """Each day once, in date order, counting each session once however many records cover it (a suspension on
    a day the part-time timetable kept the child out anyway counts that day once). A lunchtime is its own half."""
    days: dict[dt.date, tuple[set[str], str]] = {}
    for day, sessions, by in sorted(covered, key=lambda c: c[0]):
        held = days.setdefault(day, (set(), by))
        held[0].update(sessions)
    return [_piece(calendar, day, sessions, by) for day, (sessions, by) in days.items()]


def _breakdown(kinds: dict[str, list[Piece]], merged: list[Piece]) -> tuple[Breakdown, ...]:
    """Half days of each kind, and of all together (each day once), per term and then per school year."""
    rows: dict[tuple[str, str], dict[str, int]] = {}
    for scope in ("term", "school year"):
        for kind, group in [*kinds.items(), ("together", merged)]:
            for piece in sorted(group, key=lambda p: p.day):
                period = piece.term if scope == "term" else piece.school_year
                counts = rows.setdefault((scope, period), dict.fromkeys([*kinds, "together"], 0))
                counts[kind] += piece.halves
    ordered = sorted(rows.items(), key=lambda item: (item[0][0] != "term", item[0][1][-7:], item[0][1]))
    return tuple(Breakdown(scope, period, **counts) for (scope, period), counts in ordered)


def _permanent(calendar: SchoolCalendar, entry: PermanentEntry, as_of: dt.date) -> PermanentResult:
    return _within(entry.where, assess_permanent, calendar, entry.day, picked_up=entry.picked_up, today=as_of)


def _within(where: str, count: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """``count(*args)``, an error naming the table of the record it came from."""
    try:
        return count(*args, **kwargs)
    except SendcalcError as exc:
        raise exc.within(where) from None


Covered = tuple[dt.date, frozenset[str], str]
"""A day, the sessions of it an exclusion covered ('am', 'pm', or 'lunch' for a lunchtime), and which record said so."""


def _piece(calendar: SchoolCalendar, day: dt.date, sessions: Iterable[str], by: str) -> Piece:
    term = calendar.term_of(day)
    return Piece(day, term.label if term else "", school_year_label(day), min(2, len(set(sessions))), by)


def _formal_covered(calendar: SchoolCalendar, formal: TotalsResult) -> list[Covered]:
    """Each formal suspension's sessions, day by day as the ledger counts them (kernel.day_at_crossing): a lone
    half day is the afternoon on the first day (the morning was attended) and the morning on a later one."""
    out: list[Covered] = []
    for item in formal.ledger.entries:
        suspension = item.entry.suspension
        first = suspension.starts_at.date()
        for part in suspension.parts:
            days = Counter(day_at_crossing(calendar, suspension, part, k) for k in range(1, part.halves + 1))
            for day, n in sorted(days.items()):
                lone = "lunch" if suspension.lunchtime else "pm" if day == first else "am"
                out.append((day, frozenset(("am", "pm") if n >= 2 else (lone,)), item.entry.label))
    return out


def _part_time_missed(
    calendar: SchoolCalendar, period: PartTimePeriod, last: dt.date
) -> list[tuple[dt.date, frozenset[str]]]:
    """The sessions of each school day the timetable keeps the child out of."""
    out: list[tuple[dt.date, frozenset[str]]] = []
    for day in calendar.school_days(period.first, last):
        missed = frozenset(s for s in calendar.sessions_on(day) if (day.weekday(), s) not in period.attends)
        if missed:
            out.append((day, missed))
    return out


def _internal_lines(calendar: SchoolCalendar, items: tuple[Internal, ...]) -> tuple[InternalLine, ...]:
    counts: dict[str, int] = {}
    out = []
    for item in sorted(items, key=lambda i: i.day):
        if not _within(item.where, calendar.is_school_day, item.day):
            raise InputError(
                f"{item.where}: {in_words(item.day)} is not a school day (it is {calendar.day_kind(item.day)}); "
                "an internal exclusion happens in school: check the date"
            )
        term = calendar.term_of(item.day)
        label = term.label if term else school_year_label(item.day)
        counts[label] = counts.get(label, 0) + 1
        out.append(InternalLine(item, label, counts[label]))
    return tuple(out)


def _first_cluster(calendar: SchoolCalendar, days: list[dt.date]) -> tuple[dt.date, dt.date] | None:
    """The first PATTERN_COUNT dates within PATTERN_SCHOOL_DAYS school days of each other, or None."""
    days = sorted(set(days))
    for i in range(len(days) - PATTERN_COUNT + 1):
        first, last = days[i], days[i + PATTERN_COUNT - 1]
        if calendar.count_school_days(first, last) <= PATTERN_SCHOOL_DAYS:
            return first, last
    return None


def _exclusion_days(formal: TotalsResult, sent_home: SentHomeReport) -> list[dt.date]:
    """The day each exclusion began, one a suspension or time sent home (a part-time timetable is one
    arrangement, not an exclusion a day)."""
    return [e.entry.suspension.starts_at.date() for e in formal.ledger.entries] + [e.day for e in sent_home.events]


def _patterns(calendar: SchoolCalendar, record: Record, exclusions: list[dt.date]) -> tuple[str, ...]:
    """Prompts for the parent when exclusions come close together (a sendcalc convention, not a legal line)."""
    out = []
    found = _first_cluster(calendar, [i.day for i in record.internal])
    if found:
        out.append(
            f"{PATTERN_COUNT} internal exclusions within six school weeks ({in_words(found[0])} to "
            f"{in_words(found[1])}). Repeated sanctions can be a sign that a need is not being met: ask the school "
            "for a meeting, ask what SEN support is in place and whether it should change, and consider asking "
            f"the council for an EHC needs assessment. Sources: {sources.SEN_SUPPORT}; {sources.EHC_REQUEST}"
        )
    found = _first_cluster(calendar, exclusions)
    if found:
        out.append(
            f"{PATTERN_COUNT} exclusions (recorded or not) within six school weeks ({in_words(found[0])} to "
            f"{in_words(found[1])}): ask the school for a meeting about support, and whether an EHC needs "
            "assessment or a review of the child's EHC plan is needed"
        )
    return tuple(out)


def _health_years(
    calendar: SchoolCalendar, periods: tuple[HealthPeriod, ...], as_of: dt.date
) -> tuple[HealthYear, ...]:
    """Each school year's school days of health absence, all periods together, and the 15th of them."""
    days = sorted({d for p in periods for d in calendar.school_days(p.first, p.last or max(as_of, p.first))})
    years: dict[str, list[dt.date]] = {}
    for day in days:
        years.setdefault(school_year_label(day), []).append(day)
    return tuple(
        HealthYear(label, len(found), found[HEALTH_TRIGGER - 1] if len(found) >= HEALTH_TRIGGER else None)
        for label, found in years.items()
    )


def _health_line(calendar: SchoolCalendar, period: HealthPeriod, as_of: dt.date) -> HealthLine:
    last = period.last or max(as_of, period.first)
    missed = calendar.count_school_days(period.first, last)
    fifteenth = calendar.nth_school_day(period.first, HEALTH_TRIGGER) if period.last is None or missed >= 15 else None
    return HealthLine(period, missed, fifteenth)
