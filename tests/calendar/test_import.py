"""`calendar import` and `calendar new`: feeds of every shape, a pasted list, the guided prompts, saved names,
and the completeness warnings a partial calendar gets."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sendcalc.calendar import load_calendar
from sendcalc.calendar.bank_holidays import bank_holidays
from sendcalc.calendar.feed import kind_of
from sendcalc.cli import app

D = dt.date.fromisoformat


def vevent(summary: str, start: str, end: str | None = None, extra: str = "") -> str:
    """One all-day event (DTEND, when given, is the day after the last day, as iCalendar has it)."""
    lines = [f"BEGIN:VEVENT\nUID:{summary}-{start}@example.org\nSUMMARY:{summary}\nDTSTART;VALUE=DATE:{start}\n"]
    if end:
        lines.append(f"DTEND;VALUE=DATE:{end}\n")
    return "".join(lines) + extra + "END:VEVENT\n"


def feed(*events: str) -> str:
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Oak Primary//EN\r\n" + "".join(events) + "END:VCALENDAR\r\n"


def run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


def school_days(path: Path) -> dict[str, int]:
    code, out, err = run("-q", "calendar", "show", str(path), "--json")
    assert code == 0, err
    return {y["school_year"]: y["school_days"] for y in json.loads(out)["years"]}


def naive_days(first: str, last: str, off: set[dt.date]) -> int:
    """Weekdays from first to last that are not bank holidays and not in ``off``, one at a time."""
    day, n = D(first), 0
    holidays = bank_holidays(D(first).year, D(last).year)
    while day <= D(last):
        n += day.weekday() < 5 and day not in holidays and day not in off
        day += dt.timedelta(days=1)
    return n


def span(first: str, last: str) -> set[dt.date]:
    return {D(first) + dt.timedelta(days=i) for i in range((D(last) - D(first)).days + 1)}


HALF_TERMS = span("2025-10-27", "2025-10-31") | span("2026-02-16", "2026-02-20") | span("2026-05-25", "2026-05-29")
HOLIDAYS = span("2025-12-20", "2026-01-04") | span("2026-03-28", "2026-04-12")
INSET = {D("2025-09-03"), D("2026-01-05")}
PUPIL_DAYS_2025_26 = naive_days("2025-09-03", "2026-07-22", HALF_TERMS | HOLIDAYS | INSET)
EXPECTED_TERMS = """terms = [
  { name = "autumn", first_day = 2025-09-03, last_day = 2025-12-19, breaks = [{ name = "half-term", first_day = 2025-10-27, last_day = 2025-10-31 }] },
  { name = "spring", first_day = 2026-01-05, last_day = 2026-03-27, breaks = [{ name = "half-term", first_day = 2026-02-16, last_day = 2026-02-20 }] },
  { name = "summer", first_day = 2026-04-13, last_day = 2026-07-22, breaks = [{ name = "half-term", first_day = 2026-05-25, last_day = 2026-05-29 }] },
]
inset_days = [2025-09-03, 2026-01-05]
"""  # noqa: E501

TERM_SPANS = feed(
    vevent("Autumn Term 1", "20250903", "20251025"),
    vevent("Autumn Term 2", "20251103", "20251220"),
    vevent("Spring Term 1", "20260105", "20260214"),
    vevent("Spring Term 2", "20260223", "20260328"),
    vevent("Summer Term 1", "20260413", "20260523"),
    vevent("Summer Term 2", "20260601", "20260723"),
    vevent("INSET Day", "20250903"),
    vevent("Staff Training Day", "20260105"),
    vevent("Parents' evening", "20251112"),
)
HOLIDAYS_ONLY = feed(
    vevent("Summer Holiday", "20250724", "20250903"),
    vevent("October Half Term", "20251027", "20251101"),
    vevent("Christmas Holiday", "20251222", "20260103"),
    vevent("February Half-Term", "20260216", "20260221"),
    vevent("Easter Holidays", "20260330", "20260411"),
    vevent("May Day Bank Holiday", "20260504"),
    vevent("May half term", "20260525", "20260530"),
    vevent("Summer Holiday", "20260723", "20260902"),
    # a timed INSET day in London time, and one in UTC late at night (still 5 January in London)
    "BEGIN:VEVENT\nUID:i1@x\nSUMMARY:INSET day\nDTSTART;TZID=Europe/London:20250903T083000\n"
    "DTEND;TZID=Europe/London:20250903T150000\nEND:VEVENT\n",
    "BEGIN:VEVENT\nUID:i2@x\nSUMMARY:PD Day\nDTSTART:20260105T090000Z\nDTEND:20260105T230000Z\nEND:VEVENT\n",
)
# one event per school day in the autumn (weekly RRULE, the half term left out with EXDATE), term spans after
MIXED = feed(
    vevent(
        "School day",
        "20250903",
        extra="RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;UNTIL=20251219T000000Z\n"
        "EXDATE;VALUE=DATE:20251027,20251028,20251029,20251030,20251031\n",
    ),
    vevent("Spring term", "20260105", "20260328"),
    vevent("Half term", "20260216", "20260221"),
    vevent("Summer term", "20260413", "20260723"),
    vevent("Half term", "20260525", "20260530"),
    vevent("Teacher Day (school closed to pupils)", "20250903"),
    vevent("INSET", "20260105"),
)


@pytest.mark.parametrize("shape", ["terms", "holidays", "mixed"])
def test_each_shape_of_feed_gives_the_same_calendar(tmp_path: Path, shape: str) -> None:
    source = tmp_path / f"{shape}.ics"
    source.write_text({"terms": TERM_SPANS, "holidays": HOLIDAYS_ONLY, "mixed": MIXED}[shape], encoding="utf-8")
    target = tmp_path / "oak.toml"
    code, out, err = run("calendar", "import", str(source), "-o", str(target), "--name", "Oak Primary")
    assert (code, out) == (0, ""), err
    text = target.read_text(encoding="utf-8")
    assert text.startswith(f"# Oak Primary: term dates from {shape}.ics, read on ")
    assert '[years."2025-26"]\nstatus = "imported"\n' in text
    assert text.endswith(EXPECTED_TERMS)
    assert school_days(target) == {"2025-26": PUPIL_DAYS_2025_26} == {"2025-26": 193}
    assert f"sendcalc: 2025-26: {PUPIL_DAYS_2025_26} school days; autumn 03/09/2025-19/12/2025" in err


def test_what_was_recognised_and_ignored_is_said(tmp_path: Path) -> None:
    (tmp_path / "terms.ics").write_text(TERM_SPANS, encoding="utf-8")
    code, out, err = run("calendar", "import", str(tmp_path / "terms.ics"))
    assert code == 0 and out.startswith("# terms: term dates from terms.ics, read on ")
    assert "sendcalc: read 8 event(s): 6 term, 2 inset\n" in err
    assert 'sendcalc: ignored 1 event(s) that are not term dates: "Parents\' evening"\n' in err


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("INSET Day", "inset"),
        ("Staff development day - school closed", "inset"),
        ("P.D. day", "ignored"),
        ("PD day", "inset"),
        ("Teacher day", "inset"),
        ("Occasional Day", "occasional"),
        ("Spring Bank Holiday", "bank holiday"),
        ("HALF-TERM", "break"),
        ("Christmas holidays", "holiday"),
        ("Autumn Term 2", "term"),
        ("Summer 1", "term"),
        ("Term 3", "term"),
        ("Autumn term starts", "ignored"),
        ("Day 4 (Week B)", "school day"),
        ("School closed (snow)", "closure"),
        ("Harvest festival", "ignored"),
    ],
)
def test_titles_say_what_an_event_is(title: str, kind: str) -> None:
    assert kind_of(title) == kind


def test_an_endless_rrule_and_an_event_without_dtend_are_read(tmp_path: Path) -> None:
    (tmp_path / "f.ics").write_text(
        feed(
            vevent("Autumn term", "20250903", "20251220"),
            vevent("Half term", "20251027", extra="RRULE:FREQ=DAILY;COUNT=5\n"),  # no DTEND, five days
            vevent("Weekly training day", "20251105", extra="RRULE:FREQ=WEEKLY\n"),  # endless: every Wednesday
        ),
        encoding="utf-8",
    )
    code, out, err = run("calendar", "import", str(tmp_path / "f.ics"))
    assert code == 0, err
    wednesdays = [D("2025-11-05") + dt.timedelta(weeks=w) for w in range(7)]
    assert f"inset_days = [{', '.join(str(d) for d in wednesdays)}]" in out
    assert 'breaks = [{ name = "half-term", first_day = 2025-10-27, last_day = 2025-10-31 }]' in out


@pytest.mark.parametrize(
    ("events", "message"),
    [
        (
            [vevent("Parents' evening", "20251112"), vevent("Bank holiday", "20251225")],
            "the events describe no school days: expected terms ('Autumn term'), one event per school day, or "
            "holidays between two summer holidays; found 1 bank holiday event(s)",
        ),
        (
            [vevent("Christmas holiday", "20251222", "20260103")],
            "the feed lists holidays but not the terms, and has no summer holiday before and after the school year",
        ),
    ],
)
def test_a_feed_without_a_school_year_is_a_clear_error(tmp_path: Path, events: list[str], message: str) -> None:
    (tmp_path / "f.ics").write_text(feed(*events), encoding="utf-8")
    code, out, err = run("calendar", "import", str(tmp_path / "f.ics"))
    assert (code, out) == (2, "")
    assert err.startswith(f"sendcalc: error: {message}")
    assert len(err.splitlines()) == 1


def test_a_file_that_is_not_a_feed_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "f.ics").write_text("date,time\n2025-11-18,11:00\n", encoding="utf-8")
    code, _, err = run("calendar", "import", str(tmp_path / "f.ics"))
    assert code == 2 and err.startswith(f"sendcalc: error: calendar feed '{tmp_path / 'f.ics'}' is not an iCalendar")


# ----- a school's per-day feed over three school years ----------------------------------------------

NOT_PUPIL_DAYS = {  # five INSET days marked in the feed, and one day off that is not marked (an occasional day)
    "2024-25": (["2024-09-02", "2024-09-03", "2024-11-04", "2025-02-24", "2025-06-02"], "2025-03-07"),
    "2025-26": (["2025-09-03", "2025-09-04", "2025-10-24", "2026-01-05", "2026-02-23"], "2026-03-06"),
    "2026-27": (["2026-09-01", "2026-09-02", "2026-11-02", "2027-01-04", "2027-02-22"], "2027-03-05"),
}


def per_day_feed() -> tuple[str, list[dt.date]]:
    """One 'Day N' event for each pupil day of three Hertfordshire school years, less the school's own days off."""
    herts = load_calendar("hertfordshire")
    events, pupil_days = [], []
    for label, (inset, other) in NOT_PUPIL_DAYS.items():
        off = {D(d) for d in [*inset, other]}
        year = herts.year(label)
        days = [d for d in herts.school_days(year.terms[0].first_day, year.terms[-1].last_day) if d not in off]
        assert len(days) == 190, label
        pupil_days += days
        events += [vevent(f"Day {n} (Week {'AB'[n // 5 % 2]})", f"{d:%Y%m%d}") for n, d in enumerate(days, 1)]
        events += [vevent("INSET day", d.replace("-", "")) for d in inset]
    return feed(*events), pupil_days


