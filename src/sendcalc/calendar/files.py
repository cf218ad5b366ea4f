"""Loading and validating calendar files (TOML), shipped or the user's own.

Two shapes share one format (sendcalc guide calendars): an LA file with ``years`` and their
terms, and a school file with ``based_on`` plus its INSET days, occasional days and
closures (or its own ``years`` entirely). Every problem becomes a one-line
CalendarDataError naming the file, the line and the entry.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

from sendcalc.calendar.bank_holidays import bank_holidays
from sendcalc.calendar.engine import SchoolCalendar
from sendcalc.calendar.model import (
    STATUSES,
    Break,
    Closure,
    ClosureKind,
    SchoolTimes,
    SchoolYear,
    Session,
    Term,
    school_year_bounds,
)
from sendcalc.calendar.names import named
from sendcalc.core.errors import CalendarDataError, InputError
from sendcalc.core.safe_text import first_control

TOP_KEYS = {"name", "area", "applies_to", "notes", "based_on", "times", "years"} | {
    "inset_days",
    "occasional_days",
    "closures",
}
YEAR_KEYS = {"status", "source", "notes", "terms", "inset_days", "occasional_days", "closures"}
TERM_KEYS = {"name", "first_day", "last_day", "breaks"}
BREAK_KEYS = {"name", "first_day", "last_day"}
TIME_KEYS = {"day_starts", "morning_ends", "afternoon_starts", "day_ends"}
CLOSURE_KEYS = {"date", "session", "reason"}
_LABEL = re.compile(r"^(\d{4})-(\d{2})$")
_CLOSURE_LISTS: dict[str, ClosureKind] = {
    "inset_days": "inset",
    "occasional_days": "occasional",
    "closures": "closure",
}


@dataclass(frozen=True)
class CalendarInfo:
    """What a calendar file says about itself, for `calendar list` and `calendar show`."""

    key: str
    name: str
    area: str
    applies_to: str
    notes: str
    origin: str


def load_calendar(spec: str | Path) -> SchoolCalendar:
    """Load a shipped calendar by name ('hertfordshire') or a calendar file by path."""
    return _Loader().load(spec)[0]


def load_calendar_with_info(spec: str | Path) -> tuple[SchoolCalendar, CalendarInfo]:
    return _Loader().load(spec)


def parse_calendar(text: str, shown: str, folder: Path | None = None) -> SchoolCalendar:
    """A calendar from the text of a file not yet written (`calendar import` checks what it will write);
    ``based_on`` paths are read relative to ``folder``."""
    return _FileReader(_Loader(), text, shown, "new", (folder or Path.cwd()) / shown).build()[0]


def parse_closure(text: str, kind: ClosureKind = "closure") -> Closure:
    """Read 'DATE', 'DATE:am' or 'DATE:pm' (the --closure option and closure strings in files)."""
    from sendcalc.core.dates import parse_date

    raw = text.strip()
    session: Session | None = None
    head, sep, tail = raw.rpartition(":")
    if sep and tail.strip().lower() in ("am", "pm"):
        raw, session = head, "am" if tail.strip().lower() == "am" else "pm"
    return Closure(day=parse_date(raw, what="closure date"), kind=kind, session=session)


class _Loader:
    """One load, following ``based_on`` chains and refusing cycles."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def load(self, spec: str | Path, relative_to: Path | None = None) -> tuple[SchoolCalendar, CalendarInfo]:
        path, key, shown = self._resolve(spec, relative_to)
        if str(path) in self.seen:
            raise CalendarDataError(f"{shown}: based_on makes a loop ({' -> '.join([*self.seen, str(path)])})")
        self.seen.append(str(path))
        text = self._read(path, shown)
        return _FileReader(self, text, shown, key, path).build()

    def _resolve(self, spec: str | Path, relative_to: Path | None) -> tuple[Any, str, str]:
        text = str(spec)
        if text == "-":  # a calendar file on stdin (`calendar check -`)
            return Path("-"), "stdin", "stdin"
        looks_like_path = isinstance(spec, Path) or "/" in text or "\\" in text or text.endswith(".toml")
        if not looks_like_path and (found := named(text)) is not None:
            return found
        path = Path(text)
        if relative_to is not None and not path.is_absolute():
            path = relative_to / path
        if not path.exists():
            raise InputError(f"calendar file {text!r} does not exist; check the path or use a shipped calendar name")
        return path, path.stem.lower(), str(spec)

    @staticmethod
    def _read(path: Any, shown: str) -> str:
        if isinstance(path, Path):  # the user's own file: read as every file is (readers/text.py)
            from sendcalc.readers.text import read_text

            return read_text(path, "calendar file")
        try:
            text: str = path.read_text(encoding="utf-8")  # a calendar shipped in the package
        except (OSError, UnicodeDecodeError) as exc:  # pragma: no cover - the wheel is broken
            raise CalendarDataError(f"{shown}: cannot read the file ({exc})") from None
        return text


