"""The `sendcalc` command line: a thin layer that parses, calls the domain and renders.

Commands load lazily: the root group knows each command's module by name and imports it
only when that command runs (or when help lists them). Start-up therefore costs the same
however many commands there are; `sendcalc days add` pays for Typer and the days module only.
"""

from __future__ import annotations

import importlib
from typing import Any

import typer
from typer.core import TyperGroup

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
    "part-time": "sendcalc.cli.part_time_cmd",
    "check": "sendcalc.cli.check_cmd",
    "days": "sendcalc.cli.days_cmd",
    "calendar": "sendcalc.cli.calendar_cmd",
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


class _Group(TyperGroup):
    """Loads commands on demand, and turns every SendcalcError into one line on stderr and its exit code."""

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

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except SendcalcError as exc:
            hint = HINTS.get(exc.fix) if exc.fix else None
            typer.echo(f"sendcalc: error: {exc}" + (f"; {hint}" if hint else ""), err=True)
            raise typer.Exit(exc.exit_code) from None
        except BrokenPipeError:  # the reader went away (| head): end quietly, as a command killed by SIGPIPE
            _quiet_stdout()
            raise typer.Exit(141) from None


app = typer.Typer(
    cls=_Group,
    name="sendcalc",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@app.callback()
def root() -> None:
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
    app(prog_name="sendcalc")
