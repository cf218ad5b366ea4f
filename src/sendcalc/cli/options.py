"""Every option more than one command shares, declared once, and the one style of command and help.

The shared options are added to a command by decorators, which extend the command's signature
(Typer reads it) and hand the command one value for the group: ``calendar`` (a
:class:`CalendarChoice`, loaded when the command needs it), ``out`` (an :class:`Output`) and
``pupil`` (a :class:`Pupil` or None). The default calendar is named here, once.
"""

from __future__ import annotations

import datetime as dt
import functools
import inspect
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from sendcalc.cli.group import Group
from sendcalc.cli.output import Output, quiet_callback

__all__ = [
    "CALENDAR_HELP",
    "DEFAULT_CALENDAR",
    "CalendarChoice",
    "CalendarOpt",
    "F",
    "LabelOpt",
    "Output",
    "OutputOpt",
    "QuietOpt",
    "calendar_options",
    "complete_calendar",
    "date_arg",
    "extend",
    "label_arg",
    "new_app",
    "one_line",
    "output_options",
    "pupil_options",
]

if TYPE_CHECKING:
    from sendcalc.calendar.engine import SchoolCalendar
    from sendcalc.core.school_age import Pupil

DEFAULT_CALENDAR = "hertfordshire"
CALENDAR_HELP = (
    "Calendar to count on: a shipped or saved name (see: sendcalc calendar list) or the path of a calendar file "
    f"(sendcalc guide calendars). Default: $SENDCALC_CALENDAR, else {DEFAULT_CALENDAR}."
)
F = TypeVar("F", bound=Callable[..., Any])


def new_app(**settings: Any) -> typer.Typer:
    """A Typer app in the one house style: plain help, -h, no completion options below the top level."""
    settings.setdefault("cls", Group)
    return typer.Typer(
        add_completion=False,
        rich_markup_mode=None,
        pretty_exceptions_enable=False,
        context_settings={"help_option_names": ["-h", "--help"]},
        **settings,
    )


def opt(*names: str, help: str, metavar: str | None = None) -> Any:
    """One option, declared on one line inside ``Annotated[...]``: its names, what it takes, its help."""
    return typer.Option(*names, metavar=metavar, help=help, show_default=False)


def date_arg(text: str, what: str) -> dt.date:
    from sendcalc.core.dates import parse_date

    return parse_date(text, what=what)


def one_line(text: str | None, what: str) -> str | None:
    """A name typed on the command line (--child, --school): one line of plain characters, or an error."""
    from sendcalc.core.safe_text import first_control

    bad = first_control(text or "")
    if bad is not None:
        from sendcalc.core.errors import InputError

        raise InputError(f"{what} holds the control character U+{ord(bad):04X}; give the name on one line")
    return text


def label_arg(text: str | None, ics: str | None) -> str | None:
    """--label: one line of text, not blank, given with --ics (None when not given)."""
    if text is None:
        return None
    from sendcalc.core.errors import InputError

    if ics is None:
        raise InputError("--label names the events of the calendar file; give --ics too")
    if not text.strip():
        raise InputError("--label is empty; give the child's name or a case reference, or leave --label out")
    return one_line(text.strip(), "--label")


def extend(
    func: Callable[..., Any],
    extra: dict[str, tuple[Any, Any]],
    build: Callable[[dict[str, Any]], Any],
    into: str,
    *,
    first: bool = False,
) -> Any:
    """``func`` with the options in ``extra`` (name -> (annotation, default)) added to its signature (before
    its own with ``first``, so help lists them first); the wrapper turns their values into one argument
    ``into`` with ``build``."""
    signature = inspect.signature(func, eval_str=True)  # so the command's own annotations are objects too
    own = [p for p in signature.parameters.values() if p.name != into]
    kind = inspect.Parameter.POSITIONAL_OR_KEYWORD if first else inspect.Parameter.KEYWORD_ONLY
    added = [
        inspect.Parameter(name, kind, annotation=annotation, default=default)
        for name, (annotation, default) in extra.items()
    ]
    params = [*added, *own] if first else [*own, *added]

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        values = {name: kwargs.pop(name) for name in extra}
        kwargs[into] = build(values)
        return func(*args, **kwargs)

    wrapper.__signature__ = signature.replace(parameters=params)  # type: ignore[attr-defined]
    annotations = {k: v for k, v in inspect.get_annotations(func, eval_str=True).items() if k != into}
    wrapper.__annotations__ = {**annotations, **{name: annotation for name, (annotation, _) in extra.items()}}
    return wrapper


# ----- the calendar ---------------------------------------------------------------------------------


def complete_calendar(incomplete: str) -> list[str]:
    """Shell completion for --calendar: the shipped and saved calendars' names."""
    from sendcalc.calendar.names import builtin_names, saved_names

    return [name for name in builtin_names() + saved_names() if name.startswith(incomplete.lower())]


