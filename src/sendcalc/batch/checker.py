"""Checking a case list: every statutory date per row, and whether each recorded date was on time.

One output row per input row, in order; a row that cannot be computed keeps its place with an
``error`` and the rest go on. Rows are handled one at a time (the CLI streams them). Case lists
repeat the same start, time and length over and over, so a row's output is built from memos: its
start placed on the calendar and its case (the dates ``case.dates_from`` gives), kept as ready CSV
text; its recorded dates are judged against the case's due dates as of ``as_of`` (statuses.py).
Every input column but the case ID is passed through. Column names are matched in any case, with
spaces, hyphens or underscores.
"""

from __future__ import annotations

import csv
import datetime as dt
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sendcalc.batch.calendars import DERIVED_BYTES, Calendars
from sendcalc.batch.columns import OUTPUT_COLUMNS, RECORDED, REST_KEYS, START_KEYS, Layout, layout
from sendcalc.batch.rows import SEPARATOR, RecordDates, error_text, getter, read_rest, split_key, start_time
from sendcalc.batch.statuses import Due, Statuses
from sendcalc.calendar.engine import SchoolCalendar
from sendcalc.core.errors import InputError, SendcalcError
from sendcalc.core.units import days_text
from sendcalc.core.words import kind_of
from sendcalc.exclusions.case import CaseDates, dates_from
from sendcalc.exclusions.kernel import Start, place_start
from sendcalc.render.emit import FORMULA_START, after_id, csv_cell, safe_cell

# The memos are bounded, so memory stays flat however long the file: by an estimate of the bytes they hold
# (each entry's text, plus what a start placed on the calendar or a case holds besides, measured with
# tracemalloc), which keeps `sendcalc check` under 100 MB on the files benchmarks/batch.py makes. And this many
# recorded texts per due date (and rest-of-row texts read) are remembered.
_CACHE_LIMIT = 45_000_000
_ENTRY_BYTES = 200  # a case, besides its CSV text
_PLACED_BYTES = 850  # a start placed on the calendar: its times, its term, its own memo of cases
_TEXT_BYTES = 100  # a text kept as a memo's key, besides its characters
_READ_LIMIT = 1_000


@dataclass
class Summary:
    """What a run found, for the line on stderr and the exit code."""

    rows: int = 0
    breaches: int = 0
    errors: int = 0
    wrong: int = 0  # rows with a recorded date before the event it answers
    written: int = 0  # output rows written, once the run ends

    def line(self) -> str:
        wrong = f", {self.wrong} with a recorded date before its event" if self.wrong else ""
        return f"sendcalc check: {self.rows} rows, {self.breaches} with a breach, {self.errors} with an error{wrong}"

    @property
    def failed(self) -> bool:
        """Whether the run found anything to act on: the exit code is 1."""
        return bool(self.breaches or self.errors or self.wrong)


# A case in the memo: the due date (statuses.Due) of each recorded-date column of the file (in Checker._recorded
# order; None when nothing was due), then its cells from returns_at to unlawful as CSV text, each after
# a comma; or, when it cannot be computed, the end of its output line (a str). One flat tuple per case
# keeps the memo small.
_Case = tuple[Any, ...] | str


class _Start:
    """A start (calendar, kind, date, collection time) and every case seen from it, keyed by the text of the
    rest of the row's inputs. Rows that write the same start differently ('18/11/2025' and '2025-11-18')
    share one _Start, so its cases are computed once."""

    __slots__ = ("blank", "calendar", "cases", "head_csv", "kind", "spec_cell", "start")

    def __init__(self, calendar: SchoolCalendar | None, kind: str, spec_cell: str, start: Start | None) -> None:
        self.calendar = calendar  # None when no row from this start can be computed
        self.kind = kind
        self.spec_cell = spec_cell
        self.start = start
        self.cases: dict[str, _Case] = {}
        self.blank = False  # a failed start whose fields are all empty: maybe a blank line
        # the output line after case_id up to starts_at (or, when the start failed, all of it)
        self.head_csv = "," + ",".join((csv_cell(kind), csv_cell(spec_cell), _moment(start.starts_at))) if start else ""

    @classmethod
    def failed(cls, spec_cell: str, error: str) -> _Start:
        start = cls(None, "", spec_cell, None)
        start.head_csv = after_id(("", spec_cell, *_BLANKS, error))
        return start


