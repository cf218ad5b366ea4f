"""`sendcalc exclusion` (also `suspension`, `fixed-term`): every date and duty that follows a suspension."""

from __future__ import annotations

from typing import Annotated

import typer

from sendcalc.cli.options import (
    CalendarOpt,
    ClosureOpt,
    DobOpt,
    ExamsFinishedOpt,
    ExplainOpt,
    Format,
    FormatOpt,
    IcsOpt,
    InsetOpt,
    JsonOpt,
    PlanHoursOpt,
    YearGroupOpt,
    build_calendar,
    date_arg,
    output_format,
    pupil_from,
)

PickedUpOpt = Annotated[
    str | None,
    typer.Option(
        "--picked-up",
        metavar="HH:MM",
        help="When the parent collected the child (11:00, 2:30pm). Before the day starts counts from the start; "
        "at or after the end of the day is the same as --not-collected.",
        show_default=False,
    ),
]
NotCollectedOpt = Annotated[
    bool,
    typer.Option(
        "--not-collected",
        help="The child stayed until the end of the day: the exclusion starts at the start of the next school day.",
    ),
]
OnOpt = Annotated[
    str,
    typer.Option(
        "--on",
        metavar="DATE",
        help="The school day of the collection (or, with no collection time, the first day of the exclusion): "
        "2025-11-18, 18/11/2025, '18 Nov 2025', today, tue.",
    ),
]
NoticeOpt = Annotated[
    str | None,
    typer.Option(
        "--notice-date",
        metavar="DATE",
        help="When the governing board received notice (default: the day the exclusion starts).",
        show_default=False,
    ),
]
GridOpt = Annotated[bool, typer.Option("--grid/--no-grid", help="Show the month view in the table output.")]


app = typer.Typer(add_completion=False, rich_markup_mode=None, context_settings={"help_option_names": ["-h", "--help"]})


@app.command("exclusion")
def exclusion(
    picked_up: PickedUpOpt = None,
    not_collected: NotCollectedOpt = False,
    on: OnOpt = "today",
    days: Annotated[
        str,
        typer.Option(
            "--days",
            "-d",
            metavar="N",
            help="Length in school days, in half-day steps (1, 2.5, 0.5; a half day is one session), or 'lunchtime' "
            "for a lunchtime suspension: out over the midday break, back for the afternoon, 0.5 in the totals.",
        ),
    ] = "1",
    notice_date: NoticeOpt = None,
    previous: Annotated[
        str | None,
        typer.Option(
            "--previous",
            metavar="N",
            help="Days of suspension the child already had this term (no dates; use --history for back-to-back runs).",
            show_default=False,
        ),
    ] = None,
    history: Annotated[
        str | None,
        typer.Option(
            "--history",
            metavar="FILE",
            help="Earlier suspensions (CSV or TOML with date, time, days): see: sendcalc guide exclusions.",
            show_default=False,
        ),
    ] = None,
    exam: Annotated[
        bool, typer.Option("--exam", help="The child would miss a public exam or National Curriculum test.")
    ] = False,
    pru: Annotated[
        bool,
        typer.Option("--pru", help="The child attends a pupil referral unit: the local authority provides from day 6."),
    ] = False,
    year_group: YearGroupOpt = None,
    dob: DobOpt = None,
    exams_finished: ExamsFinishedOpt = False,
    plan_fewer_hours: PlanHoursOpt = False,
    grid: GridOpt = True,
    calendar: CalendarOpt = "hertfordshire",
    inset: InsetOpt = None,
    closure: ClosureOpt = None,
    fmt: FormatOpt = Format.table,
    as_json: JsonOpt = False,
    explain: ExplainOpt = False,
    ics: IcsOpt = None,
) -> None:
    """Every date and duty after a suspension (fixed-term exclusion): return, days 1-5, day 6, totals, board.

    Examples:

    \b
      sendcalc exclusion --picked-up 11:00 --on 2025-11-18 --days 1
      sendcalc exclusion --picked-up 12:15 --on 2025-11-18 --days lunchtime
      sendcalc exclusion --on 2025-11-18 --days 8 --year-group 12
    """
    import datetime as dt

    from sendcalc.cli.deliver import deliver
    from sendcalc.core.dates import parse_time
    from sendcalc.core.errors import InputError
    from sendcalc.core.units import is_lunchtime, parse_days
    from sendcalc.exclusions.history import HistoryRow, read_history
    from sendcalc.exclusions.suspension import assess_suspension
    from sendcalc.render import exclusion as view

    if previous is not None and history:
        raise InputError("give --previous or --history, not both (the history file already holds the earlier days)")
    lunchtime = is_lunchtime(days)
    halves = 1 if lunchtime else parse_days(days, what="--days")
    collected = parse_time(picked_up, what="--picked-up") if picked_up is not None else None
    previous_halves = parse_days(previous, what="--previous", allow_zero=True) if previous else 0
    cal = build_calendar(calendar, inset, closure)
    rows: tuple[HistoryRow, ...] = read_history(history) if history else ()
    result = assess_suspension(
        cal,
        date_arg(on, "--on"),
        halves,
        picked_up=collected,
        not_collected=not_collected,
        notice_date=date_arg(notice_date, "--notice-date") if notice_date else None,
        previous_halves=previous_halves,
        history=rows,
        exam=exam,
        pru=pru,
        lunchtime=lunchtime,
        pupil=pupil_from(year_group, dob, exams_finished, plan_fewer_hours),
        today=dt.date.today(),
    )
    deliver(
        fmt=output_format(fmt, as_json),
        explain=explain,
        ics=ics,
        ics_name="Suspension dates (sendcalc)",
        warnings=result.warnings,
        steps=result.steps,
        as_json=lambda: view.suspension_json(result),
        as_csv=lambda: view.events_csv(view.suspension_events(result)),
        as_table=lambda: view.print_suspension(result, cal, grid=grid),
        events=lambda: view.suspension_events(result),
    )
