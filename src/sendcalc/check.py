"""Checking a case list: every statutory date per row, and whether each recorded date was on time.

One output row per input row, in order; a row that cannot be computed keeps its place with an
``error`` and the rest go on. Rows are handled one at a time (the CLI streams them), and a row's
dates are memoised on its inputs, because case lists repeat the same start, time and length
many times over. Column names are matched in any case, with spaces, hyphens or underscores.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from sendcalc.calendar.files import load_calendar, parse_closure
from sendcalc.calendar.model import SchoolCalendar
from sendcalc.case import CaseDates, case_dates
from sendcalc.dates import parse_record_date, parse_time
from sendcalc.errors import InputError, SendcalcError
from sendcalc.render.emit import FORMULA_START, safe_cell
from sendcalc.units import days_text, parse_days

# the columns a case list may have, with the other names people give them
COLUMN_NAMES: dict[str, tuple[str, ...]] = {
    "case_id": ("case_id", "case", "id", "case_ref", "reference"),
    "kind": ("kind", "type", "exclusion_type", "category"),
    "date": ("date", "start_date", "start", "on", "date_of_exclusion", "exclusion_date"),
    "time": ("time", "collected", "picked_up", "collection_time", "time_collected"),
    "session": ("session", "start_session"),
    "days": ("days", "length", "school_days", "number_of_days"),
    "calendar": ("calendar",),
    "inset": ("inset", "inset_days"),
    "notice_date": ("notice_date", "notice", "board_notice_date"),
    "previous": ("previous", "previous_days", "days_this_term"),
    "exam": ("exam", "misses_exam"),
    "pru": ("pru",),
    "decision_notice": ("decision_notice", "decision_notice_date", "board_decision_notice"),
    "decision_posted": ("decision_posted", "posted"),
    "provision_started": ("provision_started", "provision", "provision_date", "provision_start"),
    "board_met": ("board_met", "governors_met", "board_meeting", "board_date"),
    "returned": ("returned", "return_date", "date_returned", "child_returned"),
    "review_applied": ("review_applied", "irp_applied", "review_application"),
}
OUTPUT_COLUMNS = (
    "case_id", "kind", "calendar", "starts_at", "returns_at", "day_one", "excluded_days", "provision_from",
    "provision_by", "term_total_days", "year_total_days", "board_duty", "board_deadline", "review_deadline",
    "unlawful", "provision_status", "board_status", "return_status", "review_status", "error",
)  # fmt: skip
_KINDS = {
    "suspension": "suspension", "fixed-term": "suspension", "fixed term": "suspension", "fte": "suspension",
    "fixed-term exclusion": "suspension", "fixed term exclusion": "suspension", "fixed-period": "suspension",
    "lunchtime": "lunchtime", "lunch": "lunchtime", "lunchtime suspension": "lunchtime",
    "permanent": "permanent", "permanent exclusion": "permanent", "pex": "permanent", "pe": "permanent",
}  # fmt: skip
_YES = {"yes", "y", "true", "1", "x"}
_NOT_COLLECTED = {"not collected", "not-collected", "end of day", "after school", "none"}
_CACHE_LIMIT = 100_000  # entries per memo: bounded, so memory stays flat however long the file


def normalise(name: str) -> str:
    """'Case ID', 'case-id', ' CASE_ID ' -> 'case_id'."""
    return "_".join(name.replace("\ufeff", "").replace("-", " ").replace("_", " ").lower().split())


def column_map(header: Sequence[str]) -> dict[str, int]:
    """Which input column holds each known field (unknown columns are ignored)."""
    found: dict[str, int] = {}
    names = [normalise(h) for h in header]
    for key, aliases in COLUMN_NAMES.items():
        for alias in aliases:
            if alias in names:
                found[key] = names.index(alias)
                break
    missing = [k for k in ("case_id", "date") if k not in found]
    if missing:
        raise InputError(
            f"the case list has no {' or '.join(missing)} column; its header is {', '.join(header)!s}. "
            "Name the columns case_id and date (see the README's `sendcalc check` section)"
        )
    return found


@dataclass
class Summary:
    """What a run found, for the line on stderr and the exit code."""

    rows: int = 0
    breaches: int = 0
    errors: int = 0
    computed: int = 0  # rows whose dates were computed, not taken from the memo

    def line(self) -> str:
        return f"sendcalc check: {self.rows} rows, {self.breaches} with a breach, {self.errors} with an error"


@dataclass
class Checker:
    """Checks rows of one case list; ``header`` is its first row."""

    header: Sequence[str]
    default_calendar: str = "hertfordshire"
    summary: Summary = field(default_factory=Summary)
    _cols: dict[str, int] = field(init=False)
    _calendars: dict[tuple[str, str], SchoolCalendar | SendcalcError] = field(default_factory=dict, init=False)
    # inputs of a row (all but case_id) -> its calendar, its dates and their output cells, or its error
    _memo: dict[str, _Entry] = field(default_factory=dict, init=False)
    _shared: dict[object, Any] = field(default_factory=dict, init=False)
    _statuses: dict[int, dict[tuple[dt.date, str], str]] = field(default_factory=dict, init=False)

    def __post_init__(self) -> None:
        self._cols = column_map(self.header)
        pad = len(self.header)  # an always-empty cell stands in for an absent column
        self._key = itemgetter(*(self._cols.get(k, pad) for k in _INPUT_KEYS))
        self._recorded = [(slot, self._cols[key]) for slot, key in _RECORDED if key in self._cols]
        self._width = pad + 1
        self._id_column = self._cols["case_id"]

    def check(self, cells: Sequence[str | None]) -> list[str]:
        """One input row -> one output row (OUTPUT_COLUMNS), never raising for a bad row.

        A cell may be None when that row has no such field at all (JSON): a recorded date it
        lacks is not checked. This is the hot path of a million-row file: the row's dates come
        from the memo when the same inputs were seen before, and so do the statuses.
        """
        summary = self.summary
        summary.rows += 1
        row = [*cells, *[""] * (self._width - len(cells))]
        parts = self._key(row)
        try:
            key = "\x1f".join(parts)  # one compact string: the memo holds many thousands of these
        except TypeError:  # a field absent from a JSON row
            key = "\x1f".join(p or "" for p in parts)
        entry = self._memo.get(key)
        if entry is None:
            entry = self._entry(key.split("\x1f"))
            if len(self._memo) >= _CACHE_LIMIT:
                self._memo.clear()
                self._shared.clear()
            self._memo[key] = entry
        case_id = (row[self._id_column] or "").strip()
        if case_id.startswith(FORMULA_START):
            case_id = "'" + case_id  # as render.emit.safe_cell: a spreadsheet must not run it
        calendar, cells_out, dues, statuses = entry
        if calendar is None:
            summary.errors += 1
            return [case_id, *cells_out]
        out = [case_id, *cells_out, "", "", "", "", ""]
        breach = False
        for slot, column, due, required in dues:
            cell = row[column]
            if cell is None:
                continue
            text = cell.strip()
            if due is None:
                found = "not-required"
            elif not text:
                found = "missing" if required else "not-required"
            else:
                found = statuses.get((due, text), "")
                if not found:
                    try:
                        found = status(calendar, due, text, required=required, what=_SLOT_NAMES[slot])
                    except SendcalcError as exc:
                        out[-1] = str(exc)
                        summary.errors += 1
                        return out
                    if len(statuses) >= _CACHE_LIMIT:
                        statuses.clear()
                    statuses[due, text] = found
            out[slot] = found
            breach = breach or found == "missing" or found.startswith("late")
        summary.breaches += breach
        return out

    def _dues(self, d: CaseDates) -> tuple[tuple[int, int, dt.date | None, bool], ...]:
        """For each recorded-date column in the file: its output slot, its input column, the due date, and
        whether a blank is 'missing' (a duty that had to happen) or 'not-required'."""
        due: dict[int, tuple[dt.date | None, bool]] = {
            _PROVISION: (d.provision_from, True),
            _BOARD: (d.board_deadline, d.board_duty == "must-consider"),
            _RETURN: (d.returns_at.date() if d.returns_at else None, True),
            _REVIEW: (d.review_deadline, False),
        }
        return tuple((slot, column, *due[slot]) for slot, column in self._recorded)

    def _entry(self, key: list[str]) -> _Entry:
        """Compute a row's dates and output cells (everything but case_id and the statuses)."""
        self.summary.computed += 1
        kind_text, calendar_spec, inset, *rest = (k.strip() for k in key)
        calendar_spec = calendar_spec or self.default_calendar
        blank = [""] * (len(OUTPUT_COLUMNS) - 1)
        blank[1] = safe_cell(calendar_spec)
        try:
            calendar = self._calendar(calendar_spec, inset)
            kind = _KINDS.get(kind_text.lower() or "suspension")
            if kind is None:
                raise InputError(f"kind {kind_text!r} is not suspension, lunchtime or permanent")
            dates = self._compute(calendar, kind, rest)
        except SendcalcError as exc:
            blank[-1] = str(exc)
            return None, blank, (), {}
        statuses = self._statuses.setdefault(id(calendar), {})
        share = self._shared.setdefault  # equal cells and checks are stored once, so the memo stays small
        cells = [share(c, c) for c in (kind, blank[1], *_cells(dates))]
        dues = self._dues(dates)
        return calendar, cells, share(dues, dues), statuses

    def _calendar(self, spec: str, inset: str) -> SchoolCalendar:
        key = (spec, inset)
        found = self._calendars.get(key)
        if found is None:
            try:
                found = load_calendar(spec)
                if inset:
                    found = found.with_closures(
                        parse_closure(text, "inset") for text in inset.replace(",", ";").split(";") if text.strip()
                    )
            except SendcalcError as exc:
                found = InputError(f"calendar {spec!r}{' with INSET ' + inset if inset else ''}: {exc}")
            self._calendars[key] = found
        if isinstance(found, SendcalcError):
            raise found
        return found

    @staticmethod
    def _compute(calendar: SchoolCalendar, kind: str, raw: list[str]) -> CaseDates:
        date_text, time_text, session, days, notice, previous, exam, pru, decision, posted = raw
        on = parse_record_date(date_text, "date")
        picked_up, not_collected = _start_time(calendar, time_text, session, lunchtime=kind == "lunchtime")
        halves = 1 if kind == "lunchtime" else 2
        if kind == "suspension" and days:
            halves = parse_days(days, what="days")
        if kind == "lunchtime" and days and parse_days(days, what="days") != 1:
            raise InputError(f"a lunchtime suspension is half a day, but days is {days!r}")
        return case_dates(
            calendar,
            "permanent" if kind == "permanent" else "suspension",
            on,
            halves=halves,
            picked_up=picked_up,
            not_collected=not_collected,
            notice_date=parse_record_date(notice, "notice_date") if notice else None,
            previous_halves=parse_days(previous, what="previous", allow_zero=True) if previous else 0,
            exam=exam.lower() in _YES,
            pru=pru.lower() in _YES,
            decision_notice=parse_record_date(decision, "decision_notice") if decision else None,
            decision_posted=posted.lower() in _YES,
        )


