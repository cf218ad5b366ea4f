"""`sendcalc letter ...`: plain, polite draft letters a parent can send, with the facts and dates filled in.

Each letter works its facts out with the same domain code as the command it draws on
(`exclusion`, `permanent`, `sent-home`), builds a :class:`sendcalc.render.letters.Letter` and
renders it as Markdown, HTML or text. To add a letter:

- decorate the command with ``@letter_options("The Head Teacher")`` (the default addressee): it adds
  --child, --school, --to, --format and -o, and the command receives ``opts: LetterOptions``;
- build the Letter in render/letter_texts.py from the domain's result and ``opts.names()`` (template
  words for the child, the school and the addressee, with the typed values they stand for);
- finish with ``send(letter, opts, warnings)``.

The start options (--on, --picked-up, --not-collected, --notice-date) are `sendcalc exclusion`'s own,
imported from exclusion_cmd so the two commands can never drift apart.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import typer

from sendcalc.cli.exclusion_cmd import PruOpt, StartChoice, assess, start_options
from sendcalc.cli.options import (
    CalendarChoice,
    F,
    QuietOpt,
    calendar_options,
    extend,
    new_app,
    one_line,
    pupil_options,
)
from sendcalc.cli.part_time_cmd import Timetable, timetable_options
from sendcalc.core.school_age import Pupil

if TYPE_CHECKING:
    from sendcalc.render.letter_texts import Names
    from sendcalc.render.letters import Letter

app = new_app(
    help=(
        "Draft letters a parent can send, with the facts and dates filled in: representations to the governing "
        "board about a suspension or permanent exclusion, and a letter to the head teacher about times the child "
        "was sent home without a formal exclusion. Markdown by default; --format html or text.\n\n"
        "Examples:\n\n\b\n"
        "  sendcalc letter representations --on 2025-11-18 --days 6 --child Sam --school 'Oak Primary'\n"
        "  sendcalc letter sent-home log.csv --child Sam --format html > letter.html"
    ),
    no_args_is_help=True,
)

BOARD = "The Chair of the Governing Board"
HEAD = "The Head Teacher"


# ----- the options every letter takes ----------------------------------------------------------------


class LetterFormat(StrEnum):
    markdown = "markdown"
    html = "html"
    text = "text"


@dataclass(frozen=True)
class LetterOptions:
    """What every letter was given: the child's and school's names, the addressee, the format, the file."""

    child: str | None
    school: str | None
    to: str
    fmt: str
    output: str | None

    def names(self) -> Names:
        """The child, the school and the addressee as template words for a letter's texts."""
        from sendcalc.render.letter_texts import names

        return names(self.child, self.school, self.to)


ChildOpt = Annotated[str | None, typer.Option("--child", metavar="NAME", help="The child's name.", show_default=False)]
SchoolOpt = Annotated[
    str | None, typer.Option("--school", metavar="NAME", help="The school's name.", show_default=False)
]
LetterFormatOpt = Annotated[
    LetterFormat,
    typer.Option("--format", "-f", metavar="markdown|html|text", help="Markdown, HTML (a page to print) or text."),
]
FileOpt = Annotated[
    str | None, typer.Option("--output", "-o", metavar="FILE", help="Write the letter to FILE, not to stdout.")
]


def letter_options(to: str) -> Callable[[F], F]:
    """Add --child, --school, --to (default ``to``), --format, -o and --quiet; the command receives ``opts``."""

    def decorate(func: F) -> F:
        to_opt = Annotated[
            str, typer.Option("--to", metavar="NAME", help=f"Who the letter is to (default: {to}).", show_default=False)
        ]
        extra: dict[str, tuple[Any, Any]] = {
            "child": (ChildOpt, None),
            "school": (SchoolOpt, None),
            "to": (to_opt, to),
            "fmt": (LetterFormatOpt, LetterFormat.markdown),
            "output": (FileOpt, None),
            "quiet": (QuietOpt, False),
        }

        def build(v: dict[str, Any]) -> LetterOptions:
            from sendcalc.core.errors import InputError

            addressee = (one_line(v["to"], "--to") or "").strip()
            if not addressee:
                raise InputError(f"--to is empty; give who the letter is to, or leave it out for {to!r}")
            child, school = one_line(v["child"], "--child"), one_line(v["school"], "--school")
            return LetterOptions(child, school, addressee, v["fmt"].value, v["output"])

        return extend(func, extra, build, "opts")  # type: ignore[no-any-return]

    return decorate


def send(letter: Letter, opts: LetterOptions, warnings: Sequence[str] = ()) -> None:
    """The letter in the chosen format, to stdout or -o FILE, then any warnings on stderr."""
    from sendcalc.cli.output import warn, write
    from sendcalc.render.letters import render

    write(render(letter, opts.fmt), opts.output)
    warn(warnings)


# ----- letter representations --------------------------------------------------------------------------

DaysOpt = Annotated[
    str | None,
    typer.Option(
        "--days",
        "-d",
        metavar="N",
        help="Length in school days, in half-day steps (default 1), or 'lunchtime', as for sendcalc exclusion.",
        show_default=False,
    ),
]
PreviousOpt = Annotated[
    str | None,
    typer.Option("--previous", metavar="N", help="Days of suspension already this term.", show_default=False),
]
HistoryOpt = Annotated[
    str | None,
    typer.Option(
        "--history", metavar="FILE", help="Earlier suspensions (as for sendcalc exclusion).", show_default=False
    ),
]
ExamOpt = Annotated[
    bool, typer.Option("--exam", help="The child would miss a public exam or National Curriculum test.")
]
PermanentOpt = Annotated[bool, typer.Option("--permanent", help="A permanent exclusion, not a suspension.")]
ReasonOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--reason",
        metavar="TEXT",
        help="One of your reasons why the exclusion was not justified; repeat for each (a paragraph each).",
    ),
]


