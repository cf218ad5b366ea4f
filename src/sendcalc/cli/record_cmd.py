"""`sendcalc record`: a child's whole record in one file, added up together.

`sendcalc record FILE` shows it (same as `record show FILE`); `record add FILE KIND DATE ...` adds one
event safely; `record convert` turns a history file and a sent-home log into a record.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Any

import typer

from sendcalc.cli.group import ShowByDefault
from sendcalc.cli.options import CalendarChoice, Output, OutputOpt, QuietOpt, calendar_options, new_app, output_options

KINDS = ("suspension", "lunchtime", "sent-home", "internal", "permanent", "health", "part-time")


app = new_app(
    cls=ShowByDefault,
    help=(
        "A child's whole record in one file: formal suspensions, a permanent exclusion, times sent home, internal "
        "exclusions, health absence and part-time timetables, added up together.\n\n"
        "Examples:\n\n\b\n"
        "  sendcalc record sam.toml\n"
        "  sendcalc record add sam.toml internal 18/11/2025 --lessons 2 --reason 'isolation after PE'\n"
        "  sendcalc record convert --history history.csv --sent-home log.csv -o sam.toml"
    ),
    no_args_is_help=True,
)
FileArg = Annotated[str, typer.Argument(metavar="FILE", help="The record file (TOML; see: sendcalc guide exclusions).")]


@app.command("show")
@calendar_options
@output_options(explain=False)
def show(
    file: FileArg,
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", metavar="DATE", help="Count periods still going on up to DATE (default: today)."),
    ] = None,
    *,
    calendar: CalendarChoice,
    out: Output,
) -> None:
    """Totals per term and school year of suspensions, of times sent home, and of both together against the 5,
    15 and 45 day lines; day-6 runs; internal exclusions and teaching lost; health absence; part-time timetables;
    and a prompt when exclusions come close together.

    Examples:

    \b
      sendcalc record sam.toml
      sendcalc record show sam.toml --json --calendar derbyshire
    """
    from sendcalc.cli.options import date_arg
    from sendcalc.cli.output import deliver
    from sendcalc.readers.record import read_record
    from sendcalc.record.summary import summarise_record
    from sendcalc.render.record_view import record_view

    cal = calendar.load()
    day = date_arg(as_of, "--as-of") if as_of else None
    summary = summarise_record(cal, read_record(file), as_of=day)
    deliver(out, record_view(summary), summary.warnings, helps=(cal.name, "exclusion"))


@app.command("add")
@calendar_options
def add(
    file: FileArg,
    kind: Annotated[str, typer.Argument(metavar="KIND", help=f"What happened: {', '.join(KINDS)}.")],
    date: Annotated[str, typer.Argument(metavar="DATE", help="The day (the first day of a period): 18/11/2025.")],
    time: Annotated[
        str | None,
        typer.Option("--time", metavar="TIME", help="Collection time (11:30), or 'all day' / 'morning' for sent-home."),
    ] = None,
    days: Annotated[
        str | None, typer.Option("--days", metavar="N", help="Length in days (suspension, internal).")
    ] = None,
    lessons: Annotated[str | None, typer.Option("--lessons", metavar="N", help="Lessons missed (internal).")] = None,
    to: Annotated[str | None, typer.Option("--to", metavar="DATE", help="Last day (health, part-time).")] = None,
    attends: Annotated[
        str | None, typer.Option("--attends", metavar="SLOTS", help="Sessions attended (part-time): mon-am,tue,wed.")
    ] = None,
    agreed: Annotated[
        bool, typer.Option("--agreed/--not-agreed", help="Whether the parents agreed to the part-time timetable.")
    ] = False,
    note: Annotated[str, typer.Option("--note", "--reason", metavar="TEXT", help="What happened, and why.")] = "",
    allow_future: Annotated[bool, typer.Option("--allow-future", help="Accept a date after today.")] = False,
    quiet: QuietOpt = False,
    *,
    calendar: CalendarChoice,
) -> None:
    """Add one event to FILE (created if it does not exist), checked, under a lock, in the file's own encoding.

    Examples:

    \b
      sendcalc record add sam.toml sent-home 18/11/2025 --time 11:30 --note 'called at 11'
      sendcalc record add sam.toml suspension 20/11/2025 --days 2
      sendcalc record add sam.toml part-time 5/1/2026 --to 30/1/2026 --attends mon-am,tue-am --not-agreed
    """
    from sendcalc.cli.options import date_arg
    from sendcalc.cli.output import note as say
    from sendcalc.core.dates import in_words
    from sendcalc.core.errors import InputError
    from sendcalc.readers.append import append_locked
    from sendcalc.readers.record import parse_record, table_text

    wanted = kind.strip().lower().replace("_", "-")
    if wanted not in KINDS:
        raise InputError(f"KIND {kind!r} is not one of {', '.join(KINDS)}")
    day = date_arg(date, "DATE")
    if day > dt.date.today() and not allow_future:
        raise InputError(f"DATE {in_words(day)} is after today; check the date (or add --allow-future)")
    last = date_arg(to, "--to") if to else None
    values = _values(wanted, day, time, days, lessons, last, attends, agreed, note)
    table = "suspension" if wanted == "lunchtime" else wanted.replace("-", "_")
    added = table_text(table, values)

    shown = Path(file).name

    cal = calendar.load()

    def make(existing: str) -> str:
        from sendcalc.record.summary import summarise_record

        before = parse_record(existing, shown)
        after = parse_record(existing + added, shown)  # the new event, checked as the file will be read
        _refuse_duplicate(before, after, table)
        summarise_record(cal, after)  # and counted, so a weekend or an overlapping session is refused now
        return added

    append_locked(file, "record file", make)
    say(f"added to {file}: {wanted} on {in_words(day)}.")


def _values(kind: str, day: dt.date, time: str | None, days: str | None, lessons: str | None, to: dt.date | None,
            attends: str | None, agreed: bool, note: str) -> dict[str, Any]:  # fmt: skip
    """The fields of the new table, for its kind (the reader checks each one, as for the whole file)."""
    note = " ".join(note.split())
    if kind in ("suspension", "lunchtime"):
        return {"date": day, "time": time, "days": _number(days), "kind": "lunchtime" if kind == "lunchtime" else None,
                "note": note}  # fmt: skip
    if kind == "sent-home":
        return {"date": day, "time": time or "all day", "note": note}
    if kind == "part-time" and not attends:
        from sendcalc.core.errors import InputError

        raise InputError("a part-time timetable needs --attends: the sessions the child attends each week (or none)")
    if kind == "internal":
        count = int(lessons) if lessons and lessons.isdigit() else lessons
        return {"date": day, "days": _number(days), "lessons": count, "reason": note}
    if kind == "permanent":
        return {"date": day, "time": time, "note": note}
    if kind == "health":
        return {"from": day, "to": to, "note": note}
    return {"from": day, "to": to, "attends": attends or "none", "agreed": agreed, "note": note}


def _number(text: str | None) -> int | float | str | None:
    """A length typed as '2' or '2.5' is written as a TOML number; anything else as typed (the reader says why)."""
    from sendcalc.core.errors import InputError
    from sendcalc.core.units import days_number, parse_days

    if not text:
        return None
    try:
        return days_number(parse_days(text))
    except InputError:
        return text


def _refuse_duplicate(before: Any, after: Any, table: str) -> None:
    """The same kind of event on the same day (and time) twice is a mistake, not a second event."""
    from sendcalc.core.errors import InputError

    field = {"suspension": "suspensions", "sent_home": "sent_home", "internal": "internal", "permanent": "permanent",
             "health": "health", "part_time": "part_time"}[table]  # fmt: skip
    old, new = getattr(before, field), getattr(after, field)[-1]
    key = _key(new)
    if any(_key(item) == key for item in old):
        raise InputError(f"{before.source} already has this {table.replace('_', ' ')}; edit that entry instead")


def _key(item: Any) -> tuple[Any, ...]:
    return tuple(getattr(item, name, None) for name in ("on", "day", "first", "when", "picked_up"))


@app.command("convert")
def convert(
    history: Annotated[
        str | None, typer.Option("--history", metavar="FILE", help="A history file (CSV or TOML) of suspensions.")
    ] = None,
    sent_home: Annotated[
        str | None, typer.Option("--sent-home", metavar="LOG", help="A sent-home log (CSV: date,time,note).")
    ] = None,
    child: Annotated[str | None, typer.Option("--child", metavar="NAME", help="The child's name.")] = None,
    school: Annotated[str | None, typer.Option("--school", metavar="NAME", help="The school's name.")] = None,
    output: OutputOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """A record file from a history file and a sent-home log (both keep working as they are).

    Examples:

    \b
      sendcalc record convert --history history.csv --sent-home log.csv --child Sam -o sam.toml
    """
    from sendcalc.cli.options import one_line
    from sendcalc.cli.output import write
    from sendcalc.core.errors import InputError
    from sendcalc.core.units import days_number
    from sendcalc.readers.history import read_history
    from sendcalc.readers.logs import read_log
    from sendcalc.readers.record import key_text, table_text

    if not history and not sent_home:
        raise InputError("give --history FILE, --sent-home LOG, or both")
    text = "# A child's record, converted by sendcalc record convert.\n"
    for key, value in (("child", one_line(child, "--child")), ("school", one_line(school, "--school"))):
        if value:
            text += key_text(key, value) + "\n"
    for row in read_history(history) if history else ():
        when = "not collected" if row.not_collected else row.picked_up.strftime("%H:%M") if row.picked_up else None
        lunch = row.lunchtime
        values = {"date": row.on, "time": when, "days": None if lunch else days_number(row.halves),
                  "kind": "lunchtime" if lunch else None, "exam": row.exam or None, "note": row.note}  # fmt: skip
        text += table_text("suspension", values)
    for event in read_log(sent_home) if sent_home else ():
        text += table_text("sent_home", {"date": event.day, "time": event.when, "note": event.note})
    write(text, output)
