"""Sent home without a formal exclusion: equivalent days, totals, and the 5 / 15 / 45 crossings (rules.md §6)."""

from __future__ import annotations

import datetime as dt

import pytest

from sendcalc.attendance.explain import sent_home_steps
from sendcalc.attendance.sent_home import RawEvent, sent_home_report
from sendcalc.calendar import Closure, SchoolCalendar
from sendcalc.core.errors import InputError
from sendcalc.readers.logs import log_line, parse_when, read_log_lines
from sendcalc.render.sent_home_view import render_markdown
from tests.conftest import D


def report(cal: SchoolCalendar, rows: list[str]):  # type: ignore[no-untyped-def]
    return sent_home_report(cal, read_log_lines(["date,time,note\n", *rows], "log.csv"), "log.csv")


@pytest.mark.parametrize(
    ("when", "halves", "sessions"),
    [
        ("09:30", 1, ("pm",)),  # sent home in the morning: counts the afternoon (convention)
        ("12:59", 1, ("pm",)),
        ("13:00", 1, ("pm",)),  # afternoon session has begun: still half a day (convention)
        ("15:14", 1, ("pm",)),
        ("all day", 2, ("am", "pm")),
        ("morning", 1, ("am",)),
        ("lunchtime", 1, ("pm",)),
    ],
)
def test_equivalent_exclusion(herts: SchoolCalendar, when: str, halves: int, sessions: tuple[str, ...]) -> None:
    r = report(herts, [f"2025-11-18,{when},x\n"])
    (event,) = r.events
    assert event.halves == halves
    assert event.sessions == sessions


def test_afternoon_convention_is_stated_when_it_applies(herts: SchoolCalendar) -> None:
    r = report(herts, ["2025-11-18,14:10,after PE\n"])
    step = next(s for s in sent_home_steps(herts, r) if "after the afternoon session has begun" in s.rule)
    assert step.convention is True
    assert step.result == "applies to: Tuesday 18 November 2025 at 14:10"


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("2025-11-18,08:00,x", "log.csv, row 2: 08:00 is before the school day starts (08:45)"),
        ("2025-11-18,15:15,x", "log.csv, row 2: 15:15 is at or after the end of the school day (15:15)"),
        ("2025-11-22,all day,x", "log.csv, row 2: Saturday 22 November 2025 is not a school day"),
        ("2025-10-29,11:00,x", "log.csv, row 2: Wednesday 29 October 2025 is not a school day"),
        ("2025-11-18,soon,x", "log.csv, row 2: 'soon' is not a time"),
        ("tuesday,11:00,x", "log.csv, row 2: write the date itself (18/11/2025), not 'tuesday'"),
        ("2025-11-18", "log.csv, row 2: needs a date and a time"),
    ],
)
def test_log_errors_name_the_row(herts: SchoolCalendar, row: str, message: str) -> None:
    with pytest.raises(InputError) as err:
        report(herts, [row + "\n"])
    assert str(err.value).startswith(message)


def test_two_rows_for_the_same_afternoon_are_an_error(herts: SchoolCalendar) -> None:
    with pytest.raises(InputError) as err:
        report(herts, ["2025-11-18,11:00,a\n", "2025-11-18,all day,b\n"])
    assert str(err.value).startswith("log.csv: rows 2 and 3 both cover the afternoon of Tuesday 18 November 2025")


def test_morning_and_afternoon_rows_add_to_a_day(herts: SchoolCalendar) -> None:
    r = report(herts, ["2025-11-18,morning,a\n", "2025-11-18,14:00,b\n"])
    assert [e.halves for e in r.events] == [1, 1]
    assert r.terms[0].halves == 2


def test_closed_afternoon_cannot_count(herts: SchoolCalendar) -> None:
    cal = herts.with_closures([Closure(D("2025-11-18"), "closure", "pm")])
    with pytest.raises(InputError, match="the afternoon session of Tuesday 18 November 2025 was not held"):
        report(cal, ["2025-11-18,11:00,x\n"])
    assert report(cal, ["2025-11-18,all day,x\n"]).events[0].halves == 1  # only the morning was held


