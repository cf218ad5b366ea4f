"""`sendcalc days ...`: school-day arithmetic for advisers, with the counted ends printed."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from sendcalc.cli.options import CalendarChoice, Output, calendar_options, date_arg, new_app, output_options

if TYPE_CHECKING:
    from sendcalc.calendar.counting import Span

app = new_app(
    help="Count school days: add N school days to a date, count or list the school days between two dates.",
    no_args_is_help=True,
)
FirstArg = Annotated[str, typer.Argument(metavar="FIRST", help="First date.")]
LastArg = Annotated[str, typer.Argument(metavar="LAST", help="Last date.")]
ExcludeFirstOpt = Annotated[bool, typer.Option("--exclude-first", help="Do not count the first date.")]
ExcludeLastOpt = Annotated[bool, typer.Option("--exclude-last", help="Do not count the last date.")]


@app.command("add")
@calendar_options
@output_options(explain=False, ics=False)
def add(
    date: Annotated[
        str,
        typer.Argument(metavar="DATE", help="Start date (day 0): 2025-12-18, 18/12/2025, '18 Dec 2025', today."),
    ],
    n: Annotated[str, typer.Argument(metavar="N", help="How many school days after the start date (0 or more).")],
    *,
    calendar: CalendarChoice,
    out: Output,
) -> None:
    """The date N school days after DATE. DATE itself is day 0; day 1 is the next school day.

    Examples:

    \b
      sendcalc days add 18/12/2025 3 --calendar hertfordshire
    """
    from sendcalc.calendar.counting import add_school_days
    from sendcalc.cli.output import warn, write
    from sendcalc.core.units import parse_count
    from sendcalc.render.days import render_offset

    result = add_school_days(calendar.load(), date_arg(date, "DATE"), parse_count(n, what="N"))
    warn(result.warnings)
    write(render_offset(result, out.fmt), out.path)


@app.command("between")
@calendar_options
@output_options(explain=False, ics=False)
def between(
    first: FirstArg,
    last: LastArg,
    exclude_first: ExcludeFirstOpt = False,
    exclude_last: ExcludeLastOpt = False,
    *,
    calendar: CalendarChoice,
    out: Output,
) -> None:
    """How many school days from FIRST to LAST. Both ends count unless you exclude them.

    Examples:

    \b
      sendcalc days between 2025-12-01 2026-01-09
    """
    from sendcalc.cli.output import write
    from sendcalc.render.days import render_span

    span = _span(first, last, exclude_first, exclude_last, calendar)
    write(render_span(span, out.fmt, listing=False), out.path)


@app.command("list")
@calendar_options
@output_options(explain=False, ics=False)
def list_(
    first: FirstArg,
    last: LastArg,
    exclude_first: ExcludeFirstOpt = False,
    exclude_last: ExcludeLastOpt = False,
    *,
    calendar: CalendarChoice,
    out: Output,
) -> None:
    """Every school day from FIRST to LAST, numbered, with the days skipped and why.

    Examples:

    \b
      sendcalc days list 2025-12-15 2026-01-09 --inset 2026-01-05
    """
    from sendcalc.cli.output import write
    from sendcalc.render.days import render_span

    span = _span(first, last, exclude_first, exclude_last, calendar)
    write(render_span(span, out.fmt, listing=True), out.path)


def _span(first: str, last: str, exclude_first: bool, exclude_last: bool, calendar: CalendarChoice) -> Span:
    from sendcalc.calendar.counting import school_days_between
    from sendcalc.cli.output import warn

    ends = {(False, False): "both", (True, False): "end", (False, True): "start", (True, True): "neither"}
    span = school_days_between(
        calendar.load(),
        date_arg(first, "FIRST"),
        date_arg(last, "LAST"),
        ends[(exclude_first, exclude_last)],  # type: ignore[arg-type]
    )
    warn(span.warnings)
    return span
