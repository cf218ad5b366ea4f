"""What every command's view offers the one output function: text for people, JSON and CSV for scripts,
the working behind it, and its dates as calendar events. Each is a pure function of a finished result."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from sendcalc.core.errors import InputError

if TYPE_CHECKING:
    from sendcalc.core.steps import Step
    from sendcalc.render.ics import Event


def _no_csv() -> str:
    raise InputError("this command writes a table or JSON, not CSV; use --format table or json")


@dataclass(frozen=True)
class View:
    """A result as each output wants it; ``text`` takes whether to use colour."""

    text: Callable[[bool], str]
    json: Callable[[], str]
    csv: Callable[[], str] = _no_csv
    steps: Callable[[], Sequence[Step]] = tuple
    events: Callable[[], list[Event]] = list
    ics_name: str = "sendcalc"


def view_of(
    *args: Any,
    text: Callable[..., str],
    json: Callable[..., str],
    csv: Callable[..., str] | None = None,
    steps: Callable[..., Sequence[Step]] | None = None,
    events: Callable[..., list[Event]] | None = None,
    ics_name: str = "sendcalc",
) -> View:
    """A view whose functions all take the same arguments (the result, and the calendar if they need it)."""
    return View(
        text=partial(text, *args),
        json=partial(json, *args),
        csv=partial(csv, *args) if csv else _no_csv,
        steps=partial(steps, *args) if steps else tuple,
        events=partial(events, *args) if events else list,
        ics_name=ics_name,
    )