def test_totals_per_term_and_year_and_the_crossings(herts: SchoolCalendar) -> None:
    # Autumn 2025: five whole days then a lunchtime = 5.5 (more than 5 in the term);
    # then ten more whole days = 15.5 (more than 15). Spring: 30 whole days takes the year past 45.
    autumn = herts.school_days(D("2025-09-08"), D("2025-10-10"))
    rows = [f"{d.isoformat()},all day,x\n" for d in autumn[:5]]
    rows.append(f"{autumn[5].isoformat()},12:00,lunch\n")
    rows += [f"{d.isoformat()},all day,x\n" for d in autumn[6:16]]
    spring = herts.school_days(D("2026-01-05"), D("2026-03-27"))
    rows += [f"{d.isoformat()},all day,x\n" for d in spring[:30]]
    r = report(herts, rows)
    assert [(t.label, t.halves, t.events) for t in r.terms] == [("autumn 2025-26", 31, 16), ("spring 2025-26", 60, 30)]
    assert [(t.label, t.halves) for t in r.years] == [("2025-26", 91)]
    crossings = [(c.scope, c.line.days, c.date, c.halves_after) for c in r.crossings]
    assert crossings == [
        ("term", 5, autumn[5], 11),
        ("school year", 5, autumn[5], 11),
        ("term", 15, autumn[15], 31),
        ("school year", 15, autumn[15], 31),
        ("term", 5, spring[5], 12),
        ("term", 15, spring[15], 32),
        ("school year", 45, spring[29], 91),
    ]


def test_exactly_5_15_and_45_do_not_cross(herts: SchoolCalendar) -> None:
    days = herts.school_days(D("2025-09-08"), D("2026-07-23"))
    rows = [f"{d.isoformat()},all day,x\n" for d in days[:5]]
    assert report(herts, rows).crossings == ()
    rows = [f"{d.isoformat()},all day,x\n" for d in days[:45]]
    r = report(herts, rows)
    assert r.years[0].halves == 90
    assert all(c.line.days != 45 for c in r.crossings)


def test_parse_when_words() -> None:
    assert parse_when("2pm", "x") == "14:00"
    assert parse_when("11.30", "x") == "11:30"
    assert parse_when(" All  Day ", "x") == "all day"
    assert parse_when("AM", "x") == "morning"


def test_log_line_quotes_commas_and_quotes() -> None:
    assert log_line(dt.date(2025, 11, 18), "11:30", 'said "collect him", no letter') == (
        '2025-11-18,11:30,"said ""collect him"", no letter"\n'
    )
    back = read_log_lines([log_line(dt.date(2025, 11, 18), "11:30", 'said "collect him", no letter')])
    assert back == [RawEvent(D("2025-11-18"), "11:30", 'said "collect him", no letter', 1)]


def test_markdown_summary(herts: SchoolCalendar) -> None:
    r = report(herts, ["18/11/2025,11:30,called at 11 | collected\n", "2025-11-19,all day,told to keep home\n"])
    text = render_markdown(r, child="Sam", school="Oak Primary", today=D("2025-11-20"))
    assert text.startswith("# Times sent home without a formal exclusion for Sam\n\n")
    assert "Prepared on Thursday 20 November 2025 from a parent's log at Oak Primary." in text
    assert (
        "| Tuesday 18 November 2025 | sent home at 11:30 | 0.5 day | 0.5 | 0.5 | called at 11 \\| collected |"
    ) in text
    assert "| Wednesday 19 November 2025 | told to keep the child at home all day | 1 day | 1.5 | 1.5 |" in text
    assert "- autumn 2025-26: 1.5 school day(s) over 2 event(s)" in text
    assert "- No total went above 5, 15 or 45 school days." in text