def test_a_per_day_feed_of_three_years_gives_190_days_a_year(tmp_path: Path) -> None:
    text, pupil_days = per_day_feed()
    (tmp_path / "oak.ics").write_text(text, encoding="utf-8")
    target = tmp_path / "oak.toml"
    code, _, err = run("calendar", "import", str(tmp_path / "oak.ics"), "-o", str(target))
    assert code == 0, err
    assert school_days(target) == {"2024-25": 190, "2025-26": 190, "2026-27": 190}
    # across Christmas: the third pupil day after Thursday 18 December 2025, counted in the feed itself
    expected = pupil_days[pupil_days.index(D("2025-12-18")) + 3]
    code, out, _ = run("-q", "days", "add", "2025-12-18", "3", "-c", str(target), "--format", "csv")
    assert expected == D("2026-01-07")
    assert out == f"start,school_days,result\n2025-12-18,3,{expected}\n"
    # a day off the feed does not mark is kept as a closure (next to a break, it would widen the break instead)
    assert '{ date = 2026-03-06, reason = "not a school day in the feed" }' in target.read_text(encoding="utf-8")


# ----- a pasted list, `calendar new`, saved names ---------------------------------------------------

PASTED = """# from the school's letter
Autumn term: Wednesday 3 September 2025 to Friday 19 December 2025
Half term: 27/10/2025 - 31/10/2025
Spring term: 5 January 2026 to 27 March 2026
Half term: 16 February 2026 – 20 February 2026
Summer term: 13 April 2026 to 22 July 2026
Half term: 25/05/2026 to 29/05/2026
INSET day: 3 September 2025
INSET day: 5/1/2026
"""


