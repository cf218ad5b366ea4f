"""JSON and CSV text shared by every command (one output contract, sqlite-utils style)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from sendcalc.core.safe_text import visible_controls

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
SCHEMA_VERSION = 1
"""The version of every JSON output's shape, its first key: it goes up when a key changes meaning or type."""


def to_jsonable(value: Any) -> Any:
    """Dates as ISO 8601, moments as YYYY-MM-DDTHH:MM, tuples as lists."""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%dT%H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_jsonable(v) for v in value]
    return value


def pick(obj: Any, *names: str | tuple[str, str]) -> dict[str, Any]:
    """Attributes of ``obj`` as JSON keys, in order; a (key, attribute) pair gives an attribute another key."""
    return {n if isinstance(n, str) else n[0]: getattr(obj, n if isinstance(n, str) else n[1]) for n in names}


def json_text(obj: Any) -> str:
    """A command's JSON document: an object whose first key is ``schema_version``."""
    import json  # only JSON output pays for it

    if not isinstance(obj, dict):
        raise TypeError("a JSON output is an object, so that it can carry its schema_version")
    obj = {"schema_version": SCHEMA_VERSION, **obj}
    return json.dumps(to_jsonable(obj), indent=2, ensure_ascii=False) + "\n"


def safe_cell(value: Any) -> str:
    """A CSV cell a spreadsheet will not run as a formula (a leading ' makes it text), and that shows a
    control character (a terminal escape sequence) as ``\\x1b`` rather than sending it; line breaks and
    tabs are kept, quoted as CSV quotes them."""
    text = "" if value is None else str(to_jsonable(value))
    text = visible_controls(text)
    return "'" + text if text.startswith(FORMULA_START) else text


def csv_cell(text: str) -> str:
    """One CSV cell, quoted when it holds a comma, a quote or a line break (csv.writer's QUOTE_MINIMAL, which
    leaves a bare carriage return unquoted; quoting it too means every reader reads the cell back whole)."""
    if '"' in text or "," in text or "\n" in text or "\r" in text:
        return '"' + text.replace('"', '""') + '"'
    return text


def csv_line(cells: Sequence[str]) -> str:
    """One row as a line of CSV text: the one CSV writer every command uses."""
    return ",".join(csv_cell(c) for c in cells) + "\n"


def after_id(cells: Sequence[str]) -> str:
    """The end of a case-list output line after its case_id: each cell after a comma, then the line end."""
    return "," + csv_line(cells)


def csv_text(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """A whole CSV document, every cell made safe from spreadsheet formulas."""
    return csv_line(list(header)) + "".join(csv_line([safe_cell(v) for v in row]) for row in rows)