class _FileReader:
    """Validates one parsed file and turns it into a SchoolCalendar."""

    def __init__(self, loader: _Loader, text: str, shown: str, key: str, path: Any) -> None:
        self.loader, self.text, self.shown, self.key, self.path = loader, text, shown, key, path
        self.lines = text.splitlines()

    # -- error helpers ----------------------------------------------------------------------------

    def fail(self, entry: str, reason: str, *needles: str) -> CalendarDataError:
        line = self._line_of(*needles) if needles else None
        where = f"{self.shown}, line {line}" if line else self.shown
        return CalendarDataError(f"{where}: {entry}: {reason}")

    def _line_of(self, *needles: str) -> int | None:
        for number, line in enumerate(self.lines, start=1):
            code = line.split("#", 1)[0]
            if all(n in code for n in needles):
                return number
        return None

    # -- building ---------------------------------------------------------------------------------

    def build(self) -> tuple[SchoolCalendar, CalendarInfo]:
        import tomllib

        try:
            doc = tomllib.loads(self.text)
        except tomllib.TOMLDecodeError as exc:
            raise CalendarDataError(f"{self.shown}: not valid TOML: {exc}; see: sendcalc guide calendars") from None
        self._check_keys(doc, TOP_KEYS, "top level")
        base: SchoolCalendar | None = None
        base_info: CalendarInfo | None = None
        if "based_on" in doc:
            relative = self.path.parent if isinstance(self.path, Path) else None
            base, base_info = self.loader.load(self._str(doc["based_on"], "based_on"), relative)
        elif "years" not in doc:
            raise self.fail("top level", 'a calendar file needs either based_on = "NAME" or its own [years] tables')

        times = self._times(doc.get("times", {}), base.times if base else SchoolTimes())
        years = {y.label: y for y in base.years} if base else {}
        closures: list[tuple[Closure, str]] = []
        if base:
            closures = [
                (c, f"closure {c.day.isoformat()} (from {base_info.key if base_info else 'base'})")
                for c in base.closures
            ]
        raw_years = doc.get("years", {})
        if not isinstance(raw_years, dict):
            raise self.fail("years", 'must be a table of school years such as [years."2025-26"]', "years")
        for label, raw in raw_years.items():
            years[label] = self._year(label, raw, years.get(label))
        closures += self._closures(doc, "")
        for label, raw in raw_years.items():
            closures += self._closures(raw, f"years.{label}.")
        self._check_no_overlap(list(years.values()))

        holidays = bank_holidays(int(min(years)[:4]), int(max(years)[:4]) + 2) if years else {}
        calendar = SchoolCalendar(
            name=self._str(doc.get("name", base.name if base else self.key), "name"),
            years=tuple(years.values()),
            bank_holidays=holidays,
            times=times,
            key=self.key,
        )
        seen: dict[tuple[dt.date, str | None], str] = {}
        for closure, entry in closures:
            problem = calendar.closure_problem(closure)
            iso = closure.day.isoformat()
            if problem:
                raise self.fail(entry, f"{closure.day:%A} {iso} cannot be {closure.describe()}: {problem}", iso)
            for slot in {closure.session, None} if closure.session else {None, "am", "pm"}:
                if (closure.day, slot) in seen:
                    raise self.fail(entry, f"{iso} is already listed as {seen[(closure.day, slot)]}", iso)
            seen[(closure.day, closure.session)] = entry
        calendar = SchoolCalendar(
            name=calendar.name,
            years=calendar.years,
            bank_holidays=holidays,
            closures=tuple(c for c, _ in closures),
            times=times,
            key=self.key,
        )
        info = CalendarInfo(
            key=self.key,
            name=calendar.name,
            area=self._str(doc.get("area", base_info.area if base_info else ""), "area"),
            applies_to=self._str(doc.get("applies_to", base_info.applies_to if base_info else ""), "applies_to"),
            notes=self._str(doc.get("notes", ""), "notes"),
            origin=self.shown,
        )
        return calendar, info

    def _check_keys(self, table: Any, allowed: set[str], entry: str) -> None:
        if not isinstance(table, dict):
            raise self.fail(entry, "must be a table")
        for key in table:
            if key not in allowed:
                raise self.fail(entry, f"unknown key {key!r}; allowed keys are {', '.join(sorted(allowed))}", key)

    def _str(self, value: Any, entry: str) -> str:
        if not isinstance(value, str):
            raise self.fail(entry, f"must be text in quotes, not {value!r}", entry)
        bad = first_control(value)
        if bad is not None:
            raise self.fail(
                entry, f"holds the control character U+{ord(bad):04X}; write it on one line, in plain characters", entry
            )
        return value

    def _date(self, value: Any, entry: str) -> dt.date:
        if isinstance(value, dt.datetime | dt.time):
            raise self.fail(entry, f"{value} has a time in it; write a plain date such as 2025-09-03", str(value)[:10])
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                raise self.fail(entry, f"{value!r} is not a date; write it as 2025-09-03", value) from None
        raise self.fail(entry, f"{value!r} is not a date; write it as 2025-09-03")

    def _times(self, raw: Any, base: SchoolTimes) -> SchoolTimes:
        from sendcalc.core.dates import parse_time

        self._check_keys(raw, TIME_KEYS, "times")
        values: dict[str, Any] = {
            "day_starts": base.day_starts,
            "afternoon_starts": base.afternoon_starts,
            "day_ends": base.day_ends,
            "morning_ends": base.morning_ends,
        }
        for key, value in raw.items():
            if isinstance(value, dt.time):
                values[key] = value
            else:
                try:
                    values[key] = parse_time(self._str(value, f"times.{key}"), what=f"times.{key}")
                except InputError as exc:
                    raise self.fail(f"times.{key}", str(exc), key) from None
        times = SchoolTimes(**values)
        if not times.day_starts < times.afternoon_starts < times.day_ends:
            raise self.fail(
                "times", "day_starts must be before afternoon_starts, which must be before day_ends", "times"
            )
        if times.morning_ends is not None and not times.day_starts < times.morning_ends < times.afternoon_starts:
            raise self.fail(
                "times.morning_ends",
                "the midday break must begin after day_starts and before afternoon_starts",
                "morning_ends",
            )
        return times

    def _year(self, label: str, raw: Any, base: SchoolYear | None) -> SchoolYear:
        entry = f"years.{label}"
        match = _LABEL.match(label)
        if not match or (int(match.group(1)) + 1) % 100 != int(match.group(2)):
            raise self.fail(entry, 'a school year is written like "2025-26" (two consecutive years)', label)
        self._check_keys(raw, YEAR_KEYS, entry)
        status = raw.get("status", base.status if base else "unverified")
        if status not in STATUSES:
            raise self.fail(f"{entry}.status", f"{status!r} is not one of {', '.join(STATUSES)}", "status")
        if "terms" in raw:
            terms = self._terms(label, raw["terms"])
        elif base is not None:
            terms = base.terms
        else:
            raise self.fail(entry, "has no terms; list them as terms = [{ name = ..., first_day = ..., ... }]", label)
        return SchoolYear(
            label=label,
            status=status,
            source=self._str(raw.get("source", base.source if base else str(self.shown)), f"{entry}.source"),
            terms=terms,
            notes=self._str(raw.get("notes", base.notes if base else ""), f"{entry}.notes"),
        )

    def _terms(self, label: str, raw: Any) -> tuple[Term, ...]:
        if not isinstance(raw, list) or not raw:
            raise self.fail(f"years.{label}.terms", "must be a list of terms", "terms")
        first_allowed, last_allowed = school_year_bounds(label)
        terms = []
        for n, item in enumerate(raw, start=1):
            entry = f"years.{label}.terms[{n}]"
            self._check_keys(item, TERM_KEYS, entry)
            for needed in ("name", "first_day", "last_day"):
                if needed not in item:
                    raise self.fail(entry, f"is missing {needed}")
            name = self._str(item["name"], f"{entry}.name")
            entry = f"{entry} ({name})"
            first, last = self._date(item["first_day"], entry), self._date(item["last_day"], entry)
            if last < first:
                raise self.fail(entry, f"last_day {last} is before first_day {first}", str(last))
            if first < first_allowed or last > last_allowed:
                raise self.fail(
                    entry,
                    f"{first} to {last} is not inside school year {label} ({first_allowed} to {last_allowed})",
                    str(first),
                )
            breaks: list[Break] = []
            for item_break in item.get("breaks", []):
                self._check_keys(item_break, BREAK_KEYS, f"{entry} break")
                b_name = self._str(item_break.get("name", "half-term"), f"{entry} break name")
                b_first = self._date(item_break.get("first_day"), f"{entry} {b_name}")
                b_last = self._date(item_break.get("last_day"), f"{entry} {b_name}")
                if b_last < b_first or b_first <= first or b_last >= last:
                    raise self.fail(
                        f"{entry} {b_name}",
                        f"{b_first} to {b_last} must run forwards and lie inside the term ({first} to {last})",
                        str(b_first),
                    )
                if breaks and b_first <= breaks[-1].last_day:
                    raise self.fail(f"{entry} {b_name}", f"{b_first} overlaps the break before it", str(b_first))
                breaks.append(Break(b_name, b_first, b_last))
            terms.append(Term(name=name, school_year=label, first_day=first, last_day=last, breaks=tuple(breaks)))
        return tuple(terms)

    def _check_no_overlap(self, years: list[SchoolYear]) -> None:
        terms = sorted((t for y in years for t in y.terms), key=lambda t: t.first_day)
        for before, after in pairwise(terms):
            if after.first_day <= before.last_day:
                raise self.fail(
                    f"years.{after.school_year} term {after.name}",
                    f"starts on {after.first_day}, before the {before.name} term ends on {before.last_day}",
                    str(after.first_day),
                )

    def _closures(self, table: Any, prefix: str) -> list[tuple[Closure, str]]:
        found: list[tuple[Closure, str]] = []
        if not isinstance(table, dict):
            return found
        for key, kind in _CLOSURE_LISTS.items():
            items = table.get(key, [])
            if not isinstance(items, list):
                raise self.fail(f"{prefix}{key}", "must be a list, such as [2025-09-03, 2025-11-03]", key)
            for n, item in enumerate(items, start=1):
                entry = f"{prefix}{key}[{n}]"
                found.append((self._closure(item, kind, entry), entry))
        return found

    def _closure(self, item: Any, kind: ClosureKind, entry: str) -> Closure:
        if isinstance(item, dict):
            self._check_keys(item, CLOSURE_KEYS, entry)
            if "date" not in item:
                raise self.fail(entry, "is missing date")
            session = item.get("session")
            if session not in (None, "am", "pm"):
                raise self.fail(entry, f'session must be "am" or "pm", not {session!r}', "session")
            return Closure(
                day=self._date(item["date"], entry),
                kind=kind,
                session=session,
                reason=self._str(item.get("reason", ""), f"{entry}.reason"),
            )
        if isinstance(item, str):
            try:
                return parse_closure(item, kind)
            except InputError as exc:
                raise self.fail(entry, str(exc), item) from None
        return Closure(day=self._date(item, entry), kind=kind)
