"""The exceptions sendcalc raises for anything a user can get wrong.

Each message says what was wrong, where, and how to fix it; the command line prints
it on one line and exits with ``exit_code`` instead of a traceback.
"""

from __future__ import annotations


class SendcalcError(Exception):
    """Base class: a problem the user can fix."""

    exit_code = 1


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
