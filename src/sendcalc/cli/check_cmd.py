"""`sendcalc check`: every statutory date for each case in a list, and which recorded dates were late."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Annotated

import typer

from sendcalc.cli.options import CalendarOpt, OutputOpt, new_app

if TYPE_CHECKING:
    from sendcalc.batch.checker import Summary

app = new_app()


@app.command("check")
def check(
    file: Annotated[str, typer.Argument(metavar="FILE", help="Case list: CSV, or JSON Lines (.jsonl); - for stdin.")],
    calendar: CalendarOpt = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="csv, or json (one JSON object per line).")] = "csv",
    as_json: Annotated[bool, typer.Option("--json", help="Shorthand for --format json.")] = False,
    output: OutputOpt = None,
) -> None:
    """Check a case list: one output row per case, in the same order, with the
    computed dates and a status for each recorded date (on-time, late by N
    school days, missing, not-required). A row that cannot be computed gets an
    error and the rest go on. Exit code 1 when any breach or bad row is found;
    a summary goes to stderr.

    Columns (any case, spaces allowed): case_id, date, and optionally kind
    (suspension, lunchtime, permanent), time (collection time, or 'not
    collected') or session (am/pm), days, calendar, inset (INSET days
    separated by ;), notice_date, previous, exam, pru, decision_notice,
    decision_posted, year_group or dob (compulsory school age, for day 6),
    exams_finished, plan_fewer_hours, and the recorded dates
    provision_started, board_met, returned, review_applied. Blank lines are
    skipped; a JSON line that is not an object becomes an error row. The whole
    reference: sendcalc guide check.

    Examples:

    \b
      sendcalc check cases.csv -o checked.csv
      sendcalc check cases.jsonl --json
    """
    import sys

    from sendcalc.batch.stream import check_stream
    from sendcalc.cli.options import DEFAULT_CALENDAR
    from sendcalc.cli.output import sink
    from sendcalc.core.errors import InputError
    from sendcalc.readers.text import open_text

    fmt = "json" if as_json else fmt
    if fmt not in ("csv", "json"):
        raise InputError(f"--format {fmt!r}: check writes csv or json (JSON Lines)")
    with (
        open_text(file, "case list", limit=None) as lines,
        sink(output) as stream,
        _progress(file) as progress,
    ):
        summary = check_stream(
            lines, stream, shown=file, default_calendar=calendar or DEFAULT_CALENDAR, fmt=fmt, progress=progress
        )
    print(summary.line(), file=sys.stderr)
    raise typer.Exit(1 if summary.breaches or summary.errors else 0)


@contextlib.contextmanager
def _progress(path: str) -> Iterator[Callable[[Summary], None]]:
    """A progress bar on stderr, only when stderr is a terminal and the input a real file."""
    import os
    import sys

    if path == "-" or not sys.stderr.isatty() or os.environ.get("CI"):
        yield lambda summary: None
        return
    from rich.progress import BarColumn, Progress, TextColumn

    with Progress(TextColumn("checking"), BarColumn(), TextColumn("{task.completed:,} rows"), transient=True) as bar:
        task = bar.add_task("check", total=None)
        yield lambda summary: bar.update(task, completed=summary.rows)
