"""The calendars of a case list's rows: each shipped or file calendar loaded once, each school's INSET days derived.

A council's list names hundreds of schools, each with its own INSET days. A row's calendar is its
``calendar`` cell (or the default) with its ``inset`` cell added: derived from the loaded calendar
in a few list slices (``SchoolCalendar.with_closures``), never read from disk again, and kept in a
least-recently-used cache by count, so a list that cycles through its schools never hits a cliff.
"""

from __future__ import annotations

from collections import OrderedDict

from sendcalc.calendar.engine import SchoolCalendar
from sendcalc.calendar.files import load_calendar, parse_closure
from sendcalc.core.errors import InputError, SendcalcError

BASES = 64  # calendar files and shipped calendars kept loaded
DERIVED = 1024  # calendars with a school's INSET days kept (about 10 KB each)
DERIVED_BYTES = 12_000  # what one derived calendar holds, for the checker's memory bound


class Calendars:
    """Calendars by (calendar cell, INSET cell); a cell that cannot be used is remembered as its error."""

    def __init__(self) -> None:
        self._bases: OrderedDict[str, SchoolCalendar | SendcalcError] = OrderedDict()
        self._derived: OrderedDict[tuple[str, str], SchoolCalendar | SendcalcError] = OrderedDict()
        self.made = 0  # derived calendars built (a measure of churn)

    def get(self, spec: str, inset: str) -> SchoolCalendar:
        """The calendar ``spec`` with the INSET days in ``inset`` (separated by ; or ,), or an InputError."""
        if not inset:
            return _raise_or(self._base(spec))
        key = (spec, inset)
        found = self._derived.get(key)
        if found is None:
            found = self._derive(spec, inset)
            self._derived[key] = found
            if len(self._derived) > DERIVED:
                self._derived.popitem(last=False)
        else:
            self._derived.move_to_end(key)
        return _raise_or(found)

    def _base(self, spec: str) -> SchoolCalendar | SendcalcError:
        found = self._bases.get(spec)
        if found is None:
            try:
                found = load_calendar(spec)
            except SendcalcError as exc:
                found = InputError(f"calendar {spec!r}: {exc}")
            self._bases[spec] = found
            if len(self._bases) > BASES:
                self._bases.popitem(last=False)
        else:
            self._bases.move_to_end(spec)
        return found

    def _derive(self, spec: str, inset: str) -> SchoolCalendar | SendcalcError:
        base = self._base(spec)
        if isinstance(base, SendcalcError):
            return base
        self.made += 1
        try:
            days = (parse_closure(text, "inset") for text in inset.replace(",", ";").split(";") if text.strip())
            return base.with_closures(days)
        except SendcalcError as exc:
            return InputError(f"calendar {spec!r} with INSET {inset}: {exc}")


def _raise_or(found: SchoolCalendar | SendcalcError) -> SchoolCalendar:
    if isinstance(found, SendcalcError):
        raise found
    return found
