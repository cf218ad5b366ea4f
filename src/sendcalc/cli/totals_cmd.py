"""`sendcalc totals`: a child's suspensions this year, totalled per term and school year."""

from __future__ import annotations

from typing import Annotated

import typer

from sendcalc.cli.options import (
    CalendarOpt,
    ClosureOpt,
    ExplainOpt,
    Format,
    FormatOpt,
    IcsOpt,
    InsetOpt,
    JsonOpt,
    build_calendar,
    output_format,
)

app = typer.Typer(add_completion=False, rich_markup_mode=None, context_settings={"help_option_names": ["-h", "--help"]})


@app.command("totals")
def totals(
    history: Annotated[
        str,
        typer.Option(
            "--history",
            metavar="FILE",
            help="The suspensions (CSV or TOML with date, time, days): see: sendcalc guide exclusions.",
            show_default=False,
        ),
    ],
    pru: Annotated[
        bool,
        typer.Option("--pru", help="The child attends a pupil referral unit: the local authority provides from day 6."),
    ] = False,
    calendar: CalendarOpt = "hertfordshire",
    inset: InsetOpt = None,
    closure: ClosureOpt = None,
    fmt: FormatOpt = Format.table,
    as_json: JsonOpt = False,
    explain: ExplainOpt = False,
    ics: IcsOpt = None,
) -> None:
    """Running totals per term and school year, lines crossed (5, 15, 45), back-to-back runs and board duties.

    Example: sendcalc totals --history suspensions.csv
    """
    import datetime as dt

    from sendcalc.cli.deliver import deliver
    from sendcalc.core.errors import InputError
    from sendcalc.exclusions.history import read_history
    from sendcalc.exclusions.totals import summarise_history
    from sendcalc.render import totals as view

    cal = build_calendar(calendar, inset, closure)
    rows = read_history(history)
    if not rows:
        raise InputError(f"history file {history!r} lists no suspensions")
    result = summarise_history(cal, rows, pru=pru, today=dt.date.today())
    deliver(
        fmt=output_format(fmt, as_json),
        explain=explain,
        ics=ics,
        ics_name="Suspension record (sendcalc)",
        warnings=result.warnings,
        steps=result.steps,
        as_json=lambda: view.totals_json(result),
        as_csv=lambda: view.totals_csv(result),
        as_table=lambda: view.print_totals(result),
        events=lambda: view.totals_events(result),
    )
