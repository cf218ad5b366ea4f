"""Streaming a case list through the Checker: CSV (comma, semicolon or tab) or JSON Lines in, CSV or JSON Lines out.

It reads lines and writes to a stream it is given (the command line opens the files), so memory
stays flat: rows stream through, and the output is written in blocks of lines. A row that cannot
be read (a broken quote, a cell of more than 100,000 characters, a JSON line that is not an object)
becomes an error row naming its line, and the rows after it go on.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from itertools import chain
from typing import TYPE_CHECKING, Any

from sendcalc.batch.checker import Checker, Summary
from sendcalc.batch.columns import COLUMN_NAMES, normalise
from sendcalc.core.errors import InputError
from sendcalc.readers.text import Records, csv_error, records
from sendcalc.render.emit import SCHEMA_VERSION, csv_line

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

_BLOCK = 2048  # output lines written at a time
LONGEST_CELL = 100_000  # characters: a longer cell is an error row (an unclosed quote often makes one)
DELIMITERS = {",": ",", ";": ";", "tab": "\t", "\t": "\t", "|": "|"}
_INTS = frozenset({"excluded_days"})
_NUMBERS = frozenset({"term_total_days", "year_total_days"})


@dataclass(frozen=True)
class Options:
    """How to read and write one case list (the command line's options, as values)."""

    default_calendar: str
    fmt: str = "csv"  # csv, or json (JSON Lines)
    delimiter: str | None = None  # None: found from the header line
    only_results: bool = False
    excel: bool = False  # CSV for Excel: a byte-order mark (written by the caller) and CRLF line ends


def check_stream(
    lines: Iterator[str],
    sink: SupportsWrite[str],
    checker_for: Callable[[list[str], set[int]], Checker],
    options: Options,
    *,
    shown: str,
    progress: Callable[[Summary], None] = lambda summary: None,
) -> Checker:
    """Check the case list in ``lines`` (CSV, or JSON Lines when the first line is an object), writing one
    output row per case to ``sink``. ``checker_for`` makes the Checker from the header (so the caller can
    report its columns before the rows stream); ``progress`` is called every few thousand rows. A
    KeyboardInterrupt leaves what was written so far and goes up to the caller."""
    first = next(lines, "")
    while first and not first.strip():
        first = next(lines, "")
    if not first:
        raise InputError(f"{shown}: the case list is empty; it needs a header row and one row per case")
    rows: Records
    if first.lstrip().startswith("{"):
        json_rows = _JsonRows(first, lines)
        rows, header, hidden = json_rows, json_rows.header, json_rows.hidden
    else:
        delimiter = DELIMITERS[options.delimiter] if options.delimiter else sniff(first)
        rows = csv.reader(chain((first,), lines), delimiter=delimiter, strict=True)
        try:
            header = [h or "" for h in next(iter(rows))]
        except csv.Error as exc:
            raise csv_error(exc, shown, 1) from None
        hidden = set()
    checker = checker_for(header, hidden)
    end = "\r\n" if options.excel else "\n"
    if options.fmt == "csv":
        sink.write(csv_line(checker.output_header)[:-1] + end)
        emit = checker.check_line if not options.excel else lambda cells: _crlf(checker.check_line(cells))
        failed: Callable[[str], str] = lambda error: csv_line(checker.failed(error))[:-1] + end  # noqa: E731
    else:
        typed = _Typed(checker)
        emit, failed = typed.line, lambda error: typed.dump(checker.failed(error), None)
    limit = csv.field_size_limit()
    csv.field_size_limit(LONGEST_CELL)
    try:
        checker.summary.written = _stream(rows, emit, failed, sink, shown, lambda: progress(checker.summary))
    finally:
        csv.field_size_limit(limit)
    return checker


def sniff(header_line: str) -> str:
    """The delimiter of a CSV file from its header line: comma, semicolon or tab, whichever it has most of
    (Excel in much of Europe saves with semicolons; a tab-separated export has tabs)."""
    counts = {d: header_line.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: (counts[d], d == ","))
    return best if counts[best] else ","


def _crlf(line: str) -> str:
    return line[:-1] + "\r\n" if line else line


def _stream(
    rows: Records,
    emit: Callable[[list[str | None]], str],
    failed: Callable[[str], str],
    sink: SupportsWrite[str],
    shown: str,
    progress: Callable[[], None],
) -> int:
    """Each row's output line, in order (a blank row has none), written a block at a time; a record that
    cannot be read becomes an error row naming the line it starts on, and the rows after it go on. A quote
    left open to the end of the file has swallowed every row after it: that stops the run (exit 2). Returns
    the number of rows written; when interrupted, the rows written so far are on ``sink`` (and counted in
    the exception's ``written``)."""
    buffer: list[str] = []
    written = 0
    append = buffer.append
    try:
        for starts, cells in records(rows, shown, recover=True):
            if isinstance(cells, csv.Error):
                append(failed(_unreadable(cells, starts)))
                continue
            append(emit(cells))  # a blank line gives ""
            if len(buffer) >= _BLOCK:
                sink.write("".join(buffer))
                written += sum(1 for line in buffer if line)
                buffer.clear()
                progress()
    except KeyboardInterrupt as stop:
        sink.write("".join(buffer))
        stop.written = written + sum(1 for line in buffer if line)  # type: ignore[attr-defined]
        raise
    sink.write("".join(buffer))
    return written + sum(1 for line in buffer if line)


def _unreadable(exc: csv.Error, line: int) -> str:
    if str(exc).startswith("line "):  # a JSON line that is not an object
        return f"{exc}; the other lines go on"
    if "field larger than field limit" in str(exc):
        return (
            f"line {line}: a cell is longer than {LONGEST_CELL:,} characters (an unclosed quote can cause this); "
            "the other rows go on"
        )
    return str(csv_error(exc, "the case list", line)) + "; the other rows go on"


class _Typed:
    """check --json: each output row as a JSON object with typed values (numbers, true/false, null), like the
    other commands' JSON; a JSON Lines input's own values come back as they were given."""

    def __init__(self, checker: Checker) -> None:
        self.checker = checker
        self.header = checker.output_header
        self.passed = 0 if checker.only_results else len(checker.layout.passed)
        given = checker.header
        names = self.header[1 : self.passed + 1]
        passed = () if checker.only_results else checker.layout.passed
        self.raw = [(name, given[i]) for name, i in zip(names, passed, strict=True)]  # the input's keys

    def line(self, cells: list[str | None]) -> str:
        row = self.checker.check(cells)
        return self.dump(row, getattr(cells, "record", None)) if row else ""

    def dump(self, row: list[str], record: dict[str, Any] | None) -> str:
        out: dict[str, Any] = {"schema_version": SCHEMA_VERSION}
        computed = bool(row[self.passed + 3])  # starts_at
        for i, (name, value) in enumerate(zip(self.header, row, strict=True)):
            if 0 < i <= self.passed:
                out[name] = value
            else:
                out[name] = _typed(name, value, computed)
        if record is not None:  # a JSON input's own values, as it gave them
            for name, key in self.raw:
                out[name] = record.get(key)
        return json.dumps(out, ensure_ascii=False) + "\n"


def _typed(name: str, value: str, computed: bool) -> Any:
    if name == "unlawful":
        return value == "yes" if computed else None
    if not value:
        return None
    if name in _INTS:
        return int(value)
    if name in _NUMBERS:
        number = float(value)
        return int(number) if number.is_integer() else number
    return value


class _JsonRows:
    """JSON Lines as rows. Each object may name the known fields in its own words (any alias) or leave
    them out (None: a recorded date it lacks is not checked); the first object's other keys are passed
    through. The columns are every known field, named as the first object names it, then those keys;
    ``hidden`` are the known fields the first object does not have (read, but not passed through)."""

    def __init__(self, first: str, lines: Iterator[str]) -> None:
        self._lines = chain((first,), lines)
        self.line_num = 0
        try:
            record = json.loads(first)
        except (ValueError, RecursionError):
            record = None
        if not isinstance(record, dict):
            raise InputError("the first line of the JSON Lines case list is not a JSON object; it names the columns")
        given = {normalise(str(k)): str(k) for k in record}
        self.header: list[str] = []
        self.hidden: set[int] = set()
        for key, aliases in COLUMN_NAMES.items():
            alias = next((a for a in aliases if a in given), None)
            if alias is None:
                self.hidden.add(len(self.header))
            self.header.append(key if alias is None else given[alias])
        known = {alias for aliases in COLUMN_NAMES.values() for alias in aliases}
        self.extra = [str(k) for k in record if normalise(str(k)) not in known]
        self.header += self.extra

    def __iter__(self) -> Iterator[list[str | None]]:
        return self

    def __next__(self) -> list[str | None]:
        line = ""
        while not line.strip():
            line = next(self._lines)  # StopIteration ends the rows
            self.line_num += 1
        try:
            record = json.loads(line)
            if not isinstance(record, dict):
                raise ValueError("not an object")
        except (ValueError, RecursionError) as exc:  # RecursionError: nested too deep to read
            raise csv.Error(f"line {self.line_num} is not a JSON object ({exc})") from None
        values = {normalise(str(k)): v for k, v in record.items()}
        row = _JsonRow(_text(values[a]) if a else None for a in _aliases(values))
        row.extend(None if k not in record else _text(record[k]) for k in self.extra)
        row.record = record
        return row


def _aliases(values: dict[str, Any]) -> Iterator[str | None]:
    """For each known field, the (normalised) key an object gives it under, or None."""
    for aliases in COLUMN_NAMES.values():
        yield next((a for a in aliases if a in values), None)


class _JsonRow(list[str | None]):
    """A JSON line's cells, with the object itself (its pass-through values keep their JSON types)."""

    record: dict[str, Any]


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def check_rows(
    rows: Iterable[Mapping[str, object]],
    *,
    default_calendar: str = "hertfordshire",
    summary: Summary | None = None,
    as_of: dt.date | None = None,
    only_results: bool = False,
) -> Iterator[dict[str, str]]:
    """Check case rows given as mappings (from csv.DictReader, JSON, a dataframe's records ...).

    Yields one dict per row: case_id, the row's other keys (unless ``only_results``), then the result
    columns; a row whose cells are all blank is skipped, as the CLI skips blank lines. ``as_of``
    (default today) decides whether a blank recorded date is missing or not yet due. Pass a
    ``summary`` to read the counts afterwards. The CLI's `sendcalc check` runs the same Checker.
    """
    checker: Checker | None = None
    keys: list[str] = []
    header: list[str] = []
    for row in rows:
        if checker is None:
            keys = list(row.keys())
            checker = Checker(keys, default_calendar, summary or Summary(), as_of or dt.date.today(), only_results)
            header = checker.output_header
        cells = [None if k not in row else "" if row[k] is None else str(row[k]) for k in keys]
        out = checker.check(cells)
        if out:
            yield dict(zip(header, out, strict=True))
