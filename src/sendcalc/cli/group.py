"""The command group every sendcalc group is built on: a mistyped command gets a suggestion.

Typer 0.29 carries its own copy of Click; earlier versions use Click itself. The one class that
both spell differently, ``UsageError``, is found here so the rest of the CLI imports it from one place.
"""

from __future__ import annotations

import difflib
from typing import Any

from typer.core import TyperArgument, TyperGroup

try:
    from typer._click.exceptions import UsageError
except ImportError:  # pragma: no cover - Typer before 0.29 uses Click
    from click.exceptions import UsageError  # type: ignore[no-redef,import-not-found,unused-ignore]

__all__ = ["Group", "ShowByDefault", "UsageError"]


class Group(TyperGroup):
    """A group whose unknown-command error names the nearest command ('did you mean exclusion?')."""

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        try:
            return super().resolve_command(ctx, args)
        except UsageError:
            name = args[0] if args else ""
            if not name or name.startswith("-") or self.get_command(ctx, name) is not None:
                raise
        known = [c for c in self.list_commands(ctx) if not getattr(self.get_command(ctx, c), "hidden", False)]
        close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
        hint = f"did you mean {close[0]!r}?" if close else f"the commands are: {', '.join(known)}"
        raise UsageError(f"no command {name!r} ({hint})", ctx)


class ShowByDefault(Group):
    """A group whose first word, when it is not a subcommand, is the file to show: `sendcalc sent-home log.csv`
    runs `sendcalc sent-home show log.csv`."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("-h", "--help"):
            args = ["show", *args]
        result: list[str] = super().parse_args(ctx, args)
        return result


def _no_type_label(self: TyperArgument, ctx: Any) -> None:
    """Arguments are listed by name alone (``LOG``, not ``LOG <str>``): every one of ours is text we parse."""
    return None


TyperArgument.display_type_rich = _no_type_label  # type: ignore[method-assign,assignment]