@dataclass(frozen=True)
class CalendarChoice:
    """The calendar the user chose, with the school's own days off; loaded only when a command needs it."""

    spec: str | None
    inset: tuple[str, ...] = ()
    closure: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        return self.spec or DEFAULT_CALENDAR

    def load(self) -> SchoolCalendar:
        """Load the calendar and add the INSET days and closures (each must be a weekday in term)."""
        from sendcalc.calendar.files import load_calendar, parse_closure
        from sendcalc.core.errors import InputError

        calendar = load_calendar(self.name)
        extra = [parse_closure(text, "inset") for text in self.inset]
        if any(c.session for c in extra):
            raise InputError("--inset takes a whole day; use --closure DATE:am (or :pm) for one session")
        extra += [parse_closure(text, "closure") for text in self.closure]
        if not extra:
            return calendar
        try:
            return calendar.with_closures(extra)
        except InputError as exc:
            raise exc.within("--inset/--closure") from None


CalendarOpt = Annotated[
    str | None,
    typer.Option(
        "--calendar",
        "-c",
        metavar="NAME|FILE",
        envvar="SENDCALC_CALENDAR",
        help=CALENDAR_HELP,
        show_default=False,
        autocompletion=complete_calendar,
    ),
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


def calendar_options(func: F) -> F:
    """Add --calendar, --inset and --closure; the command receives ``calendar: CalendarChoice``."""
    extra = {"calendar_name": (CalendarOpt, None), "inset": (InsetOpt, None), "closure": (ClosureOpt, None)}
    return extend(  # type: ignore[no-any-return]
        func,
        extra,
        lambda v: CalendarChoice(v["calendar_name"], tuple(v["inset"] or ()), tuple(v["closure"] or ())),
        "calendar",
    )


# ----- output --------------------------------------------------------------------------------------


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


FormatOpt = Annotated[
    Format, typer.Option("--format", "-f", metavar="table|json|csv", help="table for people, json or csv for scripts.")
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Shorthand for --format json.")]
ExplainOpt = Annotated[
    bool, typer.Option("--explain", help="Print the working: each step, the rule it applies and its legal source.")
]
IcsOpt = Annotated[
    str | None,
    typer.Option("--ics", metavar="FILE", help="Also write the dates as all-day events to FILE (.ics, for a phone)."),
]
LABEL_HELP = (
    "The child's name or a case reference, put in each calendar event's title and identity (so two children's "
    "dates never overwrite each other)."
)
LabelOpt = Annotated[str | None, typer.Option("--label", metavar="TEXT", help=LABEL_HELP, show_default=False)]
OutputOpt = Annotated[
    str | None, typer.Option("--output", "-o", metavar="FILE", help="Write the result to FILE, not to stdout.")
]
QuietOpt = Annotated[
    bool,
    typer.Option(
        "--quiet", "-q", callback=quiet_callback, expose_value=True, help="No warnings or notes; errors still shown."
    ),
]


def output_options(*, explain: bool = True, ics: bool = True) -> Callable[[F], F]:
    """Add --format/--json/-o (and --explain, --ics); the command receives ``out: Output``."""

    def decorate(func: F) -> F:
        extra: dict[str, tuple[Any, Any]] = {"fmt": (FormatOpt, Format.table), "as_json": (JsonOpt, False)}
        if explain:
            extra["explain"] = (ExplainOpt, False)
        if ics:
            extra["ics"] = (IcsOpt, None)
            extra["label"] = (LabelOpt, None)
        extra["output"] = (OutputOpt, None)
        extra["quiet"] = (QuietOpt, False)

        def build(v: dict[str, Any]) -> Output:
            fmt = "json" if v["as_json"] else v["fmt"].value
            label = label_arg(v.get("label"), v.get("ics"))
            return Output(fmt, v.get("explain", False), v["output"], v.get("ics"), label)

        return extend(func, extra, build, "out")  # type: ignore[no-any-return]

    return decorate


# ----- the child ------------------------------------------------------------------------------------

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


def pupil_options(*, exceptions: bool = True) -> Callable[[F], F]:
    """Add --year-group and --dob (and the two exceptions to day 6); the command receives ``pupil``."""

    def decorate(func: F) -> F:
        extra: dict[str, tuple[Any, Any]] = {"year_group": (YearGroupOpt, None), "dob": (DobOpt, None)}
        if exceptions:
            extra |= {"exams_finished": (ExamsFinishedOpt, False), "plan_fewer_hours": (PlanHoursOpt, False)}

        def build(v: dict[str, Any]) -> Pupil | None:
            from sendcalc.core.school_age import Pupil, parse_year_group

            if not any(v.values()):
                return None
            return Pupil(
                year_group=parse_year_group(v["year_group"]) if v["year_group"] else None,
                dob=date_arg(v["dob"], "--dob") if v["dob"] else None,
                exams_finished=v.get("exams_finished", False),
                plan_fewer_hours=v.get("plan_fewer_hours", False),
            )

        return extend(func, extra, build, "pupil")  # type: ignore[no-any-return]

    return decorate
