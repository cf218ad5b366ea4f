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
    step: Annotated[
        list[str] | None,
        typer.Option(
            "--step",
            metavar="DATE:SESSIONS",
            help="A phased plan: from DATE the child attends SESSIONS (2025-11-17:mon,tue,wed-am); repeat for each.",
        ),
    ] = None,
    agreed: Annotated[
        bool | None, typer.Option("--agreed/--not-agreed", help="Whether the parents agreed to the timetable.")
    ] = None,
    review: Annotated[
        list[str] | None, typer.Option("--review", metavar="DATE", help="A date it was reviewed; repeat for each.")
    ] = None,
    la_notified: Annotated[
        bool | None,
        typer.Option("--la-notified/--la-not-notified", help="Whether the school told the local authority."),
    ] = None,
    reason: Annotated[str, typer.Option("--reason", metavar="TEXT", help="The reason the school gave.")] = "",
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
      sendcalc part-time --from 3/11/2025 --attends mon-am,tue-am --step 17/11/2025:mon,tue,wed-am
        --not-agreed --review 10/11/2025 --la-not-notified
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
    plan = []
    for text in step or ():
        day, colon, sessions = text.partition(":")
        if not colon:
            raise InputError(f"--step {text!r}: write DATE:SESSIONS, e.g. 2025-11-17:mon,tue,wed-am")
        try:
            plan.append((date_arg(day, "--step"), parse_attends(sessions)))
        except InputError as exc:
            raise exc.within("--step") from None
    cal = calendar.load()
    result = timetable(
        cal,
        date_arg(from_, "--from"),
        slots,
        end=date_arg(to, "--to") if to else None,
        as_of=date_arg(as_of, "--as-of") if as_of else None,
        steps=tuple(plan),
    )
    from sendcalc.attendance.part_time_checks import Terms, check_timetable

    reviews = tuple(date_arg(d, "--review") for d in review or ())
    asked = agreed is not None or bool(review) or la_notified is not None or bool(reason)
    checks = check_timetable(cal, result, Terms(agreed, reviews, la_notified, reason)) if asked else ()
    deliver(out, part_time_view(result, checks), result.warnings)