@app.command("representations")
@start_options
@calendar_options
@pupil_options()
@letter_options(BOARD)
def representations(
    days: DaysOpt = None,
    previous: PreviousOpt = None,
    history: HistoryOpt = None,
    exam: ExamOpt = False,
    pru: PruOpt = False,
    permanent: PermanentOpt = False,
    reason: ReasonOpt = None,
    *,
    start: StartChoice,
    calendar: CalendarChoice,
    pupil: Pupil | None,
    opts: LetterOptions,
) -> None:
    """A letter to the governing board about a suspension (or, with --permanent, a permanent exclusion).

    It asks the board to consider your representations and to reinstate the child or remove the exclusion from
    the record, and states the facts: the dates, the length, the term total and the board's deadline. The
    suspension options are those of sendcalc exclusion.

    Examples:

    \b
      sendcalc letter representations --on 2025-11-18 --days 6 --child Sam --school 'Oak Primary'
      sendcalc letter representations --permanent --picked-up 11:00 --on 2025-11-18 --format html > letter.html
    """

    from sendcalc.core.errors import InputError

    cal = calendar.load()
    reasons = list(reason or ())
    if permanent:
        if days is not None or previous is not None or history or exam or pru:
            raise InputError("--permanent takes none of --days, --previous, --history, --exam and --pru")
        from sendcalc.cli.permanent_cmd import assess as assess_permanent
        from sendcalc.render.letter_texts import permanent_letter

        done = assess_permanent(cal, start, pupil)
        send(permanent_letter(done, opts.names(), reasons), opts, done.warnings)
        return
    from sendcalc.render.letter_texts import suspension_letter

    result = assess(cal, start, days or "1", previous=previous, history=history, exam=exam, pru=pru, pupil=pupil)
    send(suspension_letter(result, opts.names(), reasons), opts, result.warnings)


# ----- letter sent-home --------------------------------------------------------------------------------

LogArg = Annotated[str, typer.Argument(metavar="LOG", help="The sent-home log (CSV: date,time,note; see sent-home).")]


@app.command("sent-home")
@calendar_options
@letter_options(HEAD)
def sent_home(log: LogArg, *, calendar: CalendarChoice, opts: LetterOptions) -> None:
    """A letter to the head teacher listing each time the child was sent home without a formal exclusion.

    It says informal exclusions are unlawful (DfE guidance), asks that each be recorded or stopped, and asks for a
    meeting about the child's support. LOG is the log kept with sendcalc sent-home add.

    Examples:

    \b
      sendcalc letter sent-home log.csv --child Sam --school 'Oak Primary'
      sendcalc letter sent-home log.csv --child Sam --format text -o letter.txt
    """
    from sendcalc.attendance.sent_home import sent_home_report
    from sendcalc.core.errors import InputError
    from sendcalc.readers.logs import read_log
    from sendcalc.render.letter_texts import sent_home_letter

    report = sent_home_report(calendar.load(), read_log(log), "stdin" if log == "-" else log)
    if not report.events:
        raise InputError(f"{report.source} holds no events; add them with: sendcalc sent-home add LOG DATE TIME")
    send(sent_home_letter(report, opts.names()), opts, report.warnings)


@app.command("part-time")
@calendar_options
@letter_options(HEAD)
@timetable_options(end="--until")
def part_time(*, timetable: Timetable, calendar: CalendarChoice, opts: LetterOptions) -> None:
    """A letter to the head teacher about a part-time timetable: its facts, each point where it falls short of the
    DfE guidance (give --agreed/--not-agreed, --review, --la-notified/--la-not-notified), and a plan back to full time.

    Examples:

    \b
      sendcalc letter part-time --from 3/11/2025 --until 19/12/2025 --attends mon-am,tue-am --not-agreed
        --la-not-notified --child Sam
    """
    from sendcalc.render.letter_texts import part_time_letter

    result, checks = timetable.assess(calendar.load())
    send(part_time_letter(result, checks, opts.names()), opts, result.warnings)


@app.command("recode")
@calendar_options
@letter_options("The Attendance Officer")
def recode(
    register: Annotated[
        str, typer.Option("--register", "-r", metavar="FILE", help="The register (CSV), as for attendance.")
    ],
    illness: Annotated[
        str, typer.Option("--illness", metavar="FILE", help="Days (or date,am|pm) you reported as illness.")
    ],
    *,
    calendar: CalendarChoice,
    opts: LetterOptions,
) -> None:
    """A request to the school to record as illness (code I) the sessions you reported as illness that the register
    codes as unauthorised absence, with what they do to the penalty-notice threshold.

    Examples:

    \b
      sendcalc letter recode --register register.csv --illness ill-days.csv --child Sam --school 'Oak Primary'
    """
    from sendcalc.attendance.illness_check import cross_check
    from sendcalc.core.errors import InputError
    from sendcalc.readers.illness import read_illness
    from sendcalc.readers.register import read_register
    from sendcalc.render.letter_texts import recode_letter

    cal = calendar.load()
    check = cross_check(cal, read_register(register, cal), read_illness(illness))
    if not check.unauthorised:
        raise InputError("none of the sessions reported as illness is coded as unauthorised absence: nothing to ask")
    send(recode_letter(check, opts.names()), opts)
