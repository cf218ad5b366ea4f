"""The dated events of each case in a case list, for `sendcalc check --ics DIR` (one calendar file per case).

Only a run that writes calendar files uses the :class:`EventChecker`; a plain `sendcalc check` runs the
:class:`Checker` it extends, untouched, so its speed is the same. Each event comes from the row's
computed cells (the same CSV line `check` writes): the start, the return, day 6, the governing board's
deadline and the review deadline, where the row has them. Events are kept by case ID, so two rows of
one case (two suspensions of one child) go in one file.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Sequence

from sendcalc.batch.checker import Checker
from sendcalc.batch.columns import RESULT_COLUMNS
from sendcalc.core.dates import in_words
from sendcalc.core.safe_text import printable
from sendcalc.exclusions.thresholds import FIFTEEN_DAYS, FIVE_DAYS, board_duty
from sendcalc.render.ics import Event

CASE_ICS_NAME = "Exclusion dates (sendcalc)"
_AT = {name: i - len(RESULT_COLUMNS) for i, name in enumerate(RESULT_COLUMNS)}  # from the end of an output row
_STARTS = {
    "suspension": "Suspension starts",
    "lunchtime": "Lunchtime suspension starts",
    "permanent": "Permanent exclusion starts",
}
_BOARD = {  # the board's duty in a row -> the duty it names (its school days and meaning)
    "must-consider": board_duty(FIFTEEN_DAYS + 1),
    "if-parents-ask": board_duty(FIVE_DAYS + 1),
}
_PERMANENT_BOARD = board_duty(0, permanent=True)
_REVIEW = (
    "Last day to apply for an independent review (and ask for a SEN expert)",
    "15 school days after the decision letter counts as given (2012 Regs Sch 1 para 2(1))",
)


class EventChecker(Checker):
    """A Checker that also keeps the dated events of every row it computes, by case ID (in ``events``,
    in the order the cases first appear); a row with an error, or with no case ID, gives none."""

    def __post_init__(self) -> None:
        super().__post_init__()
        self.events: dict[str, list[Event]] = {}

    def check_line(self, cells: Sequence[str | None]) -> str:
        line = super().check_line(cells)
        if line:
            case_id = " ".join(printable(cells[self._id_column] or "").split())
            if case_id:
                found = row_events(next(csv.reader((line,))))
                if found:
                    self.events.setdefault(case_id, []).extend(found)
        return line


def row_events(row: Sequence[str]) -> list[Event]:
    """The dated events of one output row of `sendcalc check` (none when it has an error or no start)."""

    def cell(name: str) -> str:
        return row[_AT[name]]

    starts_at = cell("starts_at")
    if cell("error") or not starts_at:
        return []
    kind = cell("kind")
    start = dt.datetime.fromisoformat(starts_at)
    day_one = dt.date.fromisoformat(cell("day_one"))
    events = [Event(start.date(), start.time(), _STARTS.get(kind, "Exclusion starts"), f"day 1 is {in_words(day_one)}")]
    if cell("returns_at"):
        back = dt.datetime.fromisoformat(cell("returns_at"))
        what = "Back for the afternoon" if kind == "lunchtime" else "Back at school"
        events.append(Event(back.date(), back.time(), what, "the suspension ends"))
    if cell("provision_from"):
        by = cell("provision_by")
        what = "Day 6: local authority provision" if kind == "permanent" else f"Day 6: provision from the {by}"
        events.append(Event(dt.date.fromisoformat(cell("provision_from")), None, what, "suitable full-time education"))
    if cell("board_deadline"):
        duty = _PERMANENT_BOARD if kind == "permanent" else _BOARD.get(cell("board_duty"))
        what = f"Governing board deadline ({duty.school_days} school days)" if duty else "Governing board deadline"
        detail = duty.meaning if duty else cell("board_duty")
        events.append(Event(dt.date.fromisoformat(cell("board_deadline")), None, what, detail))
    if cell("review_deadline"):
        events.append(Event(dt.date.fromisoformat(cell("review_deadline")), None, *_REVIEW))
    return sorted(events, key=lambda e: e.date)


_UNSAFE = re.compile(r"[^\w.-]+")
_RESERVED = frozenset({"CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(10)), *(f"LPT{n}" for n in range(10))})


def file_stem(case_id: str) -> str:
    """A case ID as the name of a file on any system: letters, digits, '.', '-' and '_' (any other run of
    characters becomes one '_'), not starting with a dot, at most 100 characters."""
    stem = _UNSAFE.sub("_", unicodedata.normalize("NFC", case_id)).strip("._-")[:100].rstrip(".") or "case"
    return f"{stem}_" if stem.split(".")[0].upper() in _RESERVED else stem


def file_names(case_ids: Iterable[str]) -> dict[str, str]:
    """Each case ID's file name (``<stem>.ics``); IDs that make the same name (letter case aside, as on
    Windows and macOS) get ``-2``, ``-3`` ... in the order they come."""
    used: set[str] = set()
    names = {}
    for case_id in case_ids:
        stem = file_stem(case_id)
        name, n = f"{stem}.ics", 1
        while name.casefold() in used:
            n += 1
            name = f"{stem}-{n}.ics"
        used.add(name.casefold())
        names[case_id] = name
    return names
