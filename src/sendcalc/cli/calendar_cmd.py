"""`sendcalc calendar ...`: list, show and check calendars."""

from __future__ import annotations

from typing import Annotated

import typer

from sendcalc.cli.options import (
    CALENDAR_HELP,
    ClosureOpt,
    Format,
    FormatOpt,
    InsetOpt,
    JsonOpt,
    build_calendar,
    output_format,
    warn,
)

app = typer.Typer(
    help="See the shipped calendars, show a school year, or check your own calendar file.",
    no_args_is_help=True,
)


@app.command("list")
def list_calendars(fmt: FormatOpt = Format.table, as_json: JsonOpt = False) -> None:
    """The shipped calendars, their school years and how sure each year's dates are.

    Example: sendcalc calendar list
    """
    from sendcalc.calendar.files import builtin_names, load_calendar_with_info
    from sendcalc.render.emit import csv_text, json_text

    rows = []
    for key in builtin_names():
        cal, info = load_calendar_with_info(key)
        rows.append((key, info, [(y.label, y.status) for y in cal.years]))
    fmt_name = output_format(fmt, as_json)
    if fmt_name == "json":
        body = [
            {
                "key": k,
                "name": i.name,
                "area": i.area,
                "applies_to": i.applies_to,
                "years": [{"school_year": label, "status": status} for label, status in ys],
            }
            for k, i, ys in rows
        ]
        typer.echo(json_text(body), nl=False)
    elif fmt_name == "csv":
        typer.echo(
            csv_text(["key", "school_year", "status"], [[k, lb, st] for k, _, ys in rows for lb, st in ys]),
            nl=False,
        )
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(
            title="Shipped calendars (statuses: confirmed, secondary, conflicting, unverified)",
            title_justify="left",
        )
        for column in ("name", "applies to", "school years (status)"):
            table.add_column(column)
        for key, info, years in rows:
            table.add_row(f"{key}\n{info.area}", info.applies_to, "\n".join(f"{lb}  {st}" for lb, st in years))
        Console().print(table)
        typer.echo(
            "Use your school's own dates with --inset/--closure, or a school file: see sendcalc guide calendars."
        )


@app.command("show")
def show(
    name: Annotated[str | None, typer.Argument(help=CALENDAR_HELP, show_default=False)] = None,
    year: Annotated[str | None, typer.Option("--year", "-y", help="One school year, e.g. 2025-26.")] = None,
    grid: Annotated[bool, typer.Option("--grid/--no-grid", help="Month grids (with --year).")] = True,
    calendar: Annotated[
        str | None,
        typer.Option("--calendar", "-c", envvar="SENDCALC_CALENDAR", help="Same as NAME.", show_default=False),
    ] = None,
    inset: InsetOpt = None,
    closure: ClosureOpt = None,
    fmt: FormatOpt = Format.table,
    as_json: JsonOpt = False,
) -> None:
    """Terms, breaks, bank holidays and closures in term, and school days per term and per year.

    Example (Bushey Primary 2024-25, 190 school days):
    sendcalc calendar show hertfordshire --year 2024-25 --inset 2024-09-02 --inset 2024-09-03
    --inset 2024-11-04 --inset 2025-02-24 --inset 2025-06-02 --closure 2024-10-25
    """
    from sendcalc.calendar.summary import summarise_year
    from sendcalc.render import calendar_view as view

    cal = build_calendar(name or calendar, inset, closure)
    labels = [year] if year else list(cal.labels)
    summaries = [summarise_year(cal, label) for label in labels]
    for label in labels:
        first, last = (cal.year(label).terms[0].first_day, cal.year(label).terms[-1].last_day)
        warn(cal.status_warnings(first, last))
    fmt_name = output_format(fmt, as_json)
    if fmt_name == "json":
        typer.echo(view.year_json(cal.name, summaries), nl=False)
        return
    if fmt_name == "csv":
        typer.echo(view.year_csv(summaries), nl=False)
        return
    from rich.console import Console

    console = Console()
    for summary in summaries:
        console.print(view.year_table(cal.name, summary))
        console.print(f"Source: {summary.source}", style="dim", highlight=False)
        off = view.days_off_lines(summary)
        if off:
            console.print("Days off in term (not school days):", highlight=False)
            console.print("\n".join(off), highlight=False)
        if year and grid:
            console.print(view.month_grids(cal, summary.label))
        console.print(
            f"{summary.label}: {summary.school_days} school days ({summary.sessions} sessions).",
            highlight=False,
        )


@app.command("check")
def check(
    file: Annotated[str, typer.Argument(help="Your calendar file (TOML): see sendcalc guide calendars.")],
) -> None:
    """Validate a calendar file; each problem is one line naming the file, the line and the entry (exit 3).

    Example: sendcalc calendar check my-school.toml
    """
    from sendcalc.calendar.files import load_calendar
    from sendcalc.calendar.summary import summarise_year

    path = file if any(c in file for c in "/\\") or file.endswith(".toml") else f"./{file}"
    cal = load_calendar(path)
    parts = [
        f"{label} {summarise_year(cal, label).school_days} school days ({cal.year(label).status})"
        for label in cal.labels
    ]
    typer.echo(f"{file}: OK: {cal.name}; " + "; ".join(parts))
