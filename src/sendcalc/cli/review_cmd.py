"""`sendcalc review`: the independent review panel timeline after a permanent exclusion."""

from __future__ import annotations

from typing import Annotated

import typer

from sendcalc.cli.options import (
    CalendarOpt,
    ClosureOpt,
    ExplainOpt,
    Format,
    FormatOpt,
    IcsOpt,
    InsetOpt,
    JsonOpt,
    build_calendar,
    date_arg,
    output_format,
)

app = typer.Typer(add_completion=False, rich_markup_mode=None, context_settings={"help_option_names": ["-h", "--help"]})


@app.command("review")
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
    calendar: CalendarOpt = "hertfordshire",
    inset: InsetOpt = None,
    closure: ClosureOpt = None,
    fmt: FormatOpt = Format.table,
    as_json: JsonOpt = False,
    explain: ExplainOpt = False,
    ics: IcsOpt = None,
) -> None:
    """Independent review panel deadlines: last day to apply, the closing date, the board's reconsideration.

    Example: sendcalc review --decision-notice 2025-11-24 --posted
    """
    from sendcalc.cli.deliver import deliver
    from sendcalc.exclusions.review import review_timeline
    from sendcalc.render import review as view
    from sendcalc.render.exclusion import events_csv

    cal = build_calendar(calendar, inset, closure)
    result = review_timeline(
        cal,
        decision_notice=date_arg(decision_notice, "--decision-notice") if decision_notice else None,
        decision_posted=posted,
        applied=date_arg(applied, "--applied") if applied else None,
        applied_posted=posted,
        panel_decision=date_arg(panel_decision, "--panel-decision") if panel_decision else None,
        panel_posted=posted,
    )
    deliver(
        fmt=output_format(fmt, as_json),
        explain=explain,
        ics=ics,
        ics_name="Exclusion review deadlines (sendcalc)",
        warnings=result.warnings,
        steps=result.steps,
        as_json=lambda: view.review_json(result),
        as_csv=lambda: events_csv(view.review_events(result)),
        as_table=lambda: typer.echo(view.review_lines(result), nl=False),
        events=lambda: view.review_events(result),
    )
