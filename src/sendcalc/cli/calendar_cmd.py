"""`sendcalc calendar ...`: list, show and check calendars."""

from __future__ import annotations

from typing import Annotated

import typer

from sendcalc.cli.options import (
    CALENDAR_HELP,
    CalendarChoice,
    Output,
    OutputOpt,
    QuietOpt,
    calendar_options,
    complete_calendar,
    new_app,
    output_options,
)

app = new_app(
    help="See the shipped and saved calendars, show a school year, check a calendar file, or make one from the "
    "school's own dates (import a feed or list, or answer questions).",
    no_args_is_help=True,
)


@app.command("list")
@output_options(explain=False, ics=False)
def list_calendars(*, out: Output) -> None:
    """The shipped and saved calendars, their school years and how sure each year's dates are.

    Examples:

    \b
      sendcalc calendar list
      sendcalc calendar list --format csv
    """
    from sendcalc.calendar.files import load_calendar_with_info
    from sendcalc.calendar.names import builtin_names, saved_names
    from sendcalc.cli.output import warn, write
    from sendcalc.core.errors import SendcalcError
    from sendcalc.render.calendar_view import list_text
    from sendcalc.render.emit import csv_text, json_text

    rows, unreadable = [], []
    for kind, key in [("shipped", k) for k in builtin_names()] + [("saved", k) for k in saved_names()]:
        try:
            cal, info = load_calendar_with_info(key)
        except SendcalcError as exc:  # a saved file edited by hand: say so, list the others
            unreadable.append(f"the saved calendar {key!r} cannot be read: {exc}")
            continue
        what = info.applies_to if kind == "shipped" else f"saved: {info.origin}"
        rows.append((key, kind, info.name, info.area, what, [(y.label, y.status, y.source) for y in cal.years]))
    if out.fmt == "json":
        body = [
            {
                "key": key,
                "kind": kind,
                "name": name,
                "area": area,
                "applies_to": applies_to,
                "years": [{"school_year": lb, "status": st, "source": src} for lb, st, src in years],
            }
            for key, kind, name, area, applies_to, years in rows
        ]
        write(json_text({"calendars": body}), out.path)
    elif out.fmt == "csv":
        table = [[k, lb, st] for k, _, _, _, _, ys in rows for lb, st, _ in ys]
        write(csv_text(["key", "school_year", "status"], table), out.path)
    else:
        write(
            list_text(
                [(k, a or n, w, [(lb, st) for lb, st, _ in ys]) for k, _, n, a, w, ys in rows], colour=out.colour
            ),
            out.path,
        )
    warn(unreadable)


@app.command("show")
@calendar_options
@output_options(explain=False, ics=False)
def show(
    name: Annotated[
        str | None,
        typer.Argument(metavar="NAME|FILE", help=CALENDAR_HELP, show_default=False, autocompletion=complete_calendar),
    ] = None,
    year: Annotated[
        str | None, typer.Option("--year", "-y", metavar="YEAR", help="One school year, e.g. 2025-26.")
    ] = None,
    grid: Annotated[bool, typer.Option("--grid/--no-grid", help="Month grids (with --year).")] = True,
    *,
    calendar: CalendarChoice,
    out: Output,
) -> None:
    """Terms, breaks, bank holidays and closures in term, and school days per term and per year.

    Examples (Bushey Primary 2024-25, 190 school days):

    \b
      sendcalc calendar show hertfordshire --year 2024-25 --inset 2024-09-02 --inset 2024-09-03
        --inset 2024-11-04 --inset 2025-02-24 --inset 2025-06-02 --closure 2024-10-25
    """
    from sendcalc.calendar.summary import summarise_year
    from sendcalc.cli.output import warn, write
    from sendcalc.render import calendar_view as view

    cal = CalendarChoice(name or calendar.spec, calendar.inset, calendar.closure).load()
    labels = [year] if year else list(cal.labels)
    summaries = [summarise_year(cal, label) for label in labels]
    if out.fmt == "json":
        write(view.year_json(cal.name, summaries), out.path)
    elif out.fmt == "csv":
        write(view.year_csv(summaries), out.path)
    else:
        text = "".join(
            view.year_text(cal.name, s, cal if year and grid else None, colour=out.colour) for s in summaries
        )
        write(text, out.path)
    for label in labels:  # after the result, so a person sees them last
        first, last = (cal.year(label).terms[0].first_day, cal.year(label).terms[-1].last_day)
        warn(cal.status_warnings(first, last))


@app.command("check")
def check(
    file: Annotated[
        str,
        typer.Argument(metavar="FILE", help="Your calendar file (TOML), or - for stdin: see sendcalc guide calendars."),
    ],
    output: OutputOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Validate a calendar file; each problem is one line naming the file, the line and the entry (exit 3).

    Examples:

    \b
      sendcalc calendar check my-school.toml
    """
    from sendcalc.calendar.files import load_calendar
    from sendcalc.calendar.summary import summarise_year
    from sendcalc.cli.output import warn, write

    path = file if file == "-" or any(c in file for c in "/\\") or file.endswith(".toml") else f"./{file}"
    cal = load_calendar(path)
    parts = [
        f"{label} {summarise_year(cal, label).school_days} school days ({cal.year(label).status})"
        for label in cal.labels
    ]
    write(f"{file}: OK: {cal.name}; " + "; ".join(parts) + "\n", output)
    warn([w for year in cal.years for w in cal.completeness_warnings(year)])


def _register() -> None:
    """`calendar import` and `calendar new` live in their own module; they are commands of this group."""
    from sendcalc.cli.calendar_make_cmd import import_feed, new_calendar

    app.command("import")(import_feed)
    app.command("new")(new_calendar)


_register()
