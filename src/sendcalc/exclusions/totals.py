"""Suspensions taken together: running totals per term and school year, thresholds crossed, back-to-back runs.

Term totals decide the board's duty (2012 Regs reg 6, "in any term"), school-year totals the
45-day cap (reg 4), and back-to-back suspensions count as one period for day 6 (SI 2014/3216).
Convention: a run is broken only when the child attends a full session between two suspensions;
non-school days never break it, and a lunchtime suspension never starts or continues one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Literal

from sendcalc.calendar.model import SchoolCalendar
from sendcalc.core import sources
from sendcalc.core.dates import in_words, moment_in_words
from sendcalc.core.errors import InputError, SendcalcError
from sendcalc.core.steps import Step
from sendcalc.exclusions.history import HistoryRow
from sendcalc.exclusions.kernel import Position, Suspension, place_suspension
from sendcalc.exclusions.thresholds import (
    CAP,
    FIFTEEN_DAYS,
    FIVE_DAYS,
    BoardDecision,
    BoardDuty,
    board_decision,
    board_duty,
    days_words,
)

Scope = Literal["term", "school year"]
TERM_LINES = (FIVE_DAYS, FIFTEEN_DAYS)
YEAR_LINES = (FIVE_DAYS, FIFTEEN_DAYS, CAP)


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


@dataclass(frozen=True)
class Crossing:
    """Where a running total first went above a line (5, 15 or 45 school days): by which suspension, on which date."""

    scope: Scope
    period: str
    threshold_halves: int
    entry: int
    by: str
    date: dt.date


@dataclass(frozen=True)
class Run:
    """Back-to-back suspensions counted as one period for day 6 (SI 2014/3216)."""

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


def place_rows(calendar: SchoolCalendar, rows: Sequence[HistoryRow]) -> tuple[Entry, ...]:
    """Place each history row on the calendar; a row that cannot be placed names its row and field."""
    entries = []
    for row in rows:
        try:
            suspension = place_suspension(
                calendar,
                row.on,
                row.halves,
                picked_up=row.picked_up,
                not_collected=row.not_collected,
                lunchtime=row.lunchtime,
                explain=False,
            )
        except SendcalcError as exc:
            raise type(exc)(f"{row.where}, field 'date': {exc}") from None
        entries.append(Entry(row.where, suspension, exam=row.exam))
    return tuple(entries)


def linear(calendar: SchoolCalendar, position: Position) -> int:
    """A position as seconds of school time from the calendar's first school day."""
    return position[0] * calendar.times.length_seconds + position[1]


def attends_full_session(calendar: SchoolCalendar, back: Position, next_start: Position) -> bool:
    """True when a whole session (morning or afternoon) the school held lies between a return and the next start.

    A session the school closed (a one-session closure) is not attended, so it does not break a run.
    """
    times = calendar.times
    length = times.length_seconds
    morning = (times.afternoon_starts.hour * 60 + times.afternoon_starts.minute) * 60 - (
        times.day_starts.hour * 60 + times.day_starts.minute
    ) * 60
    low, high = linear(calendar, back), linear(calendar, next_start)
    index = back[0]
    while index * length < high:
        held = calendar.sessions_on(calendar.day_at_index(index))
        day_start = index * length
        sessions = (("am", day_start, day_start + morning), ("pm", day_start + morning, day_start + length))
        if any(name in held and low <= start and end <= high for name, start, end in sessions):
            return True
        index += 1
    return False


def check_order(calendar: SchoolCalendar, entries: Sequence[Entry]) -> tuple[Entry, ...]:
    """Entries sorted by start; overlapping suspensions are an input error naming both."""
    ordered = sorted(entries, key=lambda e: linear(calendar, e.suspension.start.position))
    for before, after in pairwise(ordered):
        if linear(calendar, after.suspension.start.position) < linear(calendar, before.suspension.end):
            raise InputError(
                f"{after.label} starts at {moment_in_words(after.suspension.starts_at)}, before {before.label} "
                f"ends (back at {moment_in_words(before.suspension.returns_at)}); suspensions cannot overlap: "
                "check both rows"
            )
    return tuple(ordered)