# a row's calendar (None when the row failed), its output cells up to 'unlawful' (or the error row),
# its recorded-date checks, and the status memo of its calendar
_Entry = tuple[
    SchoolCalendar | None, list[str], tuple[tuple[int, int, dt.date | None, bool], ...], dict[tuple[dt.date, str], str]
]
_PROVISION, _BOARD, _RETURN, _REVIEW = 15, 16, 17, 18
_RECORDED = (
    (_PROVISION, "provision_started"),
    (_BOARD, "board_met"),
    (_RETURN, "returned"),
    (_REVIEW, "review_applied"),
)
_SLOT_NAMES = dict(_RECORDED)


def _cells(d: CaseDates) -> list[str]:
    """Output cells from starts_at to unlawful, for one case's dates."""
    return [
        _moment(d.starts_at),
        _moment(d.returns_at) if d.returns_at else "",
        d.day_one.isoformat(),
        "" if d.excluded_days is None else str(d.excluded_days),
        d.provision_from.isoformat() if d.provision_from else "",
        d.provision_by or "",
        "" if d.term_total_halves is None else days_text(d.term_total_halves),
        "" if d.year_total_halves is None else days_text(d.year_total_halves),
        d.board_duty,
        d.board_deadline.isoformat() if d.board_deadline else "",
        d.review_deadline.isoformat() if d.review_deadline else "",
        "yes" if d.unlawful else "",
    ]


