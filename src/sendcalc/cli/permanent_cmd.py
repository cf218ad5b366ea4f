"""`sendcalc permanent`: the dates that follow a permanent exclusion."""

from __future__ import annotations

import typer

from sendcalc.cli.exclusion_cmd import GridOpt, NotCollectedOpt, NoticeOpt, OnOpt, PickedUpOpt
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

app = typer.Typer(add_completion=False, rich_markup_mode=None, context_settings={"help_option_names": ["-h", "--help"]})


@app.command("permanent")
def permanent(
    picked_up: PickedUpOpt = None,
    not_collected: NotCollectedOpt = False,
    on: OnOpt = "today",
    notice_date: NoticeOpt = None,
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
    """A permanent exclusion: days 1-5, the local authority's provision from day 6, the board's 15-day deadline.

    Example: sendcalc permanent --picked-up 11:00 --on 2025-11-18
    """
    import datetime as dt

    from sendcalc.cli.deliver import deliver
    from sendcalc.core.dates import parse_time
    from sendcalc.exclusions.permanent import assess_permanent
    from sendcalc.render import exclusion as view

    cal = build_calendar(calendar, inset, closure)
    result = assess_permanent(
        cal,
        date_arg(on, "--on"),
        picked_up=parse_time(picked_up, what="--picked-up") if picked_up is not None else None,
        not_collected=not_collected,
        notice_date=date_arg(notice_date, "--notice-date") if notice_date else None,
        pupil=pupil_from(year_group, dob, exams_finished, plan_fewer_hours),
        today=dt.date.today(),
    )
    deliver(
        fmt=output_format(fmt, as_json),
        explain=explain,
        ics=ics,
        ics_name="Permanent exclusion dates (sendcalc)",
        warnings=result.warnings,
        steps=result.steps,
        as_json=lambda: view.permanent_json(result),
        as_csv=lambda: view.events_csv(view.permanent_events(result)),
        as_table=lambda: view.print_permanent(result, cal, grid=grid),
        events=lambda: view.permanent_events(result),
    )
