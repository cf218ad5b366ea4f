"""Streaming a case list through the Checker: CSV or JSON Lines in, CSV or JSON Lines out.

Files saved by Excel are read as they are (UTF-8 with a byte-order mark, or Windows-1252;
CRLF line ends; trailing blank lines). A row with a broken quote stops the run with an error
naming its line, rather than swallowing the rows after it. Memory stays flat: rows stream
through, and the output is written in blocks of lines. A progress bar appears on stderr only
when stderr is a terminal.
"""

from __future__ import annotations

import csv
import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from itertools import chain
from typing import IO, Protocol

import typer

from sendcalc.batch.checker import COLUMN_NAMES, OUTPUT_COLUMNS, Checker, Summary, csv_line, normalise
from sendcalc.core.errors import InputError
from sendcalc.readers.text import csv_error, text_lines

_BLOCK = 2048  # output lines written at a time


class _Rows(Protocol):
    """Rows of cells with the number of input lines read so far: a csv reader, or JSON Lines."""

    @property
    def line_num(self) -> int: ...

    def __iter__(self) -> Iterator[list[str | None]]: ...


def run_check(path: str, calendar: str, fmt: str, output: str | None) -> int:
    """Check the file at ``path`` (``-`` for stdin); return the exit code (0 clean, 1 breaches or bad rows)."""
    if fmt not in ("csv", "json"):
        raise InputError(f"--format {fmt!r}: check writes csv or json (JSON Lines)")
    try:
        summary = _check_file(path, calendar, fmt, output)
    except BrokenPipeError:  # the reader went away (| head): nothing more to say
        raise
    except OSError as exc:  # writing, or closing, the results failed: a full disk, say
        where = repr(output) if output else "stdout"
        raise InputError(f"cannot write the results to {where}: {exc.strerror or exc}") from None
    typer.echo(summary.line(), err=True)
    return 1 if summary.breaches or summary.errors else 0


def _check_file(path: str, calendar: str, fmt: str, output: str | None) -> Summary:
    with ExitStack() as stack:
        lines = _open_input(path, stack)
        first = next(lines, "")
        while first and not first.strip():
            first = next(lines, "")
        if not first:
            raise InputError(f"{path}: the case list is empty; it needs a header row and one row per case")
        rows: _Rows
        if first.lstrip().startswith("{"):
            rows = _JsonRows(chain((first,), lines), path)
            header: list[str] = list(COLUMN_NAMES)
        else:
            rows = csv.reader(chain((first,), lines), strict=True)  # type: ignore[assignment]
            try:
                header = [h or "" for h in next(iter(rows))]
            except csv.Error as exc:
                raise csv_error(exc, path, 1) from None
        checker = Checker(header, calendar)
        sink = _open_output(output, stack)
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

        _stream(rows, emit, sink, path, _progress(path, checker, stack))
        sink.flush()
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


def _open_input(path: str, stack: ExitStack) -> Iterator[str]:
    """The file's text lines (UTF-8, or Excel's Windows-1252), left open for the stack to close."""
    if path == "-":
        text = text_lines(sys.stdin.buffer)
    else:
        try:
            handle = stack.enter_context(open(path, "rb"))  # noqa: SIM115  (the stack closes it)
        except OSError as exc:
            raise InputError(f"cannot read the case list {path!r}: {exc.strerror}") from None
        text = text_lines(handle)
    stack.callback(text.detach)
    return text


def _open_output(output: str | None, stack: ExitStack) -> IO[str]:
    """Where the results go: the file ``output`` (UTF-8), or stdout."""
    if not output:
        return sys.stdout
    try:
        return stack.enter_context(open(output, "w", encoding="utf-8", newline=""))
    except OSError as exc:
        raise InputError(
            f"cannot write the results to {output!r}: {exc.strerror}; give -o a file in a folder you can write to"
        ) from None


class _JsonRows:
    """JSON Lines as rows: each object may name its own fields, so each is mapped onto the known
    columns (None where the object has no such field: a recorded date it lacks is not checked)."""

    def __init__(self, lines: Iterator[str], path: str) -> None:
        self._lines = lines
        self._path = path
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


def _progress(path: str, checker: Checker, stack: ExitStack) -> Callable[[], None]:
    """A Rich progress bar on stderr, only when stderr is a terminal and the input a real file."""
    if path == "-" or not sys.stderr.isatty() or os.environ.get("CI"):
        return lambda: None
    from rich.progress import BarColumn, Progress, TextColumn

    bar = stack.enter_context(
        Progress(TextColumn("checking"), BarColumn(), TextColumn("{task.completed:,} rows"), transient=True)
    )
    task = bar.add_task("check", total=None)
    summary = checker.summary

    def update() -> None:
        bar.update(task, completed=summary.rows)

    return update
