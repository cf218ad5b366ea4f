"""Shared fixtures: the shipped calendars, a weekdays-only calendar, and a CLI runner."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sendcalc.calendar import SchoolCalendar, load_calendar

FIXTURES = Path(__file__).parent / "fixtures"
WEEKDAYS = str(FIXTURES / "weekdays.toml")


def D(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


@pytest.fixture(scope="session")
def herts() -> SchoolCalendar:
    return load_calendar("hertfordshire")


@pytest.fixture(scope="session")
def derbys() -> SchoolCalendar:
    return load_calendar("derbyshire")


@pytest.fixture(scope="session")
def weekdays() -> SchoolCalendar:
    return load_calendar(WEEKDAYS)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()
