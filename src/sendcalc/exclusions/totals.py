"""A child's suspension record: the facts `sendcalc totals` reports (running totals, lines, runs, board duties)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sendcalc.calendar.engine import SchoolCalendar
from sendcalc.core.school_age import Pupil
from sendcalc.core.units import days_words
from sendcalc.exclusions.history import HistoryRow, place_rows
from sendcalc.exclusions.ledger import Ledger, build_ledger, provision_due
from sendcalc.exclusions.thresholds import CAP, BoardDecision, board_decision


@dataclass(frozen=True)
class TotalsResult:
    """A child's suspension record: running totals, lines crossed, runs and each suspension's board duty."""

    calendar: str
    ledger: Ledger
    boards: tuple[BoardDecision, ...]
    provision: tuple[tuple[dt.date | None, str | None], ...]
    warnings: tuple[str, ...]
    kind: str = "totals"


def summarise_history(
    calendar: SchoolCalendar,
    rows: Sequence[HistoryRow],
    *,
    pru: bool = False,
    pupil: Pupil | None = None,
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
        start, _ = provision_due(calendar, ledger.runs[item.run], suspension, pupil)
        provision.append((start, None if start is None else "local authority" if pru else "school"))
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
    )
