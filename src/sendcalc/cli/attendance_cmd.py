"""`sendcalc attendance`: attendance rates, persistent absence and the penalty-notice threshold."""

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
    output_format,
    warn,
)

app = typer.Typer()


@app.command("attendance")
def attendance(
    register: Annotated[
        str | None,
        typer.Option(
            "--register",
            "-r",
            metavar="FILE",
            help="The register as CSV: date,session,code (one row a session) or date,am,pm (one row a day).",
        ),
    ] = None,
    possible: Annotated[
        int | None, typer.Option("--possible", metavar="N", help="Quick figure: possible sessions.")
    ] = None,
    absent: Annotated[int | None, typer.Option("--absent", metavar="M", help="Quick figure: sessions absent.")] = None,
    suspended: Annotated[
        int, typer.Option("--suspended", metavar="E", help="Quick figure: of the absent sessions, how many were E.")
    ] = 0,
    weeks: Annotated[bool, typer.Option("--weeks/--no-weeks", help="Show the weekly bar view (table).")] = True,
    calendar: CalendarOpt = "hertfordshire",
    inset: InsetOpt = None,
    closure: ClosureOpt = None,
    fmt: FormatOpt = Format.table,
    as_json: JsonOpt = False,
    explain: ExplainOpt = False,
) -> None:
    """Attendance from the school's register: rates per term and year, with and without suspension (E),
    persistent and severe absence, and when 10 unauthorised sessions fell within 10 school weeks.

    Example: sendcalc attendance --register register.csv
    Example: sendcalc attendance --possible 380 --absent 38
    """
    from sendcalc.core.errors import InputError

    fmt_name = output_format(fmt, as_json)
    if register is None:
        if possible is None or absent is None:
            raise InputError("give --register FILE, or both --possible N and --absent M for a quick figure")
        from sendcalc.attendance.figures import quick_figures
        from sendcalc.render.attendance_view import render_quick

        quick = quick_figures(possible, absent, suspended)
        typer.echo(render_quick(quick, fmt_name, explain=explain), nl=False)
        return
    if possible is not None or absent is not None:
        raise InputError("give either --register FILE or --possible/--absent, not both")
    from sendcalc.attendance.figures import analyse_register
    from sendcalc.attendance.register import read_register
    from sendcalc.render.attendance_view import render_report

    cal = build_calendar(calendar, inset, closure)
    report = analyse_register(cal, read_register(register, cal))
    warn(report.warnings)
    typer.echo(render_report(report, fmt_name, explain=explain, weeks=weeks), nl=False)