def test_a_pasted_list_of_term_dates(tmp_path: Path) -> None:
    (tmp_path / "letter.txt").write_text(PASTED, encoding="utf-8")
    code, out, err = run("calendar", "import", str(tmp_path / "letter.txt"))
    assert code == 0, err
    assert out.endswith(EXPECTED_TERMS)


def test_a_pasted_line_that_cannot_be_read_names_its_line(tmp_path: Path) -> None:
    (tmp_path / "letter.txt").write_text("Autumn term 3 September 2025\n", encoding="utf-8")
    code, _, err = run("calendar", "import", str(tmp_path / "letter.txt"))
    assert code == 2
    assert err == (
        "sendcalc: error: letter.txt, line 1: write 'what: first day to last day', for example "
        "'Autumn term: 3 September 2025 to 19 December 2025' or 'INSET day: 1 September 2025'\n"
    )


NEW_OPTIONS = [
    "--term", "autumn:3/9/2025:19/12/2025", "--term", "spring:5/1/2026:27/3/2026",
    "--term", "summer:13/4/2026:22/7/2026", "--half-term", "27/10/2025:31/10/2025",
    "--half-term", "16/2/2026:20/2/2026", "--half-term", "25/5/2026:29/5/2026",
    "--inset", "3/9/2025", "--inset", "5/1/2026",
]  # fmt: skip
ANSWERS = [
    "Oak Primary", "", "3 September 2025", "19/12/2025", "27/10/2025", "31/10/2025", "5/1/2026", "5 Jamuary",
    "27/3/2026", "16/2/2026", "20/2/2026", "13/4/2026", "22/7/2026", "25/5/2026", "29/5/2026", "3/9/2025",
    "5/1/2026", "",
]  # fmt: skip


