"""Feeds as schools really publish them: reminders, stray events, long closures, odd date forms, moved occurrences."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sendcalc.cli import app
from sendcalc.core.dates import parse_date
from sendcalc.core.errors import InputError
from tests.calendar.test_import import HOLIDAYS_ONLY, feed, vevent

HOLIDAY_TAIL = "END:VCALENDAR\r\n"


def days_of(tmp_path: Path, text: str, name: str = "f.ics") -> dict[str, int]:
    (tmp_path / name).write_text(text, encoding="utf-8")
    target = tmp_path / "out.toml"
    code, err = (
        (r := CliRunner().invoke(app, ["-q", "calendar", "import", str(tmp_path / name), "-o", str(target)])).exit_code,
        r.stderr,
    )
    assert code == 0, err
    out = CliRunner().invoke(app, ["-q", "calendar", "show", str(target), "--json"]).stdout
    return {y["school_year"]: y["school_days"] for y in json.loads(out)["years"]}


def with_events(*extra: str) -> str:
    return HOLIDAYS_ONLY.replace(HOLIDAY_TAIL, "".join(extra) + HOLIDAY_TAIL)


def test_reminders_and_a_stray_term_event_do_not_change_a_holidays_feed(tmp_path: Path) -> None:
    assert days_of(tmp_path, HOLIDAYS_ONLY) == {"2025-26": 193}
    noisy = with_events(
        vevent("Break up for half term", "20251024"),
        vevent("Pupils return after half term", "20251103"),
        vevent("Spring Term Parents Evening", "20260304"),
        vevent("Summer holidays begin", "20260722"),
    )
    assert days_of(tmp_path, noisy) == {"2025-26": 193}


def test_a_long_school_closed_event_is_a_holiday_and_keeps_the_terms(tmp_path: Path) -> None:
    text = HOLIDAYS_ONLY.replace("SUMMARY:Easter Holidays", "SUMMARY:School closed - Easter")
    assert days_of(tmp_path, text) == {"2025-26": 193}
    toml = (tmp_path / "out.toml").read_text(encoding="utf-8")
    assert '{ name = "spring", first_day = 2026-01-05, last_day = 2026-03-27' in toml


def test_a_moved_or_cancelled_occurrence_replaces_the_repeating_one(tmp_path: Path) -> None:
    rule = "RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;UNTIL=20251219T000000Z\n"
    cancelled = (
        "BEGIN:VEVENT\nUID:School day-20250903@example.org\nRECURRENCE-ID;VALUE=DATE:20251110\n"
        "DTSTART;VALUE=DATE:20251110\nSUMMARY:School day\nSTATUS:CANCELLED\nEND:VEVENT\n"
    )
    plain = days_of(tmp_path, feed(vevent("School day", "20250903", extra=rule)), "a.ics")
    one_less = days_of(tmp_path, feed(vevent("School day", "20250903", extra=rule), cancelled), "b.ics")
    assert one_less["2025-26"] == plain["2025-26"] - 1


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ("RRULE:FREQ=YEARLY;INTERVAL=0\n", "repeats more often than daily, or never moves on"),
        ("RRULE:FREQ=MINUTELY\n", "repeats more often than daily, or never moves on"),
    ],
)
def test_a_repeat_rule_that_would_never_end_is_refused(tmp_path: Path, extra: str, message: str) -> None:
    (tmp_path / "f.ics").write_text(feed(vevent("School day", "20250903", extra=extra)), encoding="utf-8")
    result = CliRunner().invoke(app, ["calendar", "import", str(tmp_path / "f.ics")])
    assert result.exit_code == 2 and message in result.stderr


def test_a_date_start_with_a_moment_end_is_read(tmp_path: Path) -> None:
    event = (
        "BEGIN:VEVENT\nUID:x\nSUMMARY:Autumn term\nDTSTART;VALUE=DATE:20250903\nDTEND:20251219T150000Z\nEND:VEVENT\n"
    )
    assert days_of(tmp_path, feed(event, vevent("Half term", "20251027", "20251101"))) == {"2025-26": 73}


def test_a_range_of_days_in_a_pasted_line_is_read_as_a_range(tmp_path: Path) -> None:
    text = "Autumn term: 3 September 2025 to 19 December 2025\nHalf term: 27-31 October 2025\n"
    assert days_of(tmp_path, text, "letter.txt") == {"2025-26": 73}


def test_the_date_parser_refuses_a_range_rather_than_reading_a_year_into_it() -> None:
    with pytest.raises(InputError, match="it looks like a range of days; give one date"):
        parse_date("27-31 October 2025", relative=False)
    assert str(parse_date("27/10/2025")) == "2025-10-27"


def test_an_inset_day_outside_every_term_is_left_out_with_a_warning(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app,
        ["calendar", "new", "-o", str(tmp_path / "o.toml"), "--term", "autumn:3/9/2025:19/12/2025",
         "--half-term", "27/10/2025:31/10/2025", "--inset", "2/9/2025", "--inset", "4/9/2025"],
    )  # fmt: skip
    assert result.exit_code == 0
    assert (
        "sendcalc: warning: left out 1 INSET or closure day(s) outside every term (02/09/2025): a day off is only "
        "counted inside a term; check the term dates\n"
    ) in result.stderr
    assert "inset_days = [2025-09-04]" in (tmp_path / "o.toml").read_text(encoding="utf-8")
