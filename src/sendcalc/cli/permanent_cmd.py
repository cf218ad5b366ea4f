"""`sendcalc permanent`: the dates that follow a permanent exclusion."""

from __future__ import annotations

from sendcalc.cli.exclusion_cmd import GridOpt, NotCollectedOpt, NoticeOpt, OnOpt, PickedUpOpt
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

app = new_app()


@app.command("permanent")
@calendar_options
@pupil_options()
@output_options()
def permanent(
    picked_up: PickedUpOpt = None,
    not_collected: NotCollectedOpt = False,
    on: OnOpt = "today",
    notice_date: NoticeOpt = None,
    grid: GridOpt = True,
    *,
    calendar: CalendarChoice,
    pupil: Pupil | None,
    out: Output,
) -> None:
    """A permanent exclusion: days 1-5, the local authority's provision from day 6, the board's 15-day deadline.

    Examples:

    \b
      sendcalc permanent --picked-up 11:00 --on 2025-11-18
      sendcalc permanent --on 2025-11-18 --dob 2009-07-01 --json
    """
    import datetime as dt

    from sendcalc.cli.output import deliver
    from sendcalc.core.dates import parse_time
    from sendcalc.exclusions.explain import permanent_steps
    from sendcalc.exclusions.permanent import assess_permanent
    from sendcalc.render import permanent_view as view
    from sendcalc.render.exclusion_parts import events_csv

    cal = calendar.load()
    result = assess_permanent(
        cal,
        date_arg(on, "--on"),
        picked_up=parse_time(picked_up, what="--picked-up") if picked_up is not None else None,
        not_collected=not_collected,
        notice_date=date_arg(notice_date, "--notice-date") if notice_date else None,
        pupil=pupil,
        today=dt.date.today(),
    )
    deliver(
        out,
        text=lambda: view.permanent_text(result, cal, grid=grid, colour=out.colour),
        as_json=lambda: view.permanent_json(result, cal),
        as_csv=lambda: events_csv(view.permanent_events(result)),
        steps=lambda: permanent_steps(cal, result),
        events=lambda: view.permanent_events(result),
        ics_name="Permanent exclusion dates (sendcalc)",
        warnings=result.warnings,
    )