def test_calendar_new_with_options_writes_a_file_calendar_check_accepts(tmp_path: Path) -> None:
    target = tmp_path / "oak.toml"
    code, _, err = run("calendar", "new", "--name", "Oak Primary", "-o", str(target), *NEW_OPTIONS)
    assert code == 0, err
    assert target.read_text(encoding="utf-8").endswith(EXPECTED_TERMS)
    code, out, _ = run("calendar", "check", str(target))
    assert (code, out) == (0, f"{target}: OK: Oak Primary; 2025-26 193 school days (imported)\n")


def test_calendar_new_asks_for_each_date_and_asks_again_after_a_mistake(tmp_path: Path) -> None:
    target = tmp_path / "oak.toml"
    code, out, err = run("calendar", "new", "-o", str(target), stdin="\n".join(ANSWERS) + "\n")
    assert code == 0, err
    assert out.count("Spring term: last day:") == 2  # asked again after '5 Jamuary'
    assert "that date: cannot read the date '5 Jamuary'" in err
    assert target.read_text(encoding="utf-8").endswith(EXPECTED_TERMS)
    assert run("calendar", "check", str(target))[:2] == (
        0,
        f"{target}: OK: Oak Primary; 2025-26 193 school days (imported)\n",
    )


def test_a_saved_calendar_is_used_by_name_and_listed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SENDCALC_DATA_DIR", str(tmp_path / "data"))
    (tmp_path / "terms.ics").write_text(TERM_SPANS, encoding="utf-8")
    code, out, err = run("calendar", "import", str(tmp_path / "terms.ics"), "--save", "oak-primary", "--name", "Oak")
    assert (code, out) == (0, ""), err
    assert (tmp_path / "data" / "calendars" / "oak-primary.toml").is_file()
    code, out, _ = run("-q", "days", "add", "2025-12-18", "3", "-c", "oak-primary", "--format", "csv")
    assert out == "start,school_days,result\n2025-12-18,3,2026-01-07\n"  # 5 January is an INSET day
    code, out, _ = run("calendar", "list", "--json")
    saved = [c for c in json.loads(out)["calendars"] if c["kind"] == "saved"]
    assert [(c["key"], c["name"], c["years"][0]["status"]) for c in saved] == [("oak-primary", "Oak", "imported")]
    assert saved[0]["years"][0]["source"].startswith("terms.ics, read on ")
    code, _, err = run("calendar", "import", str(tmp_path / "terms.ics"), "--save", "hertfordshire")
    assert code == 2 and "a shipped calendar has that name" in err


