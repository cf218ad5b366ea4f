"""`sendcalc calendar import` and `sendcalc calendar new`: a school's calendar file from its feed, a pasted
list, or the term dates letter typed in. Both read dated events, assemble them into terms
(calendar/assemble.py), check the file they will write by loading it, and say what they found.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from sendcalc.cli.options import OutputOpt, QuietOpt, complete_calendar

if TYPE_CHECKING:
    from sendcalc.calendar.feed import Event

NameOpt = Annotated[
    str | None, typer.Option("--name", metavar="NAME", help="The school's name, shown in every result.")
]
BasedOnOpt = Annotated[
    str | None,
    typer.Option(
        "--based-on",
        metavar="COUNCIL",
        autocompletion=complete_calendar,
        help="Start from a council's calendar: its school times, and its years the file does not give.",
    ),
]
SaveOpt = Annotated[
    str | None,
    typer.Option(
        "--save", metavar="NAME", help="Also save it under NAME, to use as --calendar NAME (see: calendar list)."
    ),
]


def import_feed(
    file: Annotated[str, typer.Argument(metavar="FILE", help="The school's calendar feed (.ics), or - for stdin.")],
    output: OutputOpt = None,
    name: NameOpt = None,
    based_on: BasedOnOpt = None,
    from_text: Annotated[
        bool,
        typer.Option(
            "--from-text",
            help="FILE is a list typed or pasted one to a line: 'Autumn term: 3 September 2025 to 19 December 2025'.",
        ),
    ] = False,
    save: SaveOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """A calendar file from the school's calendar feed (.ics) or a pasted list of term dates.

    The feed may hold an event for every school day, one per term or half term, or the holidays with
    INSET days and bank holidays; the titles say which (INSET, training day, half term, holiday, ...).
    The file is written with status "imported": check it, then change that to "confirmed".

    Examples:

    \b
      sendcalc calendar import oak-primary.ics -o oak.toml --name 'Oak Primary'
      sendcalc calendar import dates.txt --from-text --based-on hertfordshire --save oak-primary
    """
    from sendcalc.calendar.feed import read_ics, read_list

    text_list = from_text or file.lower().endswith((".txt", ".md"))
    events = read_list(file) if text_list else read_ics(file)
    shown = "stdin" if file == "-" else Path(file).name
    finish(events, name=name or Path(shown).stem, source=shown, based_on=based_on, output=output, save=save, read=file)


def new_calendar(
    output: OutputOpt = None,
    name: NameOpt = None,
    based_on: BasedOnOpt = None,
    term: Annotated[
        list[str] | None,
        typer.Option(
            "--term",
            metavar="NAME:FIRST:LAST",
            help="A term, e.g. autumn:3/9/2025:19/12/2025; repeat for each. Without --term, sendcalc asks.",
        ),
    ] = None,
    half_term: Annotated[
        list[str] | None,
        typer.Option("--half-term", metavar="FIRST:LAST", help="A half-term break, e.g. 27/10/2025:31/10/2025."),
    ] = None,
    inset: Annotated[
        list[str] | None, typer.Option("--inset", metavar="DATE", help="An INSET (training) day; repeat for each.")
    ] = None,
    save: SaveOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """A calendar file from the school's term dates letter: asks for each term, half term and INSET day.

    With --term (and --half-term, --inset) it asks nothing, for scripts.

    Examples:

    \b
      sendcalc calendar new -o oak.toml
      sendcalc calendar new --name 'Oak Primary' -o oak.toml --term autumn:3/9/2025:19/12/2025
        --half-term 27/10/2025:31/10/2025 --inset 2/9/2025 ...
    """
    from sendcalc.calendar.feed import event
    from sendcalc.core.dates import parse_date
    from sendcalc.core.errors import InputError

    events: list[Event] = []
    if term:
        for text in term:
            label, first, last = _fields(text, 3, "--term", "autumn:3/9/2025:19/12/2025")
            events.append(event(f"{label} term", parse_date(first, what="--term"), parse_date(last, what="--term")))
        for text in half_term or ():
            first, last = _fields(text, 2, "--half-term", "27/10/2025:31/10/2025")
            events.append(
                event("half term", parse_date(first, what="--half-term"), parse_date(last, what="--half-term"))
            )
        events += [event("INSET day", parse_date(day, what="--inset")) for day in inset or ()]
    else:
        if half_term or inset:
            raise InputError("--half-term and --inset go with --term; give each term with --term NAME:FIRST:LAST")
        name, based_on, events = _ask(name, based_on)
    finish(
        events,
        name=name or "My school",
        source="the dates typed into sendcalc calendar new",
        based_on=based_on,
        output=output,
        save=save,
    )


def _save_name(name: str, taken: list[str]) -> str:
    """A name to save a calendar under: lower-case letters, digits and hyphens, not a shipped calendar's."""
    from sendcalc.calendar.names import NAME
    from sendcalc.core.errors import InputError

    key = name.strip().lower()
    if not NAME.match(key):
        raise InputError(f"--save {name!r}: a calendar's name is lower-case letters, digits and hyphens (oak-primary)")
    if key in taken:
        raise InputError(f"--save {name!r}: a shipped calendar has that name; choose another, e.g. {key}-school")
    return key


