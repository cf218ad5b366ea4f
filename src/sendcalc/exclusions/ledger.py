"""Suspensions taken together: running totals per term and school year, lines crossed, back-to-back runs.

Term totals decide the board's duty (2012 Regs reg 6, "in any term"), school-year totals the 45-day
cap (reg 4), and back-to-back suspensions count as one period for day 6 (SI 2014/3216). A run is
broken only when the child attends a full session between two suspensions (a convention: non-school
days never break it), and a lunchtime never starts or continues one. A single suspension is a ledger
of one: `sendcalc check` totals a case with the same :func:`add_parts` as `sendcalc totals`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import NamedTuple

from sendcalc.calendar.engine import SchoolCalendar
from sendcalc.core.dates import moment_in_words
from sendcalc.core.errors import InputError
from sendcalc.core.school_age import Pupil, provision_blocked
from sendcalc.exclusions.kernel import Part, Placement, Suspension, day_at_crossing, day_six
from sendcalc.exclusions.thresholds import CAP, FIVE_DAYS, BoardDuty, Crossing, board_duty, lines


@dataclass(frozen=True)
class Entry:
    """One suspension in a child's record, with the label used in messages ('history.csv row 2')."""

    label: str
    suspension: Suspension
    exam: bool = False
    notice_date: dt.date | None = None


@dataclass(frozen=True)
class PeriodTotal:
    """A term ('autumn 2025-26') or school year ('2025-26'): what one suspension adds and the total after it."""

    period: str
    school_year: str
    this_halves: int
    total_halves: int


class Run(NamedTuple):
    """Back-to-back suspensions counted as one period for day 6 (SI 2014/3216).

    A named tuple: a case list builds one per case."""

    number: int
    members: tuple[int, ...]
    halves: int
    day_one: dt.date
    day_one_index: int
    day_six: dt.date | None


@dataclass(frozen=True)
class EntryTotals:
    entry: Entry
    run: int
    terms: tuple[PeriodTotal, ...]
    years: tuple[PeriodTotal, ...]
    board_term: str
    board_term_halves: int
    board: BoardDuty


@dataclass(frozen=True)
class Ledger:
    entries: tuple[EntryTotals, ...]
    terms: tuple[PeriodTotal, ...]
    years: tuple[PeriodTotal, ...]
    crossings: tuple[Crossing, ...]
    runs: tuple[Run, ...]


class Added(NamedTuple):
    """One part of a suspension added to the running totals: the totals before and after it."""

    part: Part
    term_before: int
    term_after: int
    year_before: int
    year_after: int


def add_parts(parts: Iterable[Part], terms: dict[str, int], years: dict[str, int]) -> tuple[Added, ...]:
    """Add a suspension's half days to running totals (changed in place), each where its date lies."""
    out = []
    for part in parts:
        term_before, year_before = terms.get(part.term, 0), years.get(part.school_year, 0)
        terms[part.term] = term_before + part.halves
        years[part.school_year] = year_before + part.halves
        out.append(Added(part, term_before, term_before + part.halves, year_before, year_before + part.halves))
    return tuple(out)


class CaseTotals(NamedTuple):
    """The totals of one suspension after ``previous`` half days earlier in its first term."""

    term_halves: int  # the first term's total
    year_halves: int  # the first school year's total
    board_halves: int  # the largest term total it counts in: what the board's duty is decided on
    unlawful: bool


def case_totals(placement: Placement, previous: int = 0) -> CaseTotals:
    """One suspension's totals, as :func:`build_ledger` counts them, with earlier days given as a number."""
    first = placement.parts[0]
    terms, years = {first.term: previous}, {first.school_year: previous}
    added = add_parts(placement.parts, terms, years)
    return CaseTotals(
        terms[first.term],
        years[first.school_year],
        max(a.term_after for a in added),
        any(total > CAP for total in years.values()),
    )


def check_order(calendar: SchoolCalendar, entries: Sequence[Entry]) -> tuple[Entry, ...]:
    """Entries sorted by start; overlapping suspensions are an input error naming both."""
    ordered = sorted(entries, key=lambda e: calendar.linear(e.suspension.start.position))
    for before, after in pairwise(ordered):
        if calendar.linear(after.suspension.start.position) < calendar.linear(before.suspension.end):
            raise InputError(
                f"{after.label} starts at {moment_in_words(after.suspension.starts_at)}, before {before.label} "
                f"ends (back at {moment_in_words(before.suspension.returns_at)}); suspensions cannot overlap: "
                "check both"
            )
    return tuple(ordered)


def lone_run(calendar: SchoolCalendar, placement: Placement, number: int = 1, member: int = 0) -> Run:
    """A run of one suspension (or a lunchtime, which always stands alone)."""
    return _run(calendar, [placement], (member,), number)


