"""JSON and CSV text shared by every command (one output contract, sqlite-utils style)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterable, Sequence
from typing import Any

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


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


def json_text(obj: Any) -> str:
    return json.dumps(to_jsonable(obj), indent=2, ensure_ascii=False) + "\n"


def safe_cell(value: Any) -> str:
    """A CSV cell a spreadsheet will not run as a formula (a leading ' makes it text)."""
    text = "" if value is None else str(to_jsonable(value))
    return "'" + text if text.startswith(FORMULA_START) else text


def csv_text(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([safe_cell(v) for v in row] for row in rows)
    return out.getvalue()
