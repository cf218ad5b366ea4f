"""`sendcalc attendance`: attendance rates, persistent absence and the penalty-notice threshold."""

from __future__ import annotations

from typing import Annotated

import typer

from sendcalc.cli.options import CalendarChoice, Output, calendar_options, new_app, output_options

app = new_app()


@app.command("attendance")
@calendar_options
@output_options(ics=False)
def attendance(
    register: Annotated[
        str | None,
        typer.Option(
            "--register",
            "-r",
            metavar="FILE",
            help="The register as CSV: date,session,code (one row a session) or date,am,pm (one row a day); "
            "- for stdin.",
        ),
    ] = None,
    possible: Annotated[
        str | None, typer.Option("--possible", metavar="N", help="Quick figure: possible sessions.")
    ] = None,
    absent: Annotated[str | None, typer.Option("--absent", metavar="M", help="Quick figure: sessions absent.")] = None,
    suspended: Annotated[
        str, typer.Option("--suspended", metavar="E", help="Quick figure: of the absent sessions, how many were E.")
    ] = "0",
    weeks: Annotated[bool, typer.Option("--weeks/--no-weeks", help="Show the weekly bar view (table).")] = True,
    illness: Annotated[
        str | None,
        typer.Option(
            "--illness",
            metavar="FILE",
            help="Days (or date,am|pm sessions) you reported as illness: lists any the register codes as "
            "unauthorised, says what they do to the penalty-notice threshold, and drafts a request to re-code them.",
        ),
    ] = None,
    *,
    calendar: CalendarChoice,
    out: Output,
) -> None:
    """Attendance from the school's register: rates per term and year, with and without suspension (E),
    persistent and severe absence, and when 10 unauthorised sessions fell within 10 school weeks.

    Examples:

    \b
      sendcalc attendance --register register.csv
      sendcalc attendance --possible 380 --absent 38
      sendcalc attendance --register register.csv --illness ill-days.csv
    """
    from sendcalc.cli.output import deliver
    from sendcalc.core.errors import InputError

    if register is None:
        if illness:
            raise InputError("--illness is checked against a register; give --register FILE too")
        if possible is None or absent is None:
            raise InputError("give --register FILE, or both --possible N and --absent M for a quick figure")
        from functools import partial

        from sendcalc.attendance.figures import quick_figures
        from sendcalc.core.units import parse_count
        from sendcalc.render.attendance_view import quick_view

        sessions = partial(parse_count, unit="sessions")
        figures = quick_figures(
            sessions(possible, what="--possible"),
            sessions(absent, what="--absent"),
            sessions(suspended, what="--suspended"),
        )
        deliver(out, quick_view(figures))
        return
    if possible is not None or absent is not None:
        raise InputError("give either --register FILE or --possible/--absent, not both")
    from sendcalc.attendance.figures import analyse_register
    from sendcalc.readers.register import read_register
    from sendcalc.render.attendance_view import register_view

    cal = calendar.load()
    marks = read_register(register, cal)
    report = analyse_register(cal, marks)
    view = register_view(report, weeks=weeks)
    if illness:
        from sendcalc.attendance.illness_check import cross_check
        from sendcalc.readers.illness import read_illness
        from sendcalc.render.illness_view import with_illness

        view = with_illness(view, cross_check(cal, marks, read_illness(illness)))
    deliver(out, view, report.warnings, helps=(cal.name, "attendance"))
