"""`sendcalc part-time`: sessions lost on a part-time (reduced) timetable, and how it keeps to the guidance.

The timetable's options are declared once here (:func:`timetable_options`); `letter part-time` takes them too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any

import typer

from sendcalc.cli.options import CalendarChoice, F, Output, calendar_options, date_arg, extend, new_app, output_options

if TYPE_CHECKING:
    from sendcalc.attendance.part_time import PartTimeResult
    from sendcalc.attendance.part_time_checks import Check
    from sendcalc.calendar.engine import SchoolCalendar

app = new_app()


@dataclass(frozen=True)
class Timetable:
    """The timetable as typed: its dates and sessions, a phased plan, and what the parent knows of how it was set."""

    start: str
    attends: str
    end: str | None
    as_of: str | None
    steps: tuple[str, ...]
    agreed: bool | None
    reviews: tuple[str, ...]
    la_notified: bool | None
    reason: str

    def assess(self, calendar: SchoolCalendar) -> tuple[PartTimeResult, tuple[Check, ...]]:
        """The sessions lost, and the checks against the guidance when anything about agreement etc. was given."""
        from sendcalc.attendance.part_time import parse_attends, part_time
        from sendcalc.attendance.part_time_checks import Terms, check_timetable
        from sendcalc.core.errors import InputError

        try:
            slots = parse_attends(self.attends)
        except InputError as exc:
            raise exc.within("--attends") from None
        plan = []
        for text in self.steps:
            day, colon, sessions = text.partition(":")
            if not colon:
                raise InputError(f"--step {text!r}: write DATE:SESSIONS, e.g. 2025-11-17:mon,tue,wed-am")
            try:
                plan.append((date_arg(day, "--step"), parse_attends(sessions)))
            except InputError as exc:
                raise exc.within("--step") from None
        result = part_time(
            calendar,
            date_arg(self.start, "--from"),
            slots,
            end=date_arg(self.end, "--to") if self.end else None,
            as_of=date_arg(self.as_of, "--as-of") if self.as_of else None,
            steps=tuple(plan),
        )
        asked = self.agreed is not None or bool(self.reviews) or self.la_notified is not None or bool(self.reason)
        if not asked:
            return result, ()
        reviews = tuple(date_arg(d, "--review") for d in self.reviews)
        return result, check_timetable(calendar, result, Terms(self.agreed, reviews, self.la_notified, self.reason))


_OPTIONS: dict[str, tuple[Any, Any]] = {
    "from_": (
        Annotated[str, typer.Option("--from", metavar="DATE", help="First day of the part-time timetable.")],
        ...,
    ),
    "attends": (
        Annotated[
            str,
            typer.Option(
                "--attends",
                metavar="SESSIONS",
                help="Sessions the child attends each week: mon-am,tue-am,wed (a bare day is the whole day), or none.",
            ),
        ],
        ...,
    ),
    "as_of": (
        Annotated[
            str | None,
            typer.Option("--as-of", metavar="DATE", help="Count 'so far' up to this date (default: today)."),
        ],
        None,
    ),
    "step": (
        Annotated[
            list[str] | None,
            typer.Option(
                "--step",
                metavar="DATE:SESSIONS",
                help="A phased plan: from DATE the child attends SESSIONS (2025-11-17:mon,tue,wed-am); repeat it.",
            ),
        ],
        None,
    ),
    "agreed": (
        Annotated[
            bool | None, typer.Option("--agreed/--not-agreed", help="Whether the parents agreed to the timetable.")
        ],
        None,
    ),
    "review": (
        Annotated[
            list[str] | None, typer.Option("--review", metavar="DATE", help="A date it was reviewed; repeat it.")
        ],
        None,
    ),
    "la_notified": (
        Annotated[
            bool | None,
            typer.Option("--la-notified/--la-not-notified", help="Whether the school told the local authority."),
        ],
        None,
    ),
    "reason": (Annotated[str, typer.Option("--reason", metavar="TEXT", help="The reason the school gave.")], ""),
}


def timetable_options(end: str = "--to") -> Callable[[F], F]:
    """Add the timetable's options (its end date as ``end``: `letter` keeps --to for the addressee); the command
    receives ``timetable: Timetable``."""
    help_end = "End date of the timetable, if the school gave one."
    end_option = (Annotated[str | None, typer.Option(end, metavar="DATE", help=help_end)], None)
    options = {**dict(list(_OPTIONS.items())[:2]), "until": end_option, **dict(list(_OPTIONS.items())[2:])}

    def build(v: dict[str, Any]) -> Timetable:
        return Timetable(
            v["from_"], v["attends"], v["until"], v["as_of"], tuple(v["step"] or ()), v["agreed"],
            tuple(v["review"] or ()), v["la_notified"], v["reason"],
        )  # fmt: skip

    def decorate(func: F) -> F:
        return extend(func, options, build, "timetable", first=True)  # type: ignore[no-any-return]

    return decorate


@app.command("part-time")
@calendar_options
@output_options(ics=False)
@timetable_options()
def part_time(*, timetable: Timetable, calendar: CalendarChoice, out: Output) -> None:
    """Sessions missed each week and in total on a part-time timetable, and a flag if it has no end date; with
    --agreed/--not-agreed, --review, --la-notified/--la-not-notified or --reason, checks against the DfE guidance.

    The missed sessions are authorised absence (code C2), but they still count against attendance.

    Examples:

    \b
      sendcalc part-time --from 3/11/2025 --attends mon-am,tue-am,wed
      sendcalc part-time --from 3/11/2025 --to 2025-12-19 --attends mon,tue --json
      sendcalc part-time --from 3/11/2025 --attends mon-am,tue-am --step 17/11/2025:mon,tue,wed-am
        --not-agreed --review 10/11/2025 --la-not-notified
    """
    from sendcalc.cli.output import deliver
    from sendcalc.render.part_time_view import part_time_view

    cal = calendar.load()
    result, checks = timetable.assess(cal)
    deliver(out, part_time_view(result, checks), result.warnings, helps=(cal.name, "attendance"))
