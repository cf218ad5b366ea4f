"""The shipped council calendars beyond Hertfordshire and Derbyshire: each loads, has three terms a year with one
half-term inside each, names its sources, and counts the same school days as a naive walk over the raw file."""

from __future__ import annotations

import csv
import datetime as dt
import io
import tomllib

import holidays
import pytest
from typer.testing import CliRunner

from sendcalc.calendar import builtin_names, load_calendar
from sendcalc.calendar.summary import summarise_year
from sendcalc.cli import app
from sendcalc.data import data_file

OLDER = {"hertfordshire", "derbyshire"}

# School days per year (weekdays in term, less half-terms and England bank holidays), from the review of each
# council's published dates. A change to a data file that moves any of these must be deliberate.
EXPECTED_DAYS: dict[tuple[str, str], int] = {
    ("birmingham", "2025-26"): 195,
    ("hampshire", "2025-26"): 195,
    ("lancashire", "2025-26"): 195,
    ("leeds", "2025-26"): 195,
    ("nottingham-city", "2025-26"): 195,
    ("oxfordshire", "2025-26"): 194,  # the county-wide INSET day (1 Sep 2025) is outside the listed dates
    ("oxfordshire", "2026-27"): 194,
    ("staffordshire", "2025-26"): 195,
    ("surrey", "2025-26"): 195,
    ("surrey", "2026-27"): 195,
    ("west-sussex", "2025-26"): 195,
}

EXPECTED_STATUS: dict[tuple[str, str], str] = {
    ("birmingham", "2025-26"): "published",
    ("hampshire", "2025-26"): "unverified",
    ("lancashire", "2025-26"): "published",
    ("leeds", "2025-26"): "published",
    ("nottingham-city", "2025-26"): "published",
    ("oxfordshire", "2025-26"): "published",
    ("oxfordshire", "2026-27"): "unverified",
    ("staffordshire", "2025-26"): "published",
    ("surrey", "2025-26"): "published",
    ("surrey", "2026-27"): "unverified",
    ("west-sussex", "2025-26"): "published",
}

COUNCILS = sorted({name for name, _ in EXPECTED_DAYS})


def raw_years(name: str) -> dict[str, dict]:
    """The file's years as TOML gives them, without sendcalc's loader."""
    with data_file("term_dates", f"{name}.toml").open("rb") as handle:
        return tomllib.load(handle)["years"]


def naive_school_days(year: dict, label: str) -> int:
    """Every date from each term's first to last day: a weekday, not in a break, not an England bank holiday."""
    start = int(label[:4])
    bank = holidays.UK(subdiv="ENG", years=[start, start + 1])
    count = 0
    for term in year["terms"]:
        day = term["first_day"]
        while day <= term["last_day"]:
            in_break = any(b["first_day"] <= day <= b["last_day"] for b in term["breaks"])
            if day.weekday() < 5 and not in_break and day not in bank:
                count += 1
            day += dt.timedelta(days=1)
    return count


def test_every_shipped_council_is_in_the_tables() -> None:
    assert sorted(set(builtin_names()) - OLDER) == COUNCILS
    years = {(name, label) for name in COUNCILS for label in raw_years(name)}
    assert years == set(EXPECTED_DAYS) == set(EXPECTED_STATUS)


@pytest.mark.parametrize("name", COUNCILS)
def test_council_loads_with_three_terms_and_one_half_term_in_each(name: str) -> None:
    cal = load_calendar(name)
    assert cal.labels == tuple(sorted(label for n, label in EXPECTED_DAYS if n == name))
    for year in cal.years:
        assert [t.name for t in year.terms] == ["autumn", "spring", "summer"], (name, year.label)
        for term in year.terms:
            assert len(term.breaks) == 1, (name, term.label)
            (half_term,) = term.breaks
            assert term.first_day < half_term.first_day <= half_term.last_day < term.last_day, (name, term.label)
            assert half_term.first_day.weekday() == 0 and half_term.last_day.weekday() == 4, (name, term.label)


@pytest.mark.parametrize("name", COUNCILS)
def test_council_years_say_how_sure_and_where_from(name: str) -> None:
    for year in load_calendar(name).years:
        assert year.status in ("published", "unverified"), (name, year.label)
        assert year.status == EXPECTED_STATUS[(name, year.label)]
        assert "http" in year.source, (name, year.label)


@pytest.mark.parametrize(("name", "label"), sorted(EXPECTED_DAYS))
def test_school_days_match_a_naive_count_and_the_reviewed_table(name: str, label: str) -> None:
    counted = summarise_year(load_calendar(name), label).school_days
    assert counted == naive_school_days(raw_years(name)[label], label)
    assert counted == EXPECTED_DAYS[(name, label)]
    assert 190 <= counted <= 196


def test_calendar_list_csv_names_every_council_year_and_status() -> None:
    result = CliRunner().invoke(app, ["calendar", "list", "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    listed = {(r["key"], r["school_year"]): r["status"] for r in rows if r["key"] not in OLDER}
    assert listed == EXPECTED_STATUS
