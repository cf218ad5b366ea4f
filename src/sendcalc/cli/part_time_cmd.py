"""`sendcalc part-time`: sessions lost on a part-time (reduced) timetable."""

from __future__ import annotations

from typing import Annotated

import typer

from sendcalc.cli.options import (
    CalendarOpt,
    ClosureOpt,
    ExplainOpt,
    Format,
    FormatOpt,
    InsetOpt,
    JsonOpt,
    build_calendar,
    date_arg,
    output_format,
    warn,
)

app = typer.Typer()


@app.command("part-time")
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
    calendar: CalendarOpt = "hertfordshire",
    inset: InsetOpt = None,
    closure: ClosureOpt = None,
    fmt: FormatOpt = Format.table,
    as_json: JsonOpt = False,
    explain: ExplainOpt = False,
) -> None:
    """Sessions missed each week and in total on a part-time timetable, and a flag if it has no end date.

    The missed sessions are authorised absence (code C2), but they still count against attendance.

    Example: sendcalc part-time --from 3/11/2025 --attends mon-am,tue-am,wed
    """
    from sendcalc.attendance.part_time import parse_attends
    from sendcalc.attendance.part_time import part_time as timetable
    from sendcalc.render.part_time_view import render_part_time

    cal = build_calendar(calendar, inset, closure)
    result = timetable(
        cal,
        date_arg(from_, "--from"),
        parse_attends(attends),
        end=date_arg(to, "--to") if to else None,
        as_of=date_arg(as_of, "--as-of") if as_of else None,
    )
    warn(result.warnings)
    typer.echo(render_part_time(result, output_format(fmt, as_json), explain=explain), nl=False)