def find_runs(calendar: SchoolCalendar, ordered: Sequence[Entry]) -> tuple[Run, ...]:
    runs: list[Run] = []
    members: list[int] = []
    for i, entry in enumerate(ordered):
        if members:
            previous = ordered[members[-1]].suspension
            # a lunchtime never starts or continues a run: the child attends the afternoon session
            if (
                previous.lunchtime
                or entry.suspension.lunchtime
                or attends_full_session(calendar, previous.end, entry.suspension.start.position)
            ):
                runs.append(_run(calendar, ordered, members, len(runs) + 1))
                members = []
        members.append(i)
    if members:
        runs.append(_run(calendar, ordered, members, len(runs) + 1))
    return tuple(runs)


def _run(calendar: SchoolCalendar, ordered: Sequence[Entry], members: list[int], number: int) -> Run:
    first = ordered[members[0]].suspension.start
    halves = sum(ordered[i].suspension.halves for i in members)
    day_six = calendar.day_at_index(first.day_one_index + 5, first.position[0]) if halves > FIVE_DAYS else None
    return Run(number, tuple(members), halves, first.day_one, first.day_one_index, day_six)


def provision_start(run: Run, suspension: Suspension) -> dt.date | None:
    """The first date of ``suspension`` that needs day-6 provision under its run, or None.

    Provision is due from the run's day 6; a suspension that starts after the run has passed
    day 6 needs it from its own first excluded date.
    """
    if run.day_six is None or suspension.excluded_dates[-1] < run.day_six:
        return None
    return max(run.day_six, suspension.excluded_dates[0])


def build_ledger(
    calendar: SchoolCalendar,
    entries: Sequence[Entry],
    *,
    opening: Mapping[tuple[str, str], int] | None = None,
) -> Ledger:
    """Running totals in date order. ``opening`` gives half days already counted per (term, school year)."""
    ordered = check_order(calendar, entries)
    runs = find_runs(calendar, ordered)
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
        suspension = entry.suspension
        this_terms: dict[str, int] = {}
        this_years: dict[str, int] = {}
        for day in suspension.counted:
            term_year[day.term] = day.school_year
            before = term_total.get(day.term, 0)
            term_total[day.term] = before + day.halves
            crossings += [
                Crossing("term", day.term, line, i, entry.label, day.date)
                for line in TERM_LINES
                if before <= line < before + day.halves
            ]
            before = year_total.get(day.school_year, 0)
            year_total[day.school_year] = before + day.halves
            crossings += [
                Crossing("school year", day.school_year, line, i, entry.label, day.date)
                for line in YEAR_LINES
                if before <= line < before + day.halves
            ]
            this_terms[day.term] = this_terms.get(day.term, 0) + day.halves
            this_years[day.school_year] = this_years.get(day.school_year, 0) + day.halves
        touched_terms = list(this_terms)
        touched_years = list(this_years)
        for date in suspension.excluded_dates:
            found = calendar.term_of(date)
            if found is not None and found.label not in touched_terms:
                touched_terms.append(found.label)
                term_year[found.label] = found.school_year
            if found is not None and found.school_year not in touched_years:
                touched_years.append(found.school_year)
        terms = tuple(PeriodTotal(t, term_year[t], this_terms.get(t, 0), term_total.get(t, 0)) for t in touched_terms)
        years = tuple(PeriodTotal(y, y, this_years.get(y, 0), year_total.get(y, 0)) for y in touched_years)
        board_term = max(this_terms, key=lambda t: term_total[t])
        board_halves = term_total[board_term]
        done.append(
            EntryTotals(
                entry=entry,
                run=run_of[i],
                terms=terms,
                years=years,
                board_term=board_term,
                board_term_halves=board_halves,
                board=board_duty(board_halves, exam=entry.exam),
            )
        )
    return Ledger(
        entries=tuple(done),
        terms=tuple(PeriodTotal(t, term_year[t], 0, h) for t, h in term_total.items()),
        years=tuple(PeriodTotal(y, y, 0, h) for y, h in sorted(year_total.items())),
        crossings=tuple(crossings),
        runs=runs,
    )


# ----- the `totals` report --------------------------------------------------------------------------


@dataclass(frozen=True)
class TotalsResult:
    """A child's suspension record: running totals, lines crossed, runs and each suspension's board duty."""

    calendar: str
    ledger: Ledger
    boards: tuple[BoardDecision, ...]
    provision: tuple[tuple[dt.date | None, str | None], ...]
    warnings: tuple[str, ...]
    steps: tuple[Step, ...]
    kind: str = "totals"


