"""`sendcalc check`: every statutory date for each case in a list, and which recorded dates were late."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from sendcalc.cli.options import CalendarOpt, OutputOpt, new_app

if TYPE_CHECKING:
    from sendcalc.batch.checker import Checker, Summary

app = new_app()


@app.command("check")
def check(
    file: Annotated[str, typer.Argument(metavar="FILE", help="Case list: CSV, or JSON Lines (.jsonl); - for stdin.")],
    calendar: CalendarOpt = None,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            metavar="DATE",
            help="Judge blank recorded dates as of DATE (default today): not-yet-due until their deadline passes.",
        ),
    ] = None,
    only_results: Annotated[
        bool, typer.Option("--only-results", help="Write the case ID and the results only, not the input columns.")
    ] = False,
    delimiter: Annotated[
        str | None,
        typer.Option("--delimiter", metavar="SEP", help="The input's separator: , ; tab or | (default: found)."),
    ] = None,
    excel: Annotated[
        bool, typer.Option("--excel", help="CSV for Excel: UTF-8 with a byte-order mark, Windows line ends.")
    ] = False,
    fmt: Annotated[
        str, typer.Option("--format", "-f", metavar="csv|json", help="csv, or json (one JSON object per line).")
    ] = "csv",
    as_json: Annotated[bool, typer.Option("--json", help="Shorthand for --format json.")] = False,
    output: OutputOpt = None,
    ics: Annotated[
        str | None,
        typer.Option(
            "--ics",
            metavar="DIR",
            help="Also write each case's dates to DIR/<case_id>.ics (all-day events labelled with the case ID).",
        ),
    ] = None,
) -> None:
    """Check a case list: one output row per case, in the same order, with the
    input columns, the computed dates and a status for each recorded date
    (on-time, late by N school days, missing, not-yet-due, not-required, or
    before the exclusion). A row that cannot be computed gets an error and the
    rest go on. Exit code 1 when any breach, bad row or impossible date is
    found; a summary goes to stderr.

    Columns (any case, spaces allowed): case_id, date, and optionally kind
    (suspension, lunchtime, permanent), time (collection time, or 'not
    collected') or session (am/pm), days, calendar, inset (INSET days
    separated by ;), notice_date, previous, exam, pru, decision_notice,
    decision_posted, year_group or dob (compulsory school age, for day 6),
    exams_finished, plan_fewer_hours, and the recorded dates
    provision_started, board_met, returned, review_applied. Other columns
    come back unchanged. Blank lines are skipped. The whole reference:
    sendcalc guide check.

    Examples:

    \b
      sendcalc check cases.csv -o checked.csv
      sendcalc check cases.csv --as-of 2025-12-01 --excel -o checked.csv
      sendcalc check cases.jsonl --json
      sendcalc check cases.csv -o checked.csv --ics calendars
    """
    import datetime as dt
    import sys

    from sendcalc.batch.checker import Checker
    from sendcalc.batch.stream import DELIMITERS, Options, check_stream
    from sendcalc.cli.options import DEFAULT_CALENDAR
    from sendcalc.cli.output import note, sink
    from sendcalc.core.dates import parse_date
    from sendcalc.core.errors import InputError
    from sendcalc.readers.text import open_text

    fmt = "json" if as_json else fmt
    if fmt not in ("csv", "json"):
        raise InputError(f"--format {fmt!r}: check writes csv or json (JSON Lines)")
    if delimiter is not None and delimiter.lower() not in DELIMITERS:
        raise InputError(f"--delimiter {delimiter!r}: give , ; tab or |")
    if excel and fmt != "csv":
        raise InputError("--excel is for CSV output; leave it out with --json")
    _refuse_overwriting(file, output)
    folder = _ics_folder(ics) if ics is not None else None  # before reading: a file there is an error
    day = parse_date(as_of, what="--as-of") if as_of else dt.date.today()
    options = Options(
        default_calendar=calendar or DEFAULT_CALENDAR,
        fmt=fmt,
        delimiter=delimiter.lower() if delimiter else None,
        only_results=only_results,
        excel=excel,
    )

    def checker_for(header: list[str], hidden: set[int]) -> Checker:
        kind = Checker
        if folder is not None:  # only then are events kept: a plain check streams as fast as ever
            from sendcalc.batch.case_events import EventChecker

            kind = EventChecker
        checker = kind(header, options.default_calendar, as_of=day, only_results=only_results, hidden=frozenset(hidden))
        columns = checker.layout
        if columns.unknown:
            what = "not read" if only_results else "passed through unchanged, not read"
            note(f"{what}: {', '.join(columns.unknown)} (see: sendcalc guide check)")
        if columns.unnamed:
            note(f"left out {len(columns.unnamed)} column(s) with no name in the header: {_numbers(columns.unnamed)}")
        return checker

    try:
        with (
            open_text(file, "case list", limit=None) as lines,
            sink(output, newline="") as stream,
            _progress(file) as progress,
        ):
            if folder is not None:  # made once the case list is open, so a missing list leaves no folder behind
                _make_folder(folder)
            if excel:
                stream.write("\ufeff")
            checker = check_stream(lines, stream, checker_for, options, shown=file, progress=progress)
    except KeyboardInterrupt as stop:
        done = getattr(stop, "written", 0)
        where = f"{output} was not written" if output and output != "-" else "the output above is incomplete"
        print(f"sendcalc check: interrupted after {done:,} rows; {where}", file=sys.stderr)
        raise typer.Exit(130) from None
    if folder is not None:
        _write_calendars(folder, checker)
    print(checker.summary.line(), file=sys.stderr)
    raise typer.Exit(1 if checker.summary.failed else 0)


def _refuse_overwriting(file: str, output: str | None) -> None:
    """-o naming the case list itself would replace the input with its results: refuse before reading."""
    import os

    from sendcalc.core.errors import InputError

    if not output or output == "-" or file == "-":
        return
    try:
        same = os.path.samefile(file, output)
    except OSError:  # one of them does not exist (yet)
        return
    if same:
        raise InputError(f"-o {output!r} is the case list itself; write the results to another file")


def _ics_folder(path: str) -> Path:
    """--ics DIR, checked before the case list is read: a file there (or an empty name) is an error."""
    from sendcalc.core.errors import InputError

    if not path.strip():
        raise InputError("--ics needs a folder name for the calendar files, one per case, such as calendars")
    folder = Path(path)
    if folder.exists() and not folder.is_dir():
        raise InputError(f"--ics {path!r} is a file; give a folder for the calendar files (one per case)")
    return folder


def _make_folder(folder: Path) -> None:
    """The --ics folder, with its parents, if missing; one that cannot be made is the one-line error."""
    from sendcalc.core.errors import InputError

    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise InputError(f"cannot make the folder {str(folder)!r} for the calendar files: {reason}") from None


def _write_calendars(folder: Path, checker: Checker) -> None:
    """One calendar file per case with dates, labelled with its case ID; then a note of how many."""
    from sendcalc.batch.case_events import CASE_ICS_NAME, EventChecker, file_names
    from sendcalc.cli.output import note, write_bytes
    from sendcalc.render.ics import ics_bytes

    assert isinstance(checker, EventChecker)
    names = file_names(checker.events)
    for case_id, events in checker.events.items():
        dated = sorted(events, key=lambda e: e.date)  # two rows of one case: in date order, ties as they came
        write_bytes(ics_bytes(dated, CASE_ICS_NAME, label=case_id), str(folder / names[case_id]), "calendar")
    count = sum(len(events) for events in checker.events.values())
    note(f"wrote {len(names)} calendar file(s) with {count} event(s) to {folder}, one per case with dates")


def _numbers(columns: tuple[int, ...]) -> str:
    return ", ".join(f"column {n}" for n in columns)


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