_INPUT_KEYS = (
    "kind", "calendar", "inset", "date", "time", "session", "days", "notice_date", "previous", "exam", "pru",
    "decision_notice", "decision_posted",
)  # fmt: skip


def _start_time(
    calendar: SchoolCalendar, time_text: str, session: str, *, lunchtime: bool = False
) -> tuple[dt.time | None, bool]:
    """Collection time from the row; a lunchtime suspension with no time starts halfway through the day
    (12:00 on an 08:45-15:15 day), so it ends with the day and the child is back next morning."""
    low = time_text.lower()
    if low in _NOT_COLLECTED:
        return None, True
    if time_text:
        return parse_time(time_text, what="time"), False
    if session.lower() == "pm":
        return calendar.times.afternoon_starts, False
    if lunchtime and not session:
        times = calendar.times
        midday = dt.datetime.combine(dt.date.min, times.day_starts) + dt.timedelta(seconds=times.length_seconds // 2)
        return midday.time(), False
    if session and session.lower() != "am":
        raise InputError(f"session {session!r} is not am or pm")
    return None, False


def _moment(moment: dt.datetime) -> str:
    return moment.isoformat(timespec="minutes")


def status(calendar: SchoolCalendar, due: dt.date | None, recorded: str, *, required: bool, what: str) -> str:
    """on-time, late by N school days, missing, or not-required, for one recorded date against its due date."""
    if due is None:
        return "not-required"
    if not recorded:
        return "missing" if required else "not-required"
    day = parse_record_date(recorded, what)
    if day <= due:
        return "on-time"
    late = calendar.count_school_days(due, day, inclusive="end")
    if late == 0:
        return "on-time"
    return f"late by {late} school day{'s' if late > 1 else ''}"


def check_rows(
    rows: Iterable[Mapping[str, object]], *, default_calendar: str = "hertfordshire", summary: Summary | None = None
) -> Iterator[dict[str, str]]:
    """Check case rows given as mappings (from csv.DictReader, JSON, a dataframe's records ...).

    Yields one dict per row with the keys of OUTPUT_COLUMNS, in order. Pass a ``summary`` to
    read the counts afterwards. The CLI's `sendcalc check` runs the same Checker.
    """
    checker: Checker | None = None
    keys: list[str] = []
    for row in rows:
        if checker is None:
            keys = list(row.keys())
            checker = Checker(keys, default_calendar, summary or Summary())
        cells = [None if k not in row else "" if row[k] is None else str(row[k]) for k in keys]
        yield dict(zip(OUTPUT_COLUMNS, checker.check(cells), strict=True))
