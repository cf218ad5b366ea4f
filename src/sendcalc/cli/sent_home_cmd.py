"""`sendcalc sent-home`: a parent's log of times the child was sent home without a formal exclusion.

`sendcalc sent-home LOG` shows the log (the default action, same as `sent-home show LOG`);
`sendcalc sent-home add LOG DATE TIME` appends one event, creating the log if needed.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer

from sendcalc.cli.group import ShowByDefault
from sendcalc.cli.options import CalendarChoice, Output, calendar_options, date_arg, new_app, one_line, output_options

app = new_app(
    cls=ShowByDefault,
    help=(
        "Log the times the school sent your child home (or told you to keep them at home) without a formal "
        "exclusion, and see what they add up to.\n\n"
        "Examples:\n\n\b\n"
        "  sendcalc sent-home add log.csv 18/11/2025 11:30 --note 'called at 11, collected 11:30'\n"
        "  sendcalc sent-home log.csv --markdown > summary.md"
    ),
    no_args_is_help=True,
)

LogArg = Annotated[str, typer.Argument(metavar="LOG", help="The log file (CSV: date,time,note).")]


@app.command("show")
@calendar_options
@output_options(ics=False)
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
    *,
    calendar: CalendarChoice,
    out: Output,
) -> None:
    """Each event's equivalent exclusion, totals per term and school year, and where they cross 5, 15 and 45.

    Examples:

    \b
      sendcalc sent-home log.csv --calendar derbyshire
      sendcalc sent-home show log.csv --markdown --child Sam > summary.md
    """
    from sendcalc.attendance.sent_home import sent_home_report
    from sendcalc.cli.output import deliver, warn, write
    from sendcalc.readers.logs import read_log
    from sendcalc.render.sent_home_view import render_markdown, sent_home_view

    cal = calendar.load()
    report = sent_home_report(cal, read_log(log), "stdin" if log == "-" else log)
    if markdown:
        letter = render_markdown(report, child=one_line(child, "--child"), school=one_line(school, "--school"))
        write(letter, out.path)
        warn(report.warnings)
    else:
        deliver(out, sent_home_view(report, cal), report.warnings, helps=(cal.name, "exclusion"))


@app.command("add")
@calendar_options
@output_options(ics=False)
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
    note: Annotated[str, typer.Option("--note", "-n", metavar="TEXT", help="What was said, by whom, and why.")] = "",
    allow_future: Annotated[
        bool, typer.Option("--allow-future", help="Accept a date after today (a day the school has already announced).")
    ] = False,
    *,
    calendar: CalendarChoice,
    out: Output,
) -> None:
    """Add one event to LOG (created if it does not exist), then show the log.

    Examples:

    \b
      sendcalc sent-home add log.csv today 'all day' --note 'head said keep him home tomorrow'
    """
    from sendcalc.attendance.sent_home import RawEvent, check_new_event, sent_home_report
    from sendcalc.cli.output import deliver
    from sendcalc.cli.output import note as say
    from sendcalc.core.dates import in_words
    from sendcalc.core.errors import InputError
    from sendcalc.readers.logs import append_event, parse_when, read_log
    from sendcalc.render.sent_home_view import sent_home_view

    cal = calendar.load()
    day = date_arg(date, "DATE")
    if day > dt.date.today() and not allow_future:
        raise InputError(
            f"DATE {in_words(day)} is after today; the log records what has happened, so check the date "
            "(or add --allow-future for a day the school has already announced)"
        )
    new = RawEvent(day, parse_when(when, "TIME"), " ".join(note.split()), 0)
    append_event(log, new, lambda existing: check_new_event(cal, existing, new, log))
    say(f"added to {log}: {in_words(new.day)}, {new.when}.")
    report = sent_home_report(cal, read_log(log), log)
    deliver(out, sent_home_view(report, cal), report.warnings, helps=(cal.name, "exclusion"))
