"""The exceptions sendcalc raises for anything a user can get wrong.

Each message says, in domain words, what was wrong and where; it names no command-line option or
file column, because the same rule serves the command line, case lists and the Python API. ``fix``
names what would fix it (``"school-year"``: a calendar with that year), and each caller adds its own hint
("add --calendar FILE", "see the calendar column"). ``fields`` carry the values for scripts. The
command line prints the message on one line and exits with ``exit_code`` instead of a traceback.
"""

from __future__ import annotations

from typing import Any, Literal, Self

Fix = Literal["school-year", "school-day"]
"""What would fix an error. ``school-year``: a calendar with that school year's term dates. ``school-day``:
the date of a school day, or the school's own calendar (its INSET days and closures, or its own file)."""


class SendcalcError(Exception):
    """Base class: a problem the user can fix."""

    exit_code = 1

    def __init__(self, message: str, *, fix: Fix | None = None, **fields: Any) -> None:
        super().__init__(message)
        self.message = message
        self.fix = fix
        self.fields = fields

    def __str__(self) -> str:
        return self.message

    def within(self, where: str) -> Self:
        """The same error, its message prefixed with where it happened ('history.csv row 2')."""
        return type(self)(f"{where}: {self.message}", fix=self.fix, **self.fields)


class InputError(SendcalcError):
    """A value typed on the command line (or in a row) cannot be used."""

    exit_code = 2


class NotASchoolDayError(InputError):
    """A date that must be a school day is not one (the message says what kind of day it is)."""


class CalendarDataError(SendcalcError):
    """A calendar file is malformed or inconsistent."""

    exit_code = 3


class OutOfRangeError(SendcalcError):
    """A date falls outside the school years the calendar has data for."""

    exit_code = 4
