"""Turning dated events (from a feed, a pasted list or `calendar new`) into school years of terms.

Every shape comes down to one set: the days the school is in term (pupil days, INSET days and
closures). Terms are then cut where a school year cuts them: at the holiday over Christmas and at
the one over Easter (the longest break that begins in March or April, or the one holding Easter
Sunday). A gap of three or more weekdays inside a term is a break (its half term); a gap of one or two
weekdays is a day the school is closed. Bank holidays are never gaps: every calendar leaves them out.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise
from typing import NamedTuple

from sendcalc.calendar.bank_holidays import bank_holidays
from sendcalc.calendar.feed import Event
from sendcalc.calendar.model import Break, school_year_label
from sendcalc.core.errors import InputError

ONE_DAY = dt.timedelta(days=1)
SHORTEST_BREAK = 3
"""Weekdays: a shorter gap inside a term is a day or two of closure, not a holiday."""


@dataclass(frozen=True)
class Year:
    """One school year as it will be written to the calendar file."""

    label: str
    terms: tuple[tuple[Break, tuple[Break, ...]], ...]
    inset_days: tuple[dt.date, ...]
    occasional_days: tuple[dt.date, ...]
    closures: tuple[tuple[dt.date, str], ...]


@dataclass(frozen=True)
class Assembled:
    """The school years found, and what the events were: counted by kind, and the titles not used."""

    years: tuple[Year, ...]
    used: Counter[str] = field(default_factory=Counter)
    ignored: Counter[str] = field(default_factory=Counter)
    outside: tuple[dt.date, ...] = ()  # INSET, occasional or closure days that fall outside every term


def assemble(events: Iterable[Event]) -> Assembled:
    """School years from events; an InputError when they do not describe a single school day."""
    events = list(events)
    used: Counter[str] = Counter(str(e.kind) for e in events if e.kind != "ignored")
    ignored = Counter(e.title for e in events if e.kind == "ignored")
    in_term, marked = _term_days(events)
    if not in_term:
        raise InputError(
            "the events describe no school days: expected terms ('Autumn term'), one event per school day, or "
            f"holidays between two summer holidays; found {_kinds(used) or 'no events sendcalc recognises'}"
        )
    years: dict[str, list[dt.date]] = {}
    for day in sorted(in_term):
        years.setdefault(school_year_label(day), []).append(day)
    built = tuple(_year(label, days, marked, events) for label, days in years.items())
    outside = tuple(sorted(d for d, kind in marked.items() if d not in in_term and kind != "holiday"))
    return Assembled(built, used, ignored, outside)


def _weekdays(first: dt.date, last: dt.date) -> Iterable[dt.date]:
    day = first
    while day <= last:
        if day.weekday() < 5:
            yield day
        day += ONE_DAY


def _term_days(events: list[Event]) -> tuple[set[dt.date], dict[dt.date, str]]:
    """The weekdays in term (not bank holidays), and the days off in term each event marks (INSET etc.)."""
    by_kind: dict[str, list[Event]] = {}
    for e in events:
        by_kind.setdefault(e.kind, []).append(e)
    # 'School closed for Christmas': a closure of three weekdays or more is a holiday, not a day off in term
    long = [e for e in by_kind.get("closure", []) if len(list(_weekdays(e.first, e.last))) >= SHORTEST_BREAK]
    offs = by_kind.get("break", []) + by_kind.get("holiday", []) + long
    off = {d for e in offs for d in e.days()}
    days: set[dt.date] = set()
    for e in by_kind.get("term", []) + by_kind.get("school day", []):
        days.update(_weekdays(e.first, e.last))
    if by_kind.get("holiday") and len(_summers(offs)) >= 2:
        between = _between_summers(offs)
        if len(days) < len(between) // 2:  # a stray 'Spring term parents' evening' does not describe a year
            days = between
    elif not days and by_kind.get("holiday"):
        days = _between_summers(offs)
    days -= off
    marked: dict[dt.date, str] = {}
    for kind in ("inset", "occasional", "closure"):
        for e in by_kind.get(kind, []):
            if e in long:
                continue
            for day in _weekdays(e.first, e.last):
                marked[day] = kind if kind != "closure" else f"closure:{e.title}"
    if days:  # a day marked INSET between two school days is in term; one in the holidays is not
        first, last = min(days), max(days)
        days.update(d for d in marked if first <= d <= last and d not in off)
    holidays = bank_holidays(min(days).year, max(days).year) if days else {}
    return {d for d in days if d not in holidays}, marked


def _summers(offs: list[Event]) -> list[Event]:
    """The holidays that hold a day of August, in date order."""
    return sorted((e for e in offs if any(d.month == 8 for d in e.days())), key=lambda e: e.first)


def _between_summers(offs: list[Event]) -> set[dt.date]:
    """Shape (c): only holidays. Term is every weekday from one summer holiday to the next, less the holidays."""
    summers = _summers(offs)
    if len(summers) < 2:
        raise InputError(
            "the feed lists holidays but not the terms, and has no summer holiday before and after the school year, "
            "so it does not say when the year starts and ends; export the term dates, or use: sendcalc calendar new"
        )
    return set(_weekdays(summers[0].last + ONE_DAY, summers[-1].first - ONE_DAY))


class Gap(NamedTuple):
    """Weekdays out of term between two days in term: ``at`` is the index of the day after it."""

    at: int
    weekdays: int  # not counting bank holidays
    first: dt.date
    last: dt.date


def _year(label: str, days: list[dt.date], marked: dict[dt.date, str], events: list[Event]) -> Year:
    holidays = bank_holidays(int(label[:4]), int(label[:4]) + 1)
    gaps = []
    for i in range(1, len(days)):
        out = list(_weekdays(days[i - 1] + ONE_DAY, days[i] - ONE_DAY))
        if out:
            gaps.append(Gap(i, sum(d not in holidays for d in out), out[0], out[-1]))
    cuts = _term_cuts(label, gaps)
    terms = []
    bounds = [0, *(g.at for g in cuts), len(days)]
    for a, b in pairwise(bounds):
        first, last = days[a], days[b - 1]
        inside = [g for g in gaps if a < g.at < b and g.weekdays >= SHORTEST_BREAK]
        breaks = tuple(Break(_break_name(events, g.first, g.last), g.first, g.last) for g in inside)
        terms.append((Break(_term_name(first, last), first, last), breaks))
    names = [term.name for term, _ in terms]
    if len(set(names)) < len(names):
        twice = max(set(names), key=names.count)
        raise InputError(f"the {label} events give two {twice} terms; check the dates of the feed or list")
    closures = [
        (d, "not a school day in the feed")
        for g in gaps
        if 0 < g.weekdays < SHORTEST_BREAK and g not in cuts
        for d in _weekdays(g.first, g.last)
        if d not in holidays and d not in marked
    ]
    in_term = set(days)
    closures += [(d, k.partition(":")[2]) for d, k in marked.items() if k.startswith("closure:") and d in in_term]
    return Year(
        label,
        tuple(terms),
        tuple(sorted(d for d, k in marked.items() if k == "inset" and d in in_term)),
        tuple(sorted(d for d, k in marked.items() if k == "occasional" and d in in_term)),
        tuple(sorted(closures)),
    )


def _term_cuts(label: str, gaps: list[Gap]) -> list[Gap]:
    """The gaps that end a term: the one over Christmas, and the Easter one."""
    from dateutil.easter import easter

    start = int(label[:4])
    christmas, sunday = dt.date(start, 12, 25), easter(start + 1)
    cuts = [g for g in gaps if g.first <= christmas <= g.last][:1]
    spring = [g for g in gaps if g.weekdays >= SHORTEST_BREAK and g.first.month in (3, 4) and g.first.year == start + 1]
    if spring:
        holding = [g for g in spring if g.first <= sunday <= g.last]
        cuts.append(holding[0] if holding else max(spring, key=lambda g: g.weekdays))
    return sorted(cuts)


def _term_name(first: dt.date, last: dt.date) -> str:
    middle = first + (last - first) / 2
    return "autumn" if middle.month >= 8 else "spring" if middle.month <= 3 else "summer"


def _break_name(events: list[Event], first: dt.date, last: dt.date) -> str:
    """A break is a half-term unless an event over it calls it something else ('October holiday')."""
    for e in events:
        if e.kind in ("break", "holiday") and e.first <= last and e.last >= first and "half" not in e.title.lower():
            return e.title.lower()
    return "half-term"


def _kinds(used: Counter[str]) -> str:
    return ", ".join(f"{n} {kind} event(s)" for kind, n in used.most_common())


def to_toml(assembled: Assembled, *, name: str, source: str, based_on: str | None = None) -> str:
    """The calendar file for the years found: commented, status ``imported``, one line per term."""
    lines = [
        f"# {name}: term dates from {source}.",
        '# Check each date against the school\'s own letter or website, then change status to "confirmed".',
        f"name = {_quoted(name)}",
    ]
    if based_on:
        lines.append(f"based_on = {_quoted(based_on)}  # school times and other years come from here")
    for year in assembled.years:
        lines += ["", f'[years."{year.label}"]', 'status = "imported"', f"source = {_quoted(source)}", "terms = ["]
        for term, breaks in year.terms:
            parts = ", ".join(
                f"{{ name = {_quoted(b.name)}, first_day = {b.first_day}, last_day = {b.last_day} }}" for b in breaks
            )
            lines.append(
                f"  {{ name = {_quoted(term.name)}, first_day = {term.first_day}, last_day = {term.last_day}, "
                f"breaks = [{parts}] }},"
            )
        lines.append("]")
        if year.inset_days:
            lines.append(f"inset_days = [{', '.join(str(d) for d in year.inset_days)}]")
        if year.occasional_days:
            lines.append(f"occasional_days = [{', '.join(str(d) for d in year.occasional_days)}]")
        if year.closures:
            lines.append("closures = [")
            lines += [f"  {{ date = {d}, reason = {_quoted(reason)} }}," for d, reason in year.closures]
            lines.append("]")
    return "\n".join(lines) + "\n"


def _quoted(text: str) -> str:
    """A TOML basic string (control characters cannot reach here: titles are one line of printable text)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
