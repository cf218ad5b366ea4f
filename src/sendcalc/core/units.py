"""Day counts as integers of half days (sessions): never floats for a legal threshold."""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from sendcalc.core.errors import InputError

_NUMBER = re.compile(r"^(\d+(\.\d*)?|\.\d+)$")
LUNCHTIME_WORDS = frozenset({"lunchtime", "lunch", "lunchtime suspension", "lunch-time"})


def is_lunchtime(text: str) -> bool:
    """Whether a length or kind names a lunchtime suspension (its own kind, not 0.5 of a day)."""
    return " ".join(text.strip().lower().split()) in LUNCHTIME_WORDS


@lru_cache(maxsize=4096)  # case lists repeat the same few values; parsing is pure
def parse_days(text: str | int | float, *, what: str = "--days", allow_zero: bool = False) -> int:
    """'1', '2.5', '0.5' or 'half' -> half days (2, 5, 1, 1).

    Suspensions come in half-day steps from half a day to 45 days (2012 Regs reg 4). A
    lunchtime suspension is its own kind (see :func:`is_lunchtime`), not a length.
    """
    raw = str(text).strip().lower()
    if raw in ("half", "half-day", "half a day"):
        return 1
    if not _NUMBER.match(raw):
        hint = " (a lunchtime counts as 0.5)" if is_lunchtime(raw) else ""
        raise InputError(f"{what} {text!r} is not a number of days; use 1, 2.5 or 0.5{hint}")
    value = Decimal(raw)
    halves = value * 2
    if not value.is_finite() or halves != halves.to_integral_value() or value < 0 or (value == 0 and not allow_zero):
        raise InputError(f"{what} {text!r} must be a positive number of days in half-day steps (0.5, 1, 1.5, ...)")
    return int(halves)


_COUNT = re.compile(r"^\d+$")


def parse_count(text: str, *, what: str, unit: str = "school days") -> int:
    """A whole number of school days (or sessions), 0 or more: '3' -> 3 (no signs, underscores or exponents)."""
    raw = text.strip()
    if not _COUNT.match(raw) or len(raw) > 6:
        raise InputError(f"{what} {text!r} is not a whole number of {unit}; give 0, 1, 2 ... (up to 999999)")
    return int(raw)


def days_text(halves: int) -> str:
    """Half days -> '5', '5.5' (the way the Regulations and parents write them)."""
    whole, half = divmod(halves, 2)
    return f"{whole}.5" if half else str(whole)


def days_number(halves: int) -> int | float:
    """Half days -> a JSON number (5 or 5.5); exact, because halves are exact in binary."""
    return halves // 2 if halves % 2 == 0 else halves / 2


def days_words(halves: int) -> str:
    """Half days in words for sentences: '1 day', '0.5 day', '2.5 days'."""
    return f"{days_text(halves)} day" + ("" if halves <= 2 else "s")
