"""The `sendcalc` command line: a thin layer that parses, calls the domain and renders.

Commands load lazily: the root group knows each command's module by name and imports it
only when that command runs (or when help lists them). Start-up therefore costs the same
however many commands there are; `sendcalc days add` pays for Typer and the days module only.
"""

from __future__ import annotations

import importlib
from typing import Annotated, Any, NoReturn

import typer

from sendcalc.cli.group import Group, UsageError
from sendcalc.cli.output import closed_streams, quiet_root, write_failure
from sendcalc.core.errors import SendcalcError

# command name -> module holding a Typer ``app`` (one command, or a group of them)
COMMANDS: dict[str, str] = {
    "exclusion": "sendcalc.cli.exclusion_cmd",
    "permanent": "sendcalc.cli.permanent_cmd",
    "review": "sendcalc.cli.review_cmd",
    "totals": "sendcalc.cli.totals_cmd",
    "absence": "sendcalc.cli.absence_cmd",
    "attendance": "sendcalc.cli.attendance_cmd",
    "sent-home": "sendcalc.cli.sent_home_cmd",
    "record": "sendcalc.cli.record_cmd",
    "part-time": "sendcalc.cli.part_time_cmd",
    "check": "sendcalc.cli.check_cmd",
    "days": "sendcalc.cli.days_cmd",
    "calendar": "sendcalc.cli.calendar_cmd",
    "contacts": "sendcalc.cli.contacts_cmd",
    "letter": "sendcalc.cli.letter_cmd",
    "guide": "sendcalc.cli.guide_cmd",
}
# other names people use for a command; they work but are not listed in help
ALIASES: dict[str, str] = {"suspension": "exclusion", "fixed-term": "exclusion"}
# what to do about an error, in command-line words (the domain says what is wrong; see core/errors.py)
HINTS: dict[str, str] = {
    "school-year": "add that year in a school calendar file and pass it with --calendar FILE "
    "(see: sendcalc guide calendars)",
    "school-day": "give the date of a school day, or the school's own dates with --inset, --closure or --calendar FILE",
}


def _quiet_stdout() -> None:
    """Point stdout at the null device, so Python's own flush at exit cannot complain about the broken pipe."""
    import os
    import sys

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


class _Group(Group):
    """Loads commands on demand, and turns every error into one line on stderr and its exit code.

    A SendcalcError exits with its own code (2 for input, 3 for a calendar file); a usage error (an
    unknown option, a bad choice) is one line and exit 2, like any other input error.
    """

    def list_commands(self, ctx: Any) -> list[str]:
        return [*super().list_commands(ctx), *COMMANDS]

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        found = super().get_command(ctx, cmd_name)
        target = ALIASES.get(cmd_name, cmd_name)
        if found is not None or target not in COMMANDS:
            return found
        command = typer.main.get_command(importlib.import_module(COMMANDS[target]).app)
        command.name = cmd_name
        command.hidden = cmd_name in ALIASES
        return command

    def make_context(self, info_name: str | None, args: list[str], parent: Any = None, **extra: Any) -> Any:
        try:
            return super().make_context(info_name, args, parent, **extra)
        except UsageError as exc:
            _usage_error(exc)
        except BrokenPipeError:
            _quiet_stdout()
            raise typer.Exit(141) from None
        except OSError as exc:  # --help or --version written to a full disk or a closed stdout
            _error(write_failure(exc))

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except SendcalcError as exc:
            _error(exc)
        except UsageError as exc:
            _usage_error(exc)
        except BrokenPipeError:  # the reader went away (| head): end quietly, as a command killed by SIGPIPE
            _quiet_stdout()
            raise typer.Exit(141) from None
        except OSError as exc:  # a subcommand's --help written to a full disk or a closed stdout
            _error(write_failure(exc))


def _error(exc: SendcalcError) -> NoReturn:
    """The error as one line on stderr, with what to do about it, and its exit code."""
    hint = HINTS.get(exc.fix) if exc.fix else None
    typer.echo(f"sendcalc: error: {exc}" + (f"; {hint}" if hint else ""), err=True)
    raise typer.Exit(exc.exit_code) from None


def _usage_error(exc: UsageError) -> NoReturn:
    """A usage error as one line, naming the command and where its help is (Click prints three lines).

    A command run with no arguments shows its help instead, as it always has.
    """
    if type(exc).__name__ == "NoArgsIsHelpError":
        raise exc
    message = exc.format_message().replace("Value error, ", "").rstrip(".")
    where = exc.ctx.command_path if exc.ctx is not None else "sendcalc"
    typer.echo(f"sendcalc: error: {message[:1].lower()}{message[1:]}; see {where} -h", err=True)
    raise typer.Exit(2) from None


app = typer.Typer(
    cls=_Group,
    name="sendcalc",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        typer.echo(f"sendcalc {version('sendcalc')}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", callback=quiet_root, help="No warnings or notes; errors still shown.")
    ] = False,
) -> None:
    """School-day dates for suspensions, exclusions, health absence and attendance in England,
    counted on the child's real school calendar.

    Every date is counted on a school calendar: the shipped Hertfordshire one unless you pass
    --calendar (or set SENDCALC_CALENDAR); add your school's INSET days with --inset.
    Every option, file format and JSON key: sendcalc guide.

    Examples:

    \b
      sendcalc exclusion --picked-up 11:00 --on 2025-11-18
      sendcalc days add 18/12/2025 3
    """


def main() -> None:
    """Console-script entry point."""
    closed_streams()
    app(prog_name="sendcalc")
