"""`sendcalc permanent`: the dates that follow a permanent exclusion."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sendcalc.cli.exclusion_cmd import GridOpt, StartChoice, start_options
from sendcalc.cli.options import CalendarChoice, Output, calendar_options, new_app, output_options, pupil_options
from sendcalc.core.school_age import Pupil

if TYPE_CHECKING:
    from sendcalc.calendar.engine import SchoolCalendar
    from sendcalc.exclusions.permanent import PermanentResult

app = new_app()


@app.command("permanent")
@start_options
@calendar_options
@pupil_options()
@output_options()
def permanent(
    grid: GridOpt = True,
    *,
    start: StartChoice,
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
    from sendcalc.cli.output import deliver
    from sendcalc.render.permanent_view import permanent_view

    cal = calendar.load()
    result = assess(cal, start, pupil)
    deliver(out, permanent_view(result, cal, grid=grid), result.warnings, helps=(cal.name, "exclusion"))


def assess(cal: SchoolCalendar, start: StartChoice, pupil: Pupil | None) -> PermanentResult:
    """The permanent exclusion the options describe (`permanent` and `letter representations --permanent`)."""
    import datetime as dt

    from sendcalc.exclusions.permanent import assess_permanent

    return assess_permanent(
        cal,
        start.on,
        picked_up=start.picked_up,
        not_collected=start.not_collected,
        notice_date=start.notice_date,
        pupil=pupil,
        today=dt.date.today(),
    )
