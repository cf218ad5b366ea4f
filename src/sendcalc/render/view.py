"""What every command's view offers the one output function: text for people, JSON and CSV for scripts,
the working behind it, and its dates as calendar events. A view is a pure function of a finished result."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from sendcalc.core.errors import InputError

if TYPE_CHECKING:
    from sendcalc.core.steps import Step
    from sendcalc.render.ics import Event


class View:
    """A result as each output wants it; a view without CSV, working or dates says so."""

    ics_name = "sendcalc"

    def text(self, colour: bool = False) -> str:
        raise NotImplementedError

    def json(self) -> str:
        raise NotImplementedError

    def csv(self) -> str:
        raise InputError("this command writes a table or JSON, not CSV; use --format table or json")

    def steps(self) -> Sequence[Step]:
        return ()

    def events(self) -> list[Event]:
        return []


class FormatView(View):
    """A view from a render function that takes the format ('table', 'json' or 'csv')."""

    def __init__(
        self,
        render: Callable[[str], str],
        *,
        steps: Callable[[], Sequence[Step]] = lambda: (),
        events: Callable[[], list[Event]] = list,
        ics_name: str = "sendcalc",
    ) -> None:
        self._render, self._steps, self._events, self.ics_name = render, steps, events, ics_name

    def text(self, colour: bool = False) -> str:
        return self._render("table")

    def json(self) -> str:
        return self._render("json")

    def csv(self) -> str:
        return self._render("csv")

    def steps(self) -> Sequence[Step]:
        return self._steps()

    def events(self) -> list[Event]:
        return self._events()
