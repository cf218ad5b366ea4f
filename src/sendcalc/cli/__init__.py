"""The `sendcalc` command line: a thin layer that parses, calls the domain and renders.

Only Typer is imported at start-up; each command imports its domain and renderer
when it runs, so `sendcalc days add` does not pay for Rich tables or TOML it never uses.
"""

from __future__ import annotations

from typing import Any

import typer
from typer.core import TyperGroup

from sendcalc.cli import calendar_cmd, days_cmd
from sendcalc.errors import SendcalcError


class _Group(TyperGroup):
    """Turns every SendcalcError into one line on stderr and its exit code: no tracebacks."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except SendcalcError as exc:
            typer.echo(f"sendcalc: error: {exc}", err=True)
            raise typer.Exit(exc.exit_code) from None


app = typer.Typer(
    cls=_Group,
    name="sendcalc",
    help=(
        "School-day dates for suspensions, exclusions, health absence and attendance in England, "
        "counted on the child's real school calendar.\n\n"
        "Example: sendcalc days add 18/12/2025 3"
    ),
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(calendar_cmd.app, name="calendar")
app.add_typer(days_cmd.app, name="days")


def main() -> None:
    """Console-script entry point."""
    app(prog_name="sendcalc")
