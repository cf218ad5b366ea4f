"""`sendcalc exclusion` (also `suspension`, `fixed-term`): every date and duty that follows a suspension."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any

import typer

from sendcalc.cli.options import (
    CalendarChoice,
    F,
    Output,
    calendar_options,
    date_arg,
    extend,
    new_app,
    output_options,
    pupil_options,
)
from sendcalc.core.school_age import Pupil

if TYPE_CHECKING:
    from sendcalc.calendar.engine import SchoolCalendar
    from sendcalc.exclusions.history import HistoryRow
    from sendcalc.exclusions.suspension import SuspensionResult

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
PruOpt = Annotated[
    bool,
    typer.Option("--pru", help="The child attends a pupil referral unit: the local authority provides from day 6."),
]


@dataclass(frozen=True)
class StartChoice:
    """When and how the exclusion started, and when the governing board had notice of it, as typed."""

    on: dt.date
    picked_up: dt.time | None
    not_collected: bool
    notice_date: dt.date | None


def start_options(func: F) -> F:
    """Add --picked-up, --not-collected, --on and --notice-date; the command receives ``start: StartChoice``."""

    def build(v: dict[str, Any]) -> StartChoice:
        from sendcalc.core.dates import parse_time

        return StartChoice(
            on=date_arg(v["on"], "--on"),
            picked_up=parse_time(v["picked_up"], what="--picked-up") if v["picked_up"] is not None else None,
            not_collected=v["not_collected"],
            notice_date=date_arg(v["notice_date"], "--notice-date") if v["notice_date"] else None,
        )

    extra = {
        "picked_up": (PickedUpOpt, None),
        "not_collected": (NotCollectedOpt, False),
        "on": (OnOpt, "today"),
        "notice_date": (NoticeOpt, None),
    }
    return extend(func, extra, build, "start", first=True)  # type: ignore[no-any-return]


app = new_app()


@app.command("exclusion")
@start_options
@calendar_options
@pupil_options()
@output_options()
def exclusion(
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
            help="Earlier suspensions (CSV or TOML with date, time, days): see sendcalc guide exclusions.",
            show_default=False,
        ),
    ] = None,
    exam: Annotated[
        bool, typer.Option("--exam", help="The child would miss a public exam or National Curriculum test.")
    ] = False,
    pru: PruOpt = False,
    grid: GridOpt = True,
    *,
    start: StartChoice,
    calendar: CalendarChoice,
    pupil: Pupil | None,
    out: Output,
) -> None:
    """Every date and duty after a suspension (fixed-term exclusion): return, days 1-5, day 6, totals, board.

    Examples:

    \b
      sendcalc exclusion --picked-up 11:00 --on 2025-11-18 --days 1
      sendcalc exclusion --picked-up 12:15 --on 2025-11-18 --days lunchtime
      sendcalc exclusion --on 2025-11-18 --days 8 --year-group 12
    """
    from sendcalc.cli.output import deliver
    from sendcalc.render.suspension_view import suspension_view

    cal = calendar.load()
    result = assess(cal, start, days, previous=previous, history=history, exam=exam, pru=pru, pupil=pupil)
    deliver(out, suspension_view(result, cal, grid=grid), result.warnings, helps=(cal.name, "exclusion"))


def assess(
    cal: SchoolCalendar,
    start: StartChoice,
    days: str,
    *,
    previous: str | None,
    history: str | None,
    exam: bool,
    pru: bool,
    pupil: Pupil | None,
) -> SuspensionResult:
    """The suspension the options describe (`exclusion` and `letter representations` alike)."""
    from sendcalc.core.errors import InputError
    from sendcalc.core.units import is_lunchtime, parse_days
    from sendcalc.exclusions.suspension import assess_suspension

    if previous is not None and history:
        raise InputError("give --previous or --history, not both (the history file already holds the earlier days)")
    earlier: tuple[HistoryRow, ...] = ()
    if history:
        from sendcalc.readers.history import read_history

        earlier = read_history(history)
    lunchtime = is_lunchtime(days)
    return assess_suspension(
        cal,
        start.on,
        1 if lunchtime else parse_days(days, what="--days"),
        picked_up=start.picked_up,
        not_collected=start.not_collected,
        notice_date=start.notice_date,
        previous_halves=parse_days(previous, what="--previous", allow_zero=True) if previous else 0,
        history=earlier,
        exam=exam,
        pru=pru,
        lunchtime=lunchtime,
        pupil=pupil,
        today=dt.date.today(),
    )
