"""`sendcalc totals`: a child's suspensions this year, totalled per term and school year."""

from __future__ import annotations

from typing import Annotated

import typer

from sendcalc.cli.exclusion_cmd import PruOpt
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
    pru: PruOpt = False,
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
    from sendcalc.exclusions.totals import summarise_history
    from sendcalc.readers.history import read_history
    from sendcalc.render.totals_view import totals_view

    rows = read_history(history)
    if not rows:
        raise InputError(f"history file {history!r} lists no suspensions")
    result = summarise_history(calendar.load(), rows, pru=pru, pupil=pupil, today=dt.date.today())
    deliver(out, totals_view(result), result.warnings, helps=(result.calendar, "exclusion"))