def line_meaning(scope: Scope, threshold: int) -> str:
    """What going above a line means, in a parent's words."""
    if threshold == CAP:
        return "above 45 school days in a school year: unlawful (2012 Regs reg 4); no further suspension is lawful"
    if scope == "school year":
        return (
            f"above {days_words(threshold)} in the school year: the council's guide for parents reads the line "
            "over the year; the Regulations count it per term, so it brings no duty by itself"
        )
    if threshold == FIVE_DAYS:
        return (
            "above 5 days in the term: the head must tell the governing board and the local authority; the board must "
            "consider reinstatement if the parents ask (within 50 school days)"
        )
    return "above 15 days in the term: the governing board must consider reinstatement within 15 school days"


def summarise_history(
    calendar: SchoolCalendar,
    rows: Sequence[HistoryRow],
    *,
    pru: bool = False,
    today: dt.date | None = None,
) -> TotalsResult:
    """Totals per term and school year, where each line was crossed, back-to-back runs and board duties."""
    ledger = build_ledger(calendar, place_rows(calendar, rows))
    boards = []
    provision: list[tuple[dt.date | None, str | None]] = []
    for item in ledger.entries:
        suspension = item.entry.suspension
        notice = item.entry.notice_date or suspension.starts_at.date()
        boards.append(board_decision(calendar, item.board, notice, notice_given=False, today=today))
        start = provision_start(ledger.runs[item.run], suspension)
        provision.append((start, None if start is None else "local authority" if pru else "school"))
    steps = [
        Step(
            "Term totals decide the governing board's duty; school-year totals are checked against the 45-day cap",
            sources.TERM_TOTAL,
            "; ".join(f"{t.period}: {days_words(t.total_halves)}" for t in ledger.terms) or "no suspensions",
        ),
        Step(
            "The council's guide for parents reads the 5 and 15 day lines over a school year; the Regulations say "
            "'in any term'. sendcalc follows the Regulations and shows both totals",
            sources.YEAR_READING,
            "; ".join(f"{y.period}: {days_words(y.total_halves)}" for y in ledger.years) or "no suspensions",
        ),
        Step(
            "Back-to-back suspensions count as one period for day 6; a run is broken only when the child attends a "
            "full session between two suspensions, and non-school days never break it; a lunchtime suspension "
            "never starts or continues a run",
            f"{sources.BACK_TO_BACK}; {sources.RUN_BROKEN}",
            "; ".join(_run_words(ledger, run) for run in ledger.runs) or "no suspensions",
            convention=True,
        ),
        Step(
            "Each day (or final half day) counts toward the term and school year of the date that carries its number",
            sources.ATTRIBUTION,
            "applied to every suspension",
            convention=True,
        ),
        Step(
            "The governing board's notice date is taken as the first day of each suspension (notice is due "
            "'without delay'); the day of notice is day 0",
            sources.NOTICE_CONVENTION,
            "; ".join(
                f"{e.entry.label}: {b.duty}" + (f", deadline {in_words(b.deadline)}" if b.deadline else "")
                for e, b in zip(ledger.entries, boards, strict=True)
            ),
            convention=True,
        ),
    ]
    warnings = [
        f"UNLAWFUL: suspensions in school year {y.period} total {days_words(y.total_halves)}, above the "
        "legal maximum of 45 (2012 Regs reg 4)"
        for y in ledger.years
        if y.total_halves > CAP
    ]
    if ledger.entries:
        first = ledger.entries[0].entry.suspension.starts_at.date()
        last = max(
            [e.entry.suspension.returns_at.date() for e in ledger.entries]
            + [b.deadline for b in boards if b.deadline is not None]
        )
        warnings += calendar.status_warnings(first, last)
    return TotalsResult(
        calendar=calendar.name,
        ledger=ledger,
        boards=tuple(boards),
        provision=tuple(provision),
        warnings=tuple(warnings),
        steps=tuple(steps),
    )


def _run_words(ledger: Ledger, run: Run) -> str:
    labels = ", ".join(ledger.entries[i].entry.label for i in run.members)
    six = f"day 6 is {in_words(run.day_six)}" if run.day_six else "no day 6 (not more than 5 days)"
    return f"run {run.number} ({labels}): {days_words(run.halves)} from day 1 on {in_words(run.day_one)}; {six}"
