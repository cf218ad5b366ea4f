"""`sendcalc sent-home`: a parent's log of times the child was sent home without a formal exclusion.

`sendcalc sent-home LOG` shows the log (the default action, same as `sent-home show LOG`);
`sendcalc sent-home add LOG DATE TIME` appends one event, creating the log if needed.
"""

from __future__ import annotations

from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from sendcalc.cli.options import (
    CalendarOpt,
    ClosureOpt,
    ExplainOpt,
    Format,
    FormatOpt,
    InsetOpt,
    JsonOpt,
    build_calendar,
    date_arg,
    output_format,
    warn,
)


class _ShowByDefault(TyperGroup):
    """Runs `show` when the first word is not a subcommand: `sendcalc sent-home log.csv`."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("-h", "--help"):
            args = ["show", *args]
        result: list[str] = super().parse_args(ctx, args)
        return result


app = typer.Typer(
    cls=_ShowByDefault,
    help=(
        "Log the times the school sent your child home (or told you to keep them at home) without a formal "
        "exclusion, and see what they add up to.\n\n"
        "Example: sendcalc sent-home add log.csv 18/11/2025 11:30 --note 'called at 11, collected 11:30'\n\n"
        "Example: sendcalc sent-home log.csv --markdown > summary.md"
    ),
    no_args_is_help=True,
)

LogArg = Annotated[str, typer.Argument(metavar="LOG", help="The log file (CSV: date,time,note).")]


@app.command("show")
def show(
    log: LogArg,
    markdown: Annotated[
        bool,
        typer.Option("--markdown", help="Print a summary in Markdown to attach to a letter (instead of the table)."),
    ] = False,
    child: Annotated[str | None, typer.Option("--child", metavar="NAME", help="Child's name for the summary.")] = None,
    school: Annotated[
        str | None, typer.Option("--school", metavar="NAME", help="School's name for the summary.")
    ] = None,
    calendar: CalendarOpt = "hertfordshire",
    inset: InsetOpt = None,
    closure: ClosureOpt = None,
    fmt: FormatOpt = Format.table,
    as_json: JsonOpt = False,
    explain: ExplainOpt = False,
) -> None:
    """Each event's equivalent exclusion, totals per term and school year, and where they cross 5, 15 and 45.

    Example: sendcalc sent-home log.csv --calendar derbyshire
    """
    from sendcalc.attendance.sent_home import read_log, sent_home_report
    from sendcalc.render.sent_home_view import render_markdown, render_report

    cal = build_calendar(calendar, inset, closure)
    report = sent_home_report(cal, read_log(log), log)
    warn(report.warnings)
    if markdown:
        typer.echo(render_markdown(report, child=child, school=school), nl=False)
    else:
        typer.echo(render_report(report, output_format(fmt, as_json), explain=explain), nl=False)


@app.command("add")
def add(
    log: LogArg,
    date: Annotated[str, typer.Argument(metavar="DATE", help="The day: 18/11/2025, '18 Nov 2025', today, tue.")],
    when: Annotated[
        str,
        typer.Argument(
            metavar="TIME",
            help="When the child was sent home (11:30, 2pm), or 'all day' if told to keep them at home, or 'morning'.",
        ),
    ],
    note: Annotated[str, typer.Option("--note", "-n", help="What was said, by whom, and why.")] = "",
    calendar: CalendarOpt = "hertfordshire",
    inset: InsetOpt = None,
    closure: ClosureOpt = None,
    fmt: FormatOpt = Format.table,
    as_json: JsonOpt = False,
) -> None:
    """Add one event to LOG (created if it does not exist), then show the log.

    Example: sendcalc sent-home add log.csv today 'all day' --note 'head said keep him home tomorrow'
    """
    from pathlib import Path

    from sendcalc.attendance.sent_home import (
        LOG_HEADER,
        RawEvent,
        check_new_event,
        log_line,
        parse_when,
        read_log,
        sent_home_report,
    )
    from sendcalc.core.errors import InputError
    from sendcalc.render.sent_home_view import render_report

    cal = build_calendar(calendar, inset, closure)
    path = Path(log)
    existing = read_log(path) if path.exists() else []
    day = date_arg(date, "DATE")
    new = RawEvent(day, parse_when(when, "TIME"), " ".join(note.split()), 0)
    check_new_event(cal, existing, new, log)
    try:
        fresh = not path.exists() or path.stat().st_size == 0
        needs_newline = not fresh and not path.read_bytes().endswith(b"\n")
        with path.open("a", encoding="utf-8", newline="") as handle:
            if fresh:
                handle.write(",".join(LOG_HEADER) + "\n")
            elif needs_newline:
                handle.write("\n")
            handle.write(log_line(new.day, new.when, new.note))
    except OSError as exc:
        raise InputError(f"cannot write to the log {log!r}: {exc.strerror}") from None
    typer.echo(f"Added to {log}: {new.day:%A} {new.day.day} {new.day:%B %Y}, {new.when}.", err=True)
    report = sent_home_report(cal, read_log(path), log)
    warn(report.warnings)
    typer.echo(render_report(report, output_format(fmt, as_json)), nl=False)