def find_runs(calendar: SchoolCalendar, ordered: Sequence[Placement]) -> tuple[Run, ...]:
    """Back-to-back runs of suspensions in date order: a run ends when the child attends a full session."""
    runs: list[Run] = []
    members: list[int] = []
    for i, placement in enumerate(ordered):
        if members:
            previous = ordered[members[-1]]
            if (
                previous.lunchtime
                or placement.lunchtime
                or calendar.attends_full_session(previous.end, placement.start.position)
            ):
                runs.append(_run(calendar, ordered, tuple(members), len(runs) + 1))
                members = []
        members.append(i)
    if members:
        runs.append(_run(calendar, ordered, tuple(members), len(runs) + 1))
    return tuple(runs)


def _run(calendar: SchoolCalendar, ordered: Sequence[Placement], members: tuple[int, ...], number: int) -> Run:
    first = ordered[members[0]].start
    halves = sum(ordered[i].halves for i in members)
    six = day_six(calendar, first) if halves > FIVE_DAYS else None
    return Run(number, members, halves, first.day_one, first.day_one_index, six)


def provision_start(calendar: SchoolCalendar, run: Run, placement: Placement) -> dt.date | None:
    """The first date of ``placement`` that needs day-6 provision under its run, or None.

    Provision is due from the run's day 6; a suspension that starts after the run has passed day 6
    needs it from its own first excluded date.
    """
    if run.day_six is None:
        return None
    first = calendar.day_at_index(placement.start.position[0])
    last = calendar.day_at_index(placement.last_index)
    if last < run.day_six:
        return None
    return max(run.day_six, first)


def provision_due(
    calendar: SchoolCalendar, run: Run, placement: Placement, pupil: Pupil | None
) -> tuple[dt.date | None, str | None]:
    """(the date day-6 provision is due from, or None; why the law lifts the duty when day 6 is passed)."""
    start = provision_start(calendar, run, placement)
    if start is None:
        return None, None
    blocked = provision_blocked(pupil, start)
    return (None, blocked) if blocked else (start, None)


def build_ledger(
    calendar: SchoolCalendar,
    entries: Sequence[Entry],
    *,
    opening: Mapping[tuple[str, str], int] | None = None,
) -> Ledger:
    """Running totals in date order. ``opening`` gives half days already counted per (term, school year)."""
    ordered = check_order(calendar, entries)
    runs = find_runs(calendar, [e.suspension for e in ordered])
    run_of = {i: run.number - 1 for run in runs for i in run.members}
    term_total: dict[str, int] = {}
    year_total: dict[str, int] = {}
    term_year: dict[str, str] = {}
    for (term, year), halves in (opening or {}).items():
        term_total[term] = term_total.get(term, 0) + halves
        year_total[year] = year_total.get(year, 0) + halves
        term_year[term] = year
    crossings: list[Crossing] = []
    done: list[EntryTotals] = []
    for i, entry in enumerate(ordered):
        placement = entry.suspension
        this_terms: dict[str, int] = {}
        this_years: dict[str, int] = {}
        crossed: list[Crossing] = []
        for added in add_parts(placement.parts, term_total, year_total):
            part = added.part
            term_year[part.term] = part.school_year
            this_terms[part.term] = this_terms.get(part.term, 0) + part.halves
            this_years[part.school_year] = this_years.get(part.school_year, 0) + part.halves
            for scope, period, before, after in (
                ("term", part.term, added.term_before, added.term_after),
                ("school year", part.school_year, added.year_before, added.year_after),
            ):
                for line in lines(scope):  # type: ignore[arg-type]
                    if before <= line.halves < after:
                        day = day_at_crossing(calendar, placement, part, line.halves - before + 1)
                        crossed.append(Crossing(line, period, i, entry.label, day, after))
        crossings += sorted(crossed, key=lambda c: (c.date, c.scope != "term", c.line.halves))
        touched_terms, touched_years = list(this_terms), list(this_years)
        for date in entry.suspension.excluded_dates:  # a day-0 afternoon in another term is shown, with 0
            found = calendar.term_of(date)
            if found is not None and found.label not in touched_terms:
                touched_terms.append(found.label)
                term_year[found.label] = found.school_year
            if found is not None and found.school_year not in touched_years:
                touched_years.append(found.school_year)
        board_term = max(this_terms, key=lambda t: term_total[t])
        done.append(
            EntryTotals(
                entry=entry,
                run=run_of[i],
                terms=tuple(
                    PeriodTotal(t, term_year[t], this_terms.get(t, 0), term_total.get(t, 0)) for t in touched_terms
                ),
                years=tuple(PeriodTotal(y, y, this_years.get(y, 0), year_total.get(y, 0)) for y in touched_years),
                board_term=board_term,
                board_term_halves=term_total[board_term],
                board=board_duty(term_total[board_term], exam=entry.exam),
            )
        )
    return Ledger(
        entries=tuple(done),
        terms=tuple(PeriodTotal(t, term_year[t], 0, h) for t, h in term_total.items()),
        years=tuple(PeriodTotal(y, y, 0, h) for y, h in sorted(year_total.items())),
        crossings=tuple(crossings),
        runs=runs,
    )