def _fields(text: str, count: int, option: str, example: str) -> list[str]:
    from sendcalc.core.errors import InputError

    parts = [p.strip() for p in text.split(":")]
    if len(parts) != count or not all(parts):
        raise InputError(f"{option} {text!r}: write it as {example}")
    return parts


def _ask(name: str | None, based_on: str | None) -> tuple[str, str | None, list[Event]]:
    """The prompts for a parent with the term dates letter in hand; a date that cannot be read is asked again."""
    from sendcalc.calendar.feed import event

    name = name or typer.prompt("The school's name")
    if based_on is None:
        based_on = typer.prompt("Council calendar to start from (blank for none)", default="", show_default=False)
    events = []
    for term in ("autumn", "spring", "summer"):
        first = _must(f"{term.capitalize()} term: first day")
        last = _must(f"{term.capitalize()} term: last day")
        events.append(event(f"{term} term", first, last))
        half = _date(f"{term.capitalize()} half-term: first day (blank if none)", optional=True)
        if half is not None:
            events.append(event("half term", half, _must(f"{term.capitalize()} half-term: last day")))
    while (day := _date("INSET day (blank when done)", optional=True)) is not None:
        events.append(event("INSET day", day))
    return name, based_on or None, events


def _must(question: str) -> dt.date:
    day = _date(question)
    assert day is not None  # only an optional question takes a blank answer
    return day


def _date(question: str, *, optional: bool = False) -> dt.date | None:
    from sendcalc.core.dates import parse_date
    from sendcalc.core.errors import InputError

    while True:
        answer = typer.prompt(question, default="" if optional else None, show_default=False)
        if optional and not answer.strip():
            return None
        try:
            return parse_date(answer, what="that date", relative=False)
        except InputError as exc:
            typer.echo(f"  {exc}", err=True)


def finish(
    events: list[Event],
    *,
    name: str,
    source: str,
    based_on: str | None,
    output: str | None,
    save: str | None,
    read: str | None = None,
) -> None:
    """Assemble, check by loading, say what was found, and write the file (to -o, --save and/or stdout)."""
    from sendcalc.calendar.assemble import assemble, to_toml
    from sendcalc.calendar.files import parse_calendar
    from sendcalc.calendar.names import builtin_names, folder
    from sendcalc.calendar.summary import summarise_year
    from sendcalc.cli.options import one_line
    from sendcalc.cli.output import note, warn, write
    from sendcalc.core.errors import InputError

    one_line(name, "--name")
    key = _save_name(save, builtin_names()) if save else None
    if read and read != "-" and output and Path(output).resolve() == Path(read).resolve():
        raise InputError(f"-o {output!r} is the file being read; give another file name")
    assembled = assemble(events)
    today = dt.date.today().isoformat()
    text = to_toml(assembled, name=name, source=f"{source}, read on {today}", based_on=based_on)
    shown = Path(output).name if output else "the new calendar"
    calendar = parse_calendar(text, shown, Path(output).parent if output else None)
    found = ", ".join(f"{n} {kind}" for kind, n in assembled.used.most_common())
    note(f"read {sum(assembled.used.values())} event(s): {found}")
    if assembled.ignored:
        titles = "; ".join(f"{t!r}" + (f" x{n}" if n > 1 else "") for t, n in assembled.ignored.most_common(8))
        note(f"ignored {sum(assembled.ignored.values())} event(s) that are not term dates: {titles}")
    if assembled.outside:
        listed = ", ".join(f"{d:%d/%m/%Y}" for d in assembled.outside[:6]) + (
            " ..." if len(assembled.outside) > 6 else ""
        )
        warn([f"left out {len(assembled.outside)} INSET or closure day(s) outside every term ({listed}): a day off "
              "is only counted inside a term; check the term dates"])  # fmt: skip
    for year in assembled.years:
        summary = summarise_year(calendar, year.label)
        terms = "; ".join(
            f"{t.name} {t.first_day:%d/%m/%Y}-{t.last_day:%d/%m/%Y}"
            + "".join(f" ({b.name} {b.first_day:%d/%m}-{b.last_day:%d/%m})" for b in breaks)
            for t, breaks in year.terms
        )
        note(f"{year.label}: {summary.school_days} school days; {terms}")
    warn([w for year in calendar.years for w in calendar.completeness_warnings(year)])
    if key:
        path = folder() / f"{key}.toml"
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise InputError(
                f"cannot make the folder for saved calendars {str(path.parent)!r}: {exc.strerror}"
            ) from None
        write(text, str(path))
        note(f"saved as {key!r} ({path}); use it with --calendar {key}")
    if output or not key:
        write(text, output)
        if output:
            note(f"wrote {output}; check it against the school's own dates with: sendcalc calendar show {output}")
