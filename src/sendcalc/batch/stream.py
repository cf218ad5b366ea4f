"""Streaming a case list through the Checker: CSV or JSON Lines in, CSV or JSON Lines out.

It reads lines and writes to a stream it is given (the command line opens the files), so memory
stays flat: rows stream through, and the output is written in blocks of lines. A row with a broken
quote stops the run with an error naming its line, rather than swallowing the rows after it; a
JSON line that is not an object becomes an error row and the rest go on.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator
from itertools import chain
from typing import IO, Protocol

from sendcalc.batch.checker import Checker, Summary
from sendcalc.batch.columns import COLUMN_NAMES, OUTPUT_COLUMNS, normalise
from sendcalc.core.errors import InputError
from sendcalc.readers.text import csv_error
from sendcalc.render.emit import csv_line

_BLOCK = 2048  # output lines written at a time


class _Rows(Protocol):
    """Rows of cells with the number of input lines read so far: a csv reader, or JSON Lines."""

    @property
    def line_num(self) -> int: ...

    def __iter__(self) -> Iterator[list[str | None]]: ...


def check_stream(
    lines: Iterator[str],
    sink: IO[str],
    *,
    shown: str,
    default_calendar: str,
    fmt: str = "csv",
    progress: Callable[[Summary], None] = lambda summary: None,
) -> Summary:
    """Check the case list in ``lines`` (CSV, or JSON Lines when the first line is an object), writing one
    output row per case to ``sink``; ``progress`` is called every few thousand rows."""
    first = next(lines, "")
    while first and not first.strip():
        first = next(lines, "")
    if not first:
        raise InputError(f"{shown}: the case list is empty; it needs a header row and one row per case")
    rows: _Rows
    if first.lstrip().startswith("{"):
        rows = _JsonRows(chain((first,), lines))
        header: list[str] = list(COLUMN_NAMES)
    else:
        rows = csv.reader(chain((first,), lines), strict=True)  # type: ignore[assignment]
        try:
            header = [h or "" for h in next(iter(rows))]
        except csv.Error as exc:
            raise csv_error(exc, shown, 1) from None
    checker = Checker(header, default_calendar)
    row_text: Callable[[list[str]], str] = csv_line if fmt == "csv" else _json_line
    if fmt == "csv":
        sink.write(csv_line(list(OUTPUT_COLUMNS)))
        emit: Callable[[list[str | None]], str] = checker.check_line
    else:

        def emit(cells: list[str | None]) -> str:
            row = checker.check(cells)
            return _json_line(row) if row else ""

    if isinstance(rows, _JsonRows):
        checked = emit

        def emit(cells: list[str | None]) -> str:
            if isinstance(cells, _BadLine):
                return row_text(checker.failed(cells.error))
            return checked(cells)

    _stream(rows, emit, sink, shown, lambda: progress(checker.summary))
    return checker.summary


def _stream(
    rows: _Rows, emit: Callable[[list[str | None]], str], sink: IO[str], path: str, progress: Callable[[], None]
) -> None:
    """Each row's output line, in order (a blank row has none), written a block at a time; a CSV record that cannot
    be read stops the run with an error naming the line it starts on (the rows before it are written)."""
    buffer: list[str] = []
    append = buffer.append
    starts = rows.line_num + 1
    try:
        for cells in rows:
            append(emit(cells))  # a blank line gives ""
            if len(buffer) == _BLOCK:
                sink.write("".join(buffer))
                buffer.clear()
                progress()
            starts = rows.line_num + 1
    except csv.Error as exc:
        raise csv_error(exc, path, starts) from None
    finally:
        sink.write("".join(buffer))


class _JsonRows:
    """JSON Lines as rows: each object may name its own fields, so each is mapped onto the known
    columns (None where the object has no such field: a recorded date it lacks is not checked)."""

    def __init__(self, lines: Iterator[str]) -> None:
        self._lines = lines
        self.line_num = 0

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
            return _BadLine(f"line {self.line_num} is not a JSON object ({exc}); the other lines go on")
        values = {normalise(str(k)): v for k, v in record.items()}
        cells: list[str | None] = []
        for aliases in COLUMN_NAMES.values():
            key = next((a for a in aliases if a in values), None)
            cells.append(None if key is None else "" if values[key] is None else str(values[key]))
        return cells


class _BadLine(list[str | None]):
    """A JSON line that is not an object: it becomes an error row, and the rows after it go on."""

    def __init__(self, error: str) -> None:
        super().__init__([error])
        self.error = error


def _json_line(cells: list[str]) -> str:
    return json.dumps(dict(zip(OUTPUT_COLUMNS, cells, strict=True)), ensure_ascii=False) + "\n"
