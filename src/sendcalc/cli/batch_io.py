"""Streaming a case list through the Checker: CSV or JSON Lines in, CSV or JSON Lines out.

Files saved by Excel are read as they are (UTF-8 with a byte-order mark, or Windows-1252;
CRLF line ends; trailing blank lines). A row with a broken quote stops the run with an error
naming its line, rather than swallowing the rows after it. Memory stays flat: one row in, one
row out. A progress bar appears on stderr only when stderr is a terminal.
"""

from __future__ import annotations

import csv
import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from itertools import chain
from typing import IO

import typer

from sendcalc.check import COLUMN_NAMES, OUTPUT_COLUMNS, Checker, normalise
from sendcalc.errors import InputError
from sendcalc.tabular import csv_rows, decoded_lines


def run_check(path: str, calendar: str, fmt: str, output: str | None) -> int:
    """Check the file at ``path`` (``-`` for stdin); return the exit code (0 clean, 1 breaches or bad rows)."""
    if fmt not in ("csv", "json"):
        raise InputError(f"--format {fmt!r}: check writes csv or json (JSON Lines)")
    with ExitStack() as stack:
        source = _open_input(path, stack)
        sink: IO[str] = stack.enter_context(open(output, "w", encoding="utf-8", newline="")) if output else sys.stdout
        rows = _read_rows(source, path)
        header = next(rows, None)
        if header is None:
            raise InputError(f"{path}: the case list is empty; it needs a header row and one row per case")
        checker = Checker([h or "" for h in header], calendar)
        progress = _progress(path, stack)
        write = _writer(sink, fmt)
        check_row = checker.check
        if fmt == "csv":
            write(list(OUTPUT_COLUMNS))
        if progress is None:
            for cells in rows:
                write(check_row(cells))
        else:
            for n, cells in enumerate(rows, start=1):
                write(check_row(cells))
                if n % 5000 == 0:
                    progress(n)
        sink.flush()
    summary = checker.summary
    typer.echo(summary.line(), err=True)
    return 1 if summary.breaches or summary.errors else 0


def _open_input(path: str, stack: ExitStack) -> Iterator[str]:
    """The file's text lines, decoded line by line (UTF-8, or Excel's Windows-1252)."""
    if path == "-":
        return decoded_lines(sys.stdin.buffer)
    try:
        return decoded_lines(stack.enter_context(open(path, "rb")))
    except OSError as exc:
        raise InputError(f"cannot read the case list {path!r}: {exc.strerror}") from None


def _read_rows(source: Iterator[str], path: str) -> Iterator[list[str | None]]:
    """The header, then each row as a list of cells; blank lines are skipped. JSON Lines becomes the same shape."""
    first = next(source, "")
    while first and not first.strip():
        first = next(source, "")
    if first.lstrip().startswith("{"):
        yield from _json_rows(first, source, path)
        return
    for _, cells in csv_rows(chain((first,), source), path):
        if cells and any(cells):
            yield list(cells)


def _json_rows(first: str, source: Iterator[str], path: str) -> Iterator[list[str | None]]:
    """JSON Lines: each object may name its own fields, so each is mapped onto the known columns
    (None where the object has no such field: a recorded date it lacks is not checked)."""
    yield list(COLUMN_NAMES)
    for number, line in enumerate(chain((first,), source), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            if not isinstance(record, dict):
                raise ValueError("not an object")
        except ValueError as exc:
            raise InputError(f"{path}, line {number}: not a JSON object ({exc})") from None
        values = {normalise(str(k)): v for k, v in record.items()}
        cells: list[str | None] = []
        for aliases in COLUMN_NAMES.values():
            key = next((a for a in aliases if a in values), None)
            cells.append(None if key is None else "" if values[key] is None else str(values[key]))
        yield cells


def _writer(sink: IO[str], fmt: str) -> Callable[[list[str]], object]:
    if fmt == "json":

        def write_json(cells: list[str]) -> None:
            sink.write(json.dumps(dict(zip(OUTPUT_COLUMNS, cells, strict=True)), ensure_ascii=False) + "\n")

        return write_json
    return csv.writer(sink, lineterminator="\n").writerow  # the Checker has made every cell formula-safe


def _progress(path: str, stack: ExitStack) -> Callable[[int], None] | None:
    """A Rich progress bar on stderr, only when stderr is a terminal and the input a real file."""
    if path == "-" or not sys.stderr.isatty() or os.environ.get("CI"):
        return None
    from rich.progress import BarColumn, Progress, TextColumn

    bar = stack.enter_context(
        Progress(TextColumn("checking"), BarColumn(), TextColumn("{task.completed:,} rows"), transient=True)
    )
    task = bar.add_task("check", total=None)

    def update(done: int) -> None:
        bar.update(task, completed=done)

    return update
