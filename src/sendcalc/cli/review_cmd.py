"""`sendcalc review`: the independent review panel timeline after a permanent exclusion."""

from __future__ import annotations

from typing import Annotated

import typer

from sendcalc.cli.options import CalendarChoice, Output, calendar_options, date_arg, new_app, output_options

app = new_app()


@app.command("review")
@calendar_options
@output_options()
def review(
    decision_notice: Annotated[
        str | None,
        typer.Option(
            "--decision-notice",
            metavar="DATE",
            help="When the governing board's decision letter was given (or posted, with --posted).",
            show_default=False,
        ),
    ] = None,
    applied: Annotated[
        str | None,
        typer.Option("--applied", metavar="DATE", help="When the parents applied for a review.", show_default=False),
    ] = None,
    panel_decision: Annotated[
        str | None,
        typer.Option(
            "--panel-decision",
            metavar="DATE",
            help="When the panel's decision was given to the governing board.",
            show_default=False,
        ),
    ] = None,
    posted: Annotated[
        bool,
        typer.Option(
            "--posted",
            help="The dates given are first-class posting dates: each counts as given on the 2nd working day after. "
            "Applies to every date on the line; run the command once per date if only some were posted.",
        ),
    ] = False,
    *,
    calendar: CalendarChoice,
    out: Output,
) -> None:
    """Independent review panel deadlines: last day to apply, the closing date, the board's reconsideration.

    Examples:

    \b
      sendcalc review --decision-notice 2025-11-24 --posted
      sendcalc review --applied 2025-12-10 --panel-decision 2026-01-20
    """
    from sendcalc.cli.output import deliver
    from sendcalc.core.errors import InputError
    from sendcalc.exclusions.review import review_timeline
    from sendcalc.render.review import review_view

    if decision_notice is None and applied is None and panel_decision is None:
        raise InputError("give at least one date: --decision-notice, --applied or --panel-decision")
    result = review_timeline(
        calendar.load(),
        decision_notice=date_arg(decision_notice, "--decision-notice") if decision_notice else None,
        decision_posted=posted,
        applied=date_arg(applied, "--applied") if applied else None,
        applied_posted=posted,
        panel_decision=date_arg(panel_decision, "--panel-decision") if panel_decision else None,
        panel_posted=posted,
    )
    deliver(out, review_view(result), result.warnings, helps=(result.calendar, "exclusion"))
