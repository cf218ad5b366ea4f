"""Options every command shares (calendar, extra days off, output format) and how they are applied."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from sendcalc.calendar.model import SchoolCalendar
    from sendcalc.core.school_age import Pupil

CALENDAR_HELP = (
    "Calendar to count on: a shipped name (hertfordshire, derbyshire) or the path of a calendar file "
    "(sendcalc guide calendars). Default: $SENDCALC_CALENDAR, else hertfordshire."
)
CalendarOpt = Annotated[
    str, typer.Option("--calendar", "-c", envvar="SENDCALC_CALENDAR", help=CALENDAR_HELP, show_default=False)
]
InsetOpt = Annotated[
    list[str] | None,
    typer.Option("--inset", metavar="DATE", help="An INSET (training) day of the school; repeat for each one."),
]
ClosureOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--closure",
        metavar="DATE[:am|pm]",
        help="A day (or one session, with :am or :pm) the school was closed to pupils; repeat for each.",
    ),
]


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


FormatOpt = Annotated[
    Format,
    typer.Option("--format", "-f", help="table for people, json or csv for scripts.", show_default=True),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Shorthand for --format json.")]


def output_format(fmt: Format, as_json: bool) -> str:
    return "json" if as_json else fmt.value


def build_calendar(name: str | None, inset: list[str] | None, closure: list[str] | None) -> SchoolCalendar:
    """Load the calendar and apply --inset/--closure (each must be a weekday in term)."""
    from sendcalc.calendar.files import load_calendar, parse_closure
    from sendcalc.core.errors import InputError

    calendar = load_calendar(name or "hertfordshire")
    extra = [parse_closure(text, "inset") for text in inset or []]
    if any(c.session for c in extra):
        raise InputError("--inset takes a whole day; use --closure DATE:am (or :pm) for one session")
    extra += [parse_closure(text, "closure") for text in closure or []]
    if not extra:
        return calendar
    try:
        return calendar.with_closures(extra)
    except InputError as exc:
        raise InputError(f"--inset/--closure: {exc}") from None


def date_arg(text: str, what: str) -> dt.date:
    from sendcalc.core.dates import parse_date

    return parse_date(text, what=what)


def warn(messages: list[str] | tuple[str, ...]) -> None:
    """Warnings go to stderr so stdout stays clean for scripts."""
    for message in messages:
        typer.echo(f"sendcalc: warning: {message}", err=True)


ExplainOpt = Annotated[
    bool,
    typer.Option("--explain", help="Print the working: each step, the rule it applies and its legal source."),
]
IcsOpt = Annotated[
    str | None,
    typer.Option("--ics", metavar="FILE", help="Also write the dates as all-day events to FILE (.ics, for a phone)."),
]
YearGroupOpt = Annotated[
    str | None,
    typer.Option(
        "--year-group",
        metavar="YEAR",
        help="The child's year group (R, 1 ... 13): the parent's duty and day 6 apply only at compulsory school age.",
        show_default=False,
    ),
]
DobOpt = Annotated[
    str | None,
    typer.Option(
        "--dob",
        metavar="DATE",
        help="The child's date of birth: decides compulsory school age exactly (better than --year-group).",
        show_default=False,
    ),
]
ExamsFinishedOpt = Annotated[
    bool,
    typer.Option(
        "--exams-finished",
        help="A Year 11 pupil who has taken (or missed) all their public exams: no day-6 duty (SI 2007/1870 reg 5).",
    ),
]
PlanHoursOpt = Annotated[
    bool,
    typer.Option(
        "--plan-fewer-hours",
        help="The child's EHC plan names fewer hours of education a week than usual, and the council provides "
        "them: no day-6 duty (SI 2007/1870 reg 5).",
    ),
]


def pupil_from(
    year_group: str | None, dob: str | None, exams_finished: bool = False, plan_fewer_hours: bool = False
) -> Pupil | None:
    """The --year-group/--dob/--exams-finished/--plan-fewer-hours options as a Pupil (None if none given)."""
    from sendcalc.core.school_age import Pupil, parse_year_group

    if not (year_group or dob or exams_finished or plan_fewer_hours):
        return None
    return Pupil(
        year_group=parse_year_group(year_group) if year_group else None,
        dob=date_arg(dob, "--dob") if dob else None,
        exams_finished=exams_finished,
        plan_fewer_hours=plan_fewer_hours,
    )
