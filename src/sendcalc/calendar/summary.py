"""What `calendar show` reports about a school year: terms, breaks, days off and school-day counts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sendcalc.calendar.engine import SchoolCalendar
from sendcalc.calendar.model import Closure, Term


@dataclass(frozen=True)
class TermSummary:
    term: Term
    school_days: int
    sessions: int
    bank_holidays: tuple[tuple[dt.date, str], ...]
    closures: tuple[Closure, ...]


@dataclass(frozen=True)
class YearSummary:
    label: str
    status: str
    source: str
    notes: str
    terms: tuple[TermSummary, ...]

    @property
    def school_days(self) -> int:
        return sum(t.school_days for t in self.terms)

    @property
    def sessions(self) -> int:
        return sum(t.sessions for t in self.terms)


def summarise_year(calendar: SchoolCalendar, label: str) -> YearSummary:
    year = calendar.year(label)
    terms = []
    for term in year.terms:
        days = calendar.term_school_days(term)
        in_term = [
            (day, name)
            for day, name in calendar.bank_holidays.items()
            if term.first_day <= day <= term.last_day and term.break_on(day) is None
        ]
        closures = tuple(
            sorted(
                (c for c in calendar.closures if term.first_day <= c.day <= term.last_day),
                key=lambda c: (c.day, c.session or ""),
            )
        )
        terms.append(
            TermSummary(
                term=term,
                school_days=len(days),
                sessions=sum(len(calendar.sessions_on(d)) for d in days),
                bank_holidays=tuple(sorted(in_term)),
                closures=closures,
            )
        )
    return YearSummary(year.label, year.status, year.source, year.notes, tuple(terms))
