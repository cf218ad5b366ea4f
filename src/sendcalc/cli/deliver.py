"""How the exclusion-family commands hand a result to stdout, stderr and an optional .ics file."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import typer

from sendcalc.cli.options import warn

if TYPE_CHECKING:
    from sendcalc.core.steps import Step
    from sendcalc.render.ics import Event


def deliver(
    *,
    fmt: str,
    explain: bool,
    ics: str | None,
    ics_name: str,
    warnings: Sequence[str],
    steps: Sequence[Step],
    as_json: Callable[[], str],
    as_csv: Callable[[], str],
    as_table: Callable[[], None],
    events: Callable[[], list[Event]],
) -> None:
    """The result on stdout in the chosen format, then warnings on stderr (so a person sees them last).

    --explain adds the working after a table (JSON always carries ``steps``); --ics writes the
    dated events to a file and says so on stderr.
    """
    written = None
    if ics:
        from sendcalc.render.ics import write_ics

        written = write_ics(ics, events(), ics_name)
    if fmt == "json":
        typer.echo(as_json(), nl=False)
    elif fmt == "csv":
        typer.echo(as_csv(), nl=False)
    else:
        as_table()
        if explain:
            from sendcalc.render.steps import steps_text

            typer.echo(steps_text(steps), nl=False)
    sys.stdout.flush()
    warn(list(warnings))
    if written is not None:
        typer.echo(f"sendcalc: wrote {written} event(s) to {ics}", err=True)
