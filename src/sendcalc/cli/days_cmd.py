"""`sendcalc days ...`: school-day arithmetic for advisers, with the counted ends printed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

import typer

from sendcalc.cli.options import CalendarChoice, Output, calendar_options, date_arg, new_app, output_options

app = new_app(
    help="Count school days: add N school days to a date, count or list the school days between two dates.",
    no_args_is_help=True,
)


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
    from sendcalc.cli.output import deliver
    from sendcalc.core.units import parse_count
    from sendcalc.render.days import offset_view

    result = add_school_days(calendar.load(), date_arg(date, "DATE"), parse_count(n, what="N"))
    deliver(out, offset_view(result), result.warnings)


def _span_command(listing: bool, doc: str) -> Callable[..., None]:
    """`days between` and `days list`: the same count, with or without every date written out."""

    @calendar_options
    @output_options(explain=False, ics=False)
    def command(
        first: Annotated[str, typer.Argument(metavar="FIRST", help="First date.")],
        last: Annotated[str, typer.Argument(metavar="LAST", help="Last date.")],
        exclude_first: Annotated[bool, typer.Option("--exclude-first", help="Do not count the first date.")] = False,
        exclude_last: Annotated[bool, typer.Option("--exclude-last", help="Do not count the last date.")] = False,
        *,
        calendar: CalendarChoice,
        out: Output,
    ) -> None:
        from sendcalc.calendar.counting import school_days_between
        from sendcalc.cli.output import deliver
        from sendcalc.render.days import span_view

        ends = {(False, False): "both", (True, False): "end", (False, True): "start", (True, True): "neither"}
        span = school_days_between(
            calendar.load(),
            date_arg(first, "FIRST"),
            date_arg(last, "LAST"),
            ends[(exclude_first, exclude_last)],  # type: ignore[arg-type]
        )
        deliver(out, span_view(span, listing=listing), span.warnings)

    command.__doc__ = doc
    return command


app.command("between")(
    _span_command(
        False,
        """How many school days from FIRST to LAST. Both ends count unless you exclude them.

    Examples:

    \b
      sendcalc days between 2025-12-01 2026-01-09
    """,
    )
)
app.command("list")(
    _span_command(
        True,
        """Every school day from FIRST to LAST, numbered, with the days skipped and why.

    Examples:

    \b
      sendcalc days list 2025-12-15 2026-01-09 --inset 2026-01-05
    """,
    )
)
