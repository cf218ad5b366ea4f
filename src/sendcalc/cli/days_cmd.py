"""`sendcalc days ...`: school-day arithmetic for advisers, with the counted ends printed."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from sendcalc.cli.options import (
    CalendarOpt,
    ClosureOpt,
    Format,
    FormatOpt,
    InsetOpt,
    JsonOpt,
    build_calendar,
    date_arg,
    output_format,
    warn,
)

if TYPE_CHECKING:
    from sendcalc.calendar.counting import Span
    from sendcalc.calendar.model import Inclusive

app = typer.Typer(
    help="Count school days: add N school days to a date, count or list the school days between two dates.",
    no_args_is_help=True,
)


@app.command("add")
def add(
    date: Annotated[
        str,
        typer.Argument(metavar="DATE", help="Start date (day 0): 2025-12-18, 18/12/2025, '18 Dec 2025', today."),
    ],
    n: Annotated[
        int, typer.Argument(metavar="N", help="How many school days after the start date (0 or more).", min=0)
    ],
    calendar: CalendarOpt = "hertfordshire",
    inset: InsetOpt = None,
    closure: ClosureOpt = None,
    fmt: FormatOpt = Format.table,
    as_json: JsonOpt = False,
) -> None:
    """The date N school days after DATE. DATE itself is day 0; day 1 is the next school day.

    Example: sendcalc days add 18/12/2025 3 --calendar hertfordshire
    """
    from sendcalc.calendar.counting import add_school_days
    from sendcalc.render.days import render_offset

    cal = build_calendar(calendar, inset, closure)
    result = add_school_days(cal, date_arg(date, "DATE"), n)
    warn(result.warnings)
    typer.echo(render_offset(result, output_format(fmt, as_json)), nl=False)


@app.command("between")
def between(
    first: Annotated[str, typer.Argument(metavar="FIRST", help="First date.")],
    last: Annotated[str, typer.Argument(metavar="LAST", help="Last date.")],
    exclude_first: Annotated[bool, typer.Option("--exclude-first", help="Do not count the first date.")] = False,
    exclude_last: Annotated[bool, typer.Option("--exclude-last", help="Do not count the last date.")] = False,
    calendar: CalendarOpt = "hertfordshire",
    inset: InsetOpt = None,
    closure: ClosureOpt = None,
    fmt: FormatOpt = Format.table,
    as_json: JsonOpt = False,
) -> None:
    """How many school days from FIRST to LAST. Both ends count unless you exclude them.

    Example: sendcalc days between 2025-12-01 2026-01-09
    """
    from sendcalc.render.days import render_span

    span = _span(first, last, exclude_first, exclude_last, calendar, inset, closure)
    typer.echo(render_span(span, output_format(fmt, as_json), listing=False), nl=False)


@app.command("list")
def list_(
    first: Annotated[str, typer.Argument(metavar="FIRST", help="First date.")],
    last: Annotated[str, typer.Argument(metavar="LAST", help="Last date.")],
    exclude_first: Annotated[bool, typer.Option("--exclude-first", help="Do not count the first date.")] = False,
    exclude_last: Annotated[bool, typer.Option("--exclude-last", help="Do not count the last date.")] = False,
    calendar: CalendarOpt = "hertfordshire",
    inset: InsetOpt = None,
    closure: ClosureOpt = None,
    fmt: FormatOpt = Format.table,
    as_json: JsonOpt = False,
) -> None:
    """Every school day from FIRST to LAST, numbered, with the days skipped and why.

    Example: sendcalc days list 2025-12-15 2026-01-09 --inset 2026-01-05
    """
    from sendcalc.render.days import render_span

    span = _span(first, last, exclude_first, exclude_last, calendar, inset, closure)
    typer.echo(render_span(span, output_format(fmt, as_json), listing=True), nl=False)


def _span(
    first: str,
    last: str,
    exclude_first: bool,
    exclude_last: bool,
    calendar: str,
    inset: list[str] | None,
    closure: list[str] | None,
) -> Span:
    from sendcalc.calendar.counting import school_days_between

    inclusive: dict[tuple[bool, bool], Inclusive] = {
        (False, False): "both",
        (True, False): "end",
        (False, True): "start",
        (True, True): "neither",
    }
    cal = build_calendar(calendar, inset, closure)
    span = school_days_between(
        cal,
        date_arg(first, "FIRST"),
        date_arg(last, "LAST"),
        inclusive[(exclude_first, exclude_last)],
    )
    warn(span.warnings)
    return span
