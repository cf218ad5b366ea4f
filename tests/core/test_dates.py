"""Reading dates and times the way UK users type them."""

from __future__ import annotations

import datetime as dt

import pytest

from sendcalc.core.dates import in_words, parse_date, parse_time
from sendcalc.core.errors import InputError
from tests.conftest import D

TODAY = D("2025-11-20")  # a Thursday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-11-18", "2025-11-18"),
        ("18/11/2025", "2025-11-18"),  # day first
        ("01/02/2026", "2026-02-01"),  # 1 February, not 2 January
        ("18.11.25", "2025-11-18"),
        ("18 Nov 2025", "2025-11-18"),
        ("18 November 2025", "2025-11-18"),
        ("Tuesday 18 November 2025", "2025-11-18"),
        ("today", "2025-11-20"),
        ("yesterday", "2025-11-19"),
        ("tue", "2025-11-18"),  # the most recent Tuesday
        ("Thursday", "2025-11-20"),  # today counts
        ("fri", "2025-11-14"),
    ],
)
def test_parse_date(text: str, expected: str) -> None:
    assert parse_date(text, today=TODAY) == D(expected)


@pytest.mark.parametrize("text", ["31/02/2026", "2025-02-30", "next blursday", "", "13/13/2025"])
def test_bad_dates_are_one_line_errors(text: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_date(text, today=TODAY)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("11:00", dt.time(11)),
        ("11.30", dt.time(11, 30)),
        ("9", dt.time(9)),
        ("2pm", dt.time(14)),
        ("2:30pm", dt.time(14, 30)),
        ("12pm", dt.time(12)),
        ("12am", dt.time(0)),
        ("00:00", dt.time(0)),
        ("23:59", dt.time(23, 59)),
    ],
)
def test_parse_time(text: str, expected: dt.time) -> None:
    assert parse_time(text) == expected


@pytest.mark.parametrize("text", ["24:00", "11:60", "13pm", "noonish", "-1:00", ""])
def test_bad_times(text: str) -> None:
    with pytest.raises(InputError, match="between 00:00 and 23:59"):
        parse_time(text)


def test_dates_echo_in_words() -> None:
    assert in_words(D("2025-11-18")) == "Tuesday 18 November 2025"
    assert in_words(D("2026-01-05")) == "Monday 5 January 2026"


def test_one_parser_reads_what_files_hold_and_refuses_relative_words() -> None:
    from sendcalc.core.dates import parse_record_date

    for text in ("2025-11-18", "18/11/2025", "18 Nov 2025", "Tuesday 18 November 2025", "2025-11-18 00:00:00",
                 "18/11/2025 00:00", "18.11.25"):  # fmt: skip
        assert parse_record_date(text, "date") == dt.date(2025, 11, 18), text
    for text, message in (
        ("today", "a date in a file is written out"),
        ("tue", "a date in a file is written out"),
        ("18 Nov", "it needs the year"),
        ("2025-11-18 09:30", "it looks like a time"),
        ("31/09/2025", "is not a real date"),
    ):
        with pytest.raises(InputError, match=message):
            parse_record_date(text, "cases.csv, row 2")