@dataclass
class Checker:
    """Checks rows of one case list; ``header`` is its first row.

    Case lists repeat themselves: the same start, collection time and length recur thousands of
    times. So each row is two memo lookups: the text of its start (kind, calendar, INSET days,
    date, time, session), then the text of the rest of its inputs. Text seen for the first time
    is parsed and computed; a start is placed on the calendar once and shared by every length
    of exclusion from it. The memos are bounded, so memory stays flat however long the file.
    """

    header: Sequence[str]
    default_calendar: str = "hertfordshire"
    summary: Summary = field(default_factory=Summary)
    as_of: dt.date = field(default_factory=dt.date.today)
    only_results: bool = False
    hidden: frozenset[int] = frozenset()  # columns read but not passed through
    layout: Layout = field(init=False)
    _cols: dict[str, int] = field(init=False)
    _calendar_cache: Calendars = field(default_factory=Calendars, init=False)
    _starts: dict[str, _Start] = field(default_factory=dict, init=False)  # by the start's text
    _placed: dict[tuple[Any, ...], _Start] = field(default_factory=dict, init=False)  # by the parsed start
    # the rest-of-row texts read lately, by kind: (the text, stored once, and what it says)
    _read: dict[tuple[str, str], tuple[str, tuple[Any, ...]]] = field(default_factory=dict, init=False)
    _remembered: int = field(default=0, init=False)
    _dates: RecordDates = field(default_factory=RecordDates, init=False)

    def __post_init__(self) -> None:
        self.layout = layout(self.header, self.hidden)
        self._cols = self.layout.known
        self._passed = getter([] if self.only_results else list(self.layout.passed))
        self._passing = bool(self.layout.passed) and not self.only_results
        self._status_of = Statuses(self.as_of)
        self._start_inputs = tuple(k for k in START_KEYS if k in self._cols)
        self._length_inputs = tuple(k for k in REST_KEYS if k in self._cols)
        self._start_key = getter([self._cols[k] for k in self._start_inputs])
        self._length_key = getter([self._cols[k] for k in self._length_inputs])
        self._recorded = [(slot, self._cols[key]) for slot, key in enumerate(RECORDED) if key in self._cols]
        self._width = len(self.header)
        self._id_column = self._cols["case_id"]

    def check(self, cells: Sequence[str | None]) -> list[str]:
        """One input row -> one output row (``output_header``), never raising for a bad row.

        A cell may be None when that row has no such field at all (JSON): a recorded date it
        lacks is not checked. The row is ``check_line``'s, read back, so the CSV and the JSON
        output of `sendcalc check` cannot differ. A blank row (every cell empty) gives [].
        """
        line = self.check_line(cells)
        return next(csv.reader((line,))) if line else []

    def check_line(self, cells: Sequence[str | None]) -> str:
        """One input row -> its output row as a line of CSV text: the hot path of a million-row file.

        A row seen before costs two memo lookups (its start, then the rest of its inputs), one
        per recorded date, and one string; the parts are stored as CSV text already.
        """
        summary = self.summary
        summary.rows += 1
        if len(cells) < self._width:  # a short row: the cells it lacks are blank
            cells = [*cells, *[""] * (self._width - len(cells))]
        case_id = cells[self._id_column] or ""
        if not case_id.isalnum():  # a plain ID needs no quoting and cannot be a formula
            if not case_id.strip():
                if not any(c and c.strip() for c in cells):  # a blank line (Excel often leaves some): no row
                    summary.rows -= 1
                    return ""
                summary.errors += 1
                return self._passed_csv(cells) + _BLANK_ID
            case_id = csv_cell(safe_cell(case_id.strip()))
        if self._passing:
            case_id += self._passed_csv(cells)
        try:
            start_text = SEPARATOR.join(self._start_key(cells))  # type: ignore[arg-type]
            rest_text = SEPARATOR.join(self._length_key(cells))  # type: ignore[arg-type]
        except TypeError:  # a field absent from a JSON row
            start_text = SEPARATOR.join(p or "" for p in self._start_key(cells))
            rest_text = SEPARATOR.join(p or "" for p in self._length_key(cells))
        start = self._starts.get(start_text) or self._new_start(start_text)
        if start.calendar is None:
            summary.errors += 1
            return case_id + start.head_csv
        case = start.cases.get(rest_text) or self._new_case(start, rest_text)
        if isinstance(case, str):
            summary.errors += 1
            return case_id + case
        found = ["", "", "", ""]
        breach = wrong = False
        statuses, calendar = self._status_of, start.calendar
        try:  # the case's last item is its CSV text, which zip leaves out
            for (slot, column), due in zip(self._recorded, case, strict=False):
                cell = cells[column]
                if cell is None:  # a JSON row without this field: nothing to check
                    continue
                if due is None:  # nothing was due, whatever the row recorded
                    found[slot] = "not-required"
                    continue
                known = statuses.of(calendar, due, cell, RECORDED[slot])
                found[slot] = known.text
                breach = breach or known.breach
                wrong = wrong or known.wrong
        except SendcalcError as exc:  # a recorded date that cannot be read
            summary.errors += 1
            return f"{case_id}{start.head_csv}{case[-1]}{after_id((*found, error_text(exc)))}"
        summary.breaches += breach
        summary.wrong += wrong
        if wrong:
            found = [csv_cell(f) for f in found]
        return f"{case_id}{start.head_csv}{case[-1]},{found[0]},{found[1]},{found[2]},{found[3]},\n"

    def _passed_csv(self, cells: Sequence[str | None]) -> str:
        """The pass-through cells as CSV text after a comma each (quoted, and kept from running as formulas)."""
        values = [c or "" for c in self._passed(cells)]
        if not values:
            return ""
        text = ",".join(values)
        if (
            text.count(",") == len(values) - 1
            and '"' not in text
            and "\n" not in text
            and "\r" not in text
            and not text.startswith(FORMULA_START)
            and not any(start in text for start in _FORMULA_AFTER_COMMA)
        ):
            return "," + text
        return "," + ",".join(csv_cell(safe_cell(v)) for v in values)

    def failed(self, error: str) -> list[str]:
        """The output row for an input row that could not even be read (a broken JSON line, an over-long cell)."""
        self.summary.rows += 1
        self.summary.errors += 1
        passed = 0 if self.only_results else len(self.layout.passed)
        return ["", *[""] * passed, "", "", *_BLANKS, error]

    @property
    def output_header(self) -> list[str]:
        return self.layout.output_header(self.only_results)

    def _remember(self, size: int) -> None:
        """Count a new memo entry's bytes; past the bound, empty the memos (they refill from the rows that follow)."""
        self._remembered += size
        if self._remembered > _CACHE_LIMIT:
            self._starts.clear()
            self._placed.clear()
            self._read.clear()
            self._remembered = 0

    def _new_start(self, text: str) -> _Start:
        """Parse a start's text and place it on the calendar (or find it placed already)."""
        self._remember(_TEXT_BYTES + len(text))
        try:
            given = split_key(self._start_inputs, text)
        except InputError as exc:
            unread = self._starts[text] = _Start.failed(safe_cell(self.default_calendar), error_text(exc))
            return unread
        spec = given.get("calendar") or self.default_calendar
        inset = given.get("inset", "")
        kind_text = given.get("kind", "")
        spec_cell = safe_cell(spec)
        try:
            calendar = self._calendar(spec, inset)
            kind = kind_of(kind_text)
            if kind is None:
                raise InputError(f"kind {kind_text!r} is not suspension, lunchtime or permanent")
            on = self._dates(given.get("date", ""), "date")
            picked_up, not_collected = start_time(
                calendar, given.get("time", ""), given.get("session", ""), lunchtime=kind == "lunchtime"
            )
            placed_key = (id(calendar), kind, on, picked_up, not_collected)
            start = self._placed.get(placed_key)
            if start is None:
                self._remember(_PLACED_BYTES)
                placed = place_start(
                    calendar, on, picked_up=picked_up, not_collected=not_collected, lunchtime=kind == "lunchtime"
                )
                start = self._placed[placed_key] = _Start(calendar, kind, sys.intern(spec_cell), placed)
        except SendcalcError as exc:
            start = _Start.failed(spec_cell, error_text(exc))
            start.blank = not any(given.values())
            self._remember(len(start.head_csv))
        self._starts[text] = start
        return start

    def _new_case(self, start: _Start, text: str) -> _Case:
        """Compute (and remember) the case of a start and the text of the rest of a row's inputs."""
        try:
            text, terms = self._read_rest(start.kind, text)
            kind, halves, notice, previous, exam, pru, decision, posted, pupil = terms
            dates = dates_from(
                start.calendar,  # type: ignore[arg-type]
                start.start,  # type: ignore[arg-type]
                kind,
                halves=halves,
                notice_date=notice,
                previous_halves=previous,
                exam=exam,
                pru=pru,
                decision_notice=decision,
                decision_posted=posted,
                pupil=pupil,
            )
        except SendcalcError as exc:
            case: _Case = after_id(("", start.spec_cell, *_BLANKS, error_text(exc)))
        else:
            case = self._checked(start, dates, decision)
        start.cases[text] = case
        self._remember(_ENTRY_BYTES + len(case if isinstance(case, str) else case[-1]))
        return case

    def _read_rest(self, kind: str, text: str) -> tuple[str, tuple[Any, ...]]:
        """The text of the rest of a row, stored once, and what it says (``_terms``): the same few texts
        recur across starts, so each is read once."""
        read = self._read.get((kind, text))
        if read is None:
            if len(self._read) >= _READ_LIMIT:
                self._read.clear()
            self._remember(_TEXT_BYTES + len(text))
            read = self._read[kind, text] = (text, read_rest(kind, split_key(self._length_inputs, text)))
        return read

    def _checked(self, start: _Start, dates: CaseDates, decision: dt.date | None) -> _Case:
        """A computed case: what each recorded-date column is checked against (None: nothing due), then its cells."""
        on = start.start.on  # type: ignore[union-attr]
        dues = (
            Due(dates.provision_from, True, on, "the exclusion"),
            Due(dates.board_deadline, dates.board_duty == "must-consider", on, "the exclusion"),
            Due(dates.returns_at.date() if dates.returns_at else None, True, on, "the exclusion"),
            Due(dates.review_deadline, False, decision or on, "the board's decision"),
        )
        checks = [dues[slot] if dues[slot].date is not None else None for slot, _ in self._recorded]
        return (*checks, "," + ",".join(_cells(dates)))

    def _calendar(self, spec: str, inset: str) -> SchoolCalendar:
        made = self._calendar_cache.made
        calendar = self._calendar_cache.get(spec, inset)
        if self._calendar_cache.made != made:  # a new calendar: the starts placed on it keep it alive
            self._remember(DERIVED_BYTES)
        return calendar


def _cells(d: CaseDates) -> list[str]:
    """Output cells from returns_at to unlawful, for one case's dates (starts_at is its start's)."""
    return [
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
        d.school_age,
    ]


_BLANKS = ("",) * (len(OUTPUT_COLUMNS) - 4)  # the cells between the calendar and the error of a failed row
_BLANK_ID = after_id(("", "", *_BLANKS, "case_id is blank; give every case its own ID so its dates can be found"))
_FORMULA_AFTER_COMMA = tuple("," + start for start in FORMULA_START)


def _moment(moment: dt.datetime) -> str:
    return moment.isoformat()[:16]  # to the minute, as isoformat(timespec="minutes"), and faster
