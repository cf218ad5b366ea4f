"""England and Wales bank holidays, read from the baked file in the package.

The run path never imports ``holidays``: it costs ~120 ms. Only a year outside the
baked range falls back to it.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from sendcalc.data import data_file


@cache
def _baked() -> tuple[range, dict[dt.date, str]]:
    years = range(0)
    table: dict[dt.date, str] = {}
    for line in data_file("bank_holidays.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("# years "):
            first, last = line[8:].split()
            years = range(int(first), int(last) + 1)
        elif line and not line.startswith("#"):
            day, _, name = line.partition(" ")
            table[dt.date.fromisoformat(day)] = name
    return years, table


def baked_years() -> range:
    """The years the shipped file covers."""
    return _baked()[0]


def bank_holidays(first_year: int, last_year: int) -> dict[dt.date, str]:
    """Weekday bank holidays in the given years (inclusive), with their names."""
    years, table = _baked()
    wanted = range(first_year, last_year + 1)
    result = {day: name for day, name in table.items() if day.year in wanted}
    missing = [year for year in wanted if year not in years]
    if missing:
        import holidays

        extra = holidays.country_holidays("GB", subdiv="ENG", years=missing)
        result.update({day: str(name) for day, name in extra.items() if day.weekday() < 5})
    return dict(sorted(result.items()))
