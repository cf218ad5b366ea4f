"""`sendcalc totals`: a child's suspensions this year, totalled per term and school year."""

from __future__ import annotations

from typing import Annotated

import typer

from sendcalc.cli.options import CalendarChoice, Output, calendar_options, new_app, output_options, pupil_options
from sendcalc.core.school_age import Pupil

app = new_app()


@app.command("totals")
@calendar_options
@pupil_options()
@output_options()
def totals(
    history: Annotated[
        str,
        typer.Option(
            "--history",
            metavar="FILE",
            help="The suspensions (CSV or TOML with date, time, days): see sendcalc guide exclusions.",
            show_default=False,
        ),
    ],
    pru: Annotated[
        bool,
        typer.Option("--pru", help="The child attends a pupil referral unit: the local authority provides from day 6."),
    ] = False,
    *,
    calendar: CalendarChoice,
    pupil: Pupil | None,
    out: Output,
) -> None:
    """Running totals per term and school year, lines crossed (5, 15, 45), back-to-back runs and board duties.

    Examples:

    \b
      sendcalc totals --history suspensions.csv
      sendcalc totals --history record.toml --json
    """
    import datetime as dt

    from sendcalc.cli.output import deliver
    from sendcalc.core.errors import InputError
    from sendcalc.exclusions.explain import totals_steps
    from sendcalc.exclusions.totals import summarise_history
    from sendcalc.readers.history import read_history
    from sendcalc.render import totals_view as view

    cal = calendar.load()
    rows = read_history(history)
    if not rows:
        raise InputError(f"history file {history!r} lists no suspensions")
    result = summarise_history(cal, rows, pru=pru, pupil=pupil, today=dt.date.today())
    deliver(
        out,
        text=lambda: view.totals_text(result, colour=out.colour),
        as_json=lambda: view.totals_json(result),
        as_csv=lambda: view.totals_csv(result),
        steps=lambda: totals_steps(result),
        events=lambda: view.totals_events(result),
        ics_name="Suspension record (sendcalc)",
        warnings=result.warnings,
    )
