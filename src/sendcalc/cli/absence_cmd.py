"""`sendcalc absence`: health absence and the 15-school-day trigger for education from the local authority."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from sendcalc.cli.options import (
    CalendarChoice,
    Output,
    calendar_options,
    date_arg,
    new_app,
    output_options,
    pupil_options,
)
from sendcalc.core.school_age import Pupil


class StartSession(StrEnum):
    am = "am"
    pm = "pm"


app = new_app()


@app.command("absence")
@calendar_options
@pupil_options(exceptions=False)
@output_options()
def absence(
    from_: Annotated[
        str,
        typer.Option(
            "--from",
            metavar="DATE",
            help="First day off school: 2025-12-08, 08/12/2025, '8 Dec 2025'.",
            show_default=False,
        ),
    ],
    from_session: Annotated[
        StartSession,
        typer.Option("--from-session", help="pm if the child went home ill at lunchtime on the first day."),
    ] = StartSession.am,
    to: Annotated[
        str | None,
        typer.Option("--to", metavar="DATE", help="Last day off, if known. Leave it out while the absence continues."),
    ] = None,
    earlier: Annotated[
        str | None,
        typer.Option(
            "--earlier",
            metavar="FILE",
            help="Health absence earlier this school year: one DATE, 'DATE,pm' or 'FIRST,LAST' a line.",
        ),
    ] = None,
    earlier_days: Annotated[
        str | None,
        typer.Option("--earlier-days", metavar="N", help="Or just the number of school days (3, 4.5) off ill earlier."),
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", metavar="DATE", help="Count 'so far' up to this date (default: today)."),
    ] = None,
    *,
    calendar: CalendarChoice,
    pupil: Pupil | None,
    out: Output,
) -> None:
    """School days missed through illness or anxiety, and when the 15th school day is reached.

    The local authority should arrange education as soon as it is clear a child will miss 15 school
    days, in a row or added up over the school year. Holidays do not count, so 15 school days is not
    always three weeks.

    Examples:

    \b
      sendcalc absence --from 8/12/2025 --earlier-days 4
      sendcalc absence --from 2025-11-03 --to 2025-11-28 --year-group 9
    """
    from sendcalc.attendance.health import Earlier, health_absence
    from sendcalc.cli.output import deliver
    from sendcalc.core.errors import InputError
    from sendcalc.core.units import parse_days
    from sendcalc.readers.earlier import read_earlier
    from sendcalc.render.health_view import health_view

    if earlier and earlier_days is not None:
        raise InputError("give either --earlier FILE or --earlier-days N, not both")
    cal = calendar.load()
    before = None
    if earlier:
        before = read_earlier(earlier, cal, what="--earlier file")
    elif earlier_days is not None:
        halves = parse_days(earlier_days, what="--earlier-days", allow_zero=True)
        before = Earlier(source="--earlier-days", halves=halves)
    result = health_absence(
        cal,
        date_arg(from_, "--from"),
        start_session=from_session.value,
        end=date_arg(to, "--to") if to else None,
        as_of=date_arg(as_of, "--as-of") if as_of else None,
        earlier=before,
        pupil=pupil,
    )
    deliver(out, health_view(result), result.warnings, helps=(cal.name, "health"))
