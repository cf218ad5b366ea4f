"""Day counts as integers of half days (sessions): never floats for a legal threshold."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from functools import lru_cache

from sendcalc.errors import InputError


@lru_cache(maxsize=4096)  # case lists repeat the same few values; parsing is pure
def parse_days(text: str | int | float, *, what: str = "--days", allow_zero: bool = False) -> int:
    """'1', '2.5', '0.5', 'lunchtime' or 'half' -> half days (2, 5, 1, 1, 1).

    Suspensions come in half-day steps from half a day to 45 days (2012 Regs reg 4).
    """
    raw = str(text).strip().lower()
    if raw in ("lunchtime", "lunch", "half", "half-day"):
        return 1
    try:
        value = Decimal(raw)
    except InvalidOperation:
        raise InputError(f"{what} {text!r} is not a number of days; use 1, 2.5, 0.5 or 'lunchtime'") from None
    halves = value * 2
    if not value.is_finite() or halves != halves.to_integral_value() or value < 0 or (value == 0 and not allow_zero):
        raise InputError(f"{what} {text!r} must be a positive number of days in half-day steps (0.5, 1, 1.5, ...)")
    return int(halves)


def days_text(halves: int) -> str:
    """Half days -> '5', '5.5' (the way the Regulations and parents write them)."""
    whole, half = divmod(halves, 2)
    return f"{whole}.5" if half else str(whole)


def days_number(halves: int) -> int | float:
    """Half days -> a JSON number (5 or 5.5); exact, because halves are exact in binary."""
    return halves // 2 if halves % 2 == 0 else halves / 2