# ----- completeness ---------------------------------------------------------------------------------

ONE_TERM = """name = "Oak Primary"
[years."2026-27"]
terms = [
  { name = "autumn", first_day = 2026-09-02, last_day = 2026-12-18, breaks = [{ name = "half-term", first_day = 2026-10-26, last_day = 2026-10-30 }] },
]
"""  # noqa: E501


def test_a_one_term_file_is_unverified_warned_about_and_names_the_missing_term(tmp_path: Path) -> None:
    path = tmp_path / "oak.toml"
    path.write_text(ONE_TERM, encoding="utf-8")
    code, out, err = run("calendar", "check", str(path))
    assert (code, out) == (0, f"{path}: OK: Oak Primary; 2026-27 73 school days (unverified)\n")
    assert err == (
        "sendcalc: warning: Oak Primary calendar: the 2026-27 school year has only 1 term(s) (autumn): the spring "
        "and summer term(s) are not in this calendar\n"
    )
    code, _, err = run("days", "add", "2026-12-17", "5", "-c", str(path))
    assert code == 4
    assert err == (
        "sendcalc: error: counting from Thursday 17 December 2026 runs past the end of the 2026-27 autumn term, and "
        "the 2026-27 spring term is not in this calendar; add that term to the calendar file\n"
    )


def test_a_term_without_a_half_term_and_too_many_days_are_warned_about(tmp_path: Path) -> None:
    path = tmp_path / "odd.toml"
    path.write_text(
        'name = "Odd"\n[years."2025-26"]\nterms = [\n'
        '  { name = "autumn", first_day = 2025-09-01, last_day = 2025-12-19 },\n'
        '  { name = "spring", first_day = 2026-01-05, last_day = 2026-03-27 },\n'
        '  { name = "summer", first_day = 2026-04-13, last_day = 2026-07-24 },\n]\n',
        encoding="utf-8",
    )
    _, _, err = run("calendar", "check", str(path))
    assert err.splitlines() == [
        "sendcalc: warning: Odd calendar: the 2025-26 autumn term has no half-term break",
        "sendcalc: warning: Odd calendar: the 2025-26 spring term has no half-term break",
        "sendcalc: warning: Odd calendar: the 2025-26 summer term has no half-term break",
        "sendcalc: warning: Odd calendar: the 2025-26 school year has 213 school days, more than 196 days, even "
        "counting the school's INSET days",
    ]
