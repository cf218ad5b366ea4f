"""`sendcalc check`: every statutory date for each case in a list, and which recorded dates were late."""

from __future__ import annotations

from typing import Annotated

import typer

from sendcalc.cli.options import CALENDAR_HELP

app = typer.Typer()


@app.command("check")
def check(
    file: Annotated[str, typer.Argument(metavar="FILE", help="Case list: CSV, or JSON Lines (.jsonl); - for stdin.")],
    calendar: Annotated[
        str, typer.Option("--calendar", "-c", envvar="SENDCALC_CALENDAR", help=CALENDAR_HELP, show_default=False)
    ] = "hertfordshire",
    fmt: Annotated[str, typer.Option("--format", "-f", help="csv, or json (one JSON object per line).")] = "csv",
    as_json: Annotated[bool, typer.Option("--json", help="Shorthand for --format json.")] = False,
    output: Annotated[
        str | None, typer.Option("--output", "-o", metavar="FILE", help="Write the results here, not to stdout.")
    ] = None,
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

    Example: sendcalc check cases.csv -o checked.csv
    """
    from sendcalc.batch.stream import run_check

    code = run_check(file, calendar, "json" if as_json else fmt, output)
    raise typer.Exit(code)
