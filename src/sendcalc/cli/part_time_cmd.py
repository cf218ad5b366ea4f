"""`sendcalc part-time`: sessions lost on a part-time (reduced) timetable."""

from __future__ import annotations

from typing import Annotated

import typer

from sendcalc.cli.options import CalendarChoice, Output, calendar_options, date_arg, new_app, output_options

app = new_app()


@app.command("part-time")
@calendar_options
@output_options(ics=False)
def part_time(
    from_: Annotated[
        str,
        typer.Option("--from", metavar="DATE", help="First day of the part-time timetable.", show_default=False),
    ],
    attends: Annotated[
        str,
        typer.Option(
            "--attends",
            metavar="SESSIONS",
            help="Sessions the child attends each week: mon-am,tue-am,wed (a bare day is the whole day), or none.",
            show_default=False,
        ),
    ],
    to: Annotated[
        str | None, typer.Option("--to", metavar="DATE", help="End date of the timetable, if the school gave one.")
    ] = None,
    as_of: Annotated[
        str | None, typer.Option("--as-of", metavar="DATE", help="Count 'so far' up to this date (default: today).")
    ] = None,
    *,
    calendar: CalendarChoice,
    out: Output,
) -> None:
    """Sessions missed each week and in total on a part-time timetable, and a flag if it has no end date.

    The missed sessions are authorised absence (code C2), but they still count against attendance.

    Examples:

    \b
      sendcalc part-time --from 3/11/2025 --attends mon-am,tue-am,wed
      sendcalc part-time --from 3/11/2025 --to 2025-12-19 --attends mon,tue --json
    """
    from sendcalc.attendance.part_time import parse_attends
    from sendcalc.attendance.part_time import part_time as timetable
    from sendcalc.cli.output import deliver
    from sendcalc.core.errors import InputError
    from sendcalc.render.part_time_view import part_time_view

    try:
        slots = parse_attends(attends)
    except InputError as exc:
        raise exc.within("--attends") from None
    result = timetable(
        calendar.load(),
        date_arg(from_, "--from"),
        slots,
        end=date_arg(to, "--to") if to else None,
        as_of=date_arg(as_of, "--as-of") if as_of else None,
    )
    deliver(out, part_time_view(result), result.warnings)
