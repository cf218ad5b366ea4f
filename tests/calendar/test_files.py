"""Calendar files: the shipped ones load with status and source; each malformed case gives its error."""

from __future__ import annotations

from pathlib import Path

import pytest

from sendcalc.calendar import builtin_names, load_calendar
from sendcalc.calendar.bank_holidays import bank_holidays
from sendcalc.calendar.model import STATUSES
from sendcalc.core.errors import CalendarDataError, InputError
from tests.conftest import D

GOOD_SCHOOL = """\
name = "Bushey Primary"
based_on = "hertfordshire"
inset_days = [2024-09-02, 2024-09-03, 2024-11-04, 2025-02-24, 2025-06-02]
occasional_days = [2024-10-25]
closures = [{ date = 2025-05-01, session = "am", reason = "polling station" }, "2025-01-09"]

[times]
day_starts = "08:50"
afternoon_starts = "13:10"
day_ends = "15:20"
"""

LA_HEAD = """\
name = "Testshire"
[years."2025-26"]
status = "confirmed"
source = "test"
"""


def write(tmp_path: Path, text: str, name: str = "school.toml") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_shipped_calendars_have_status_and_source_for_every_year() -> None:
    assert builtin_names() == [
        "birmingham", "derbyshire", "hampshire", "hertfordshire", "lancashire", "leeds", "nottingham-city",
        "oxfordshire", "staffordshire", "surrey", "west-sussex",
    ]  # fmt: skip
    herts = load_calendar("hertfordshire")
    assert herts.labels == ("2022-23", "2024-25", "2025-26", "2026-27")
    assert [y.status for y in herts.years] == ["secondary", "secondary", "conflicting", "unverified"]
    assert load_calendar("derbyshire").labels == ("2024-25", "2025-26")
    for name in builtin_names():
        for year in load_calendar(name).years:
            assert year.status in STATUSES and year.source


def test_school_file_based_on_the_la(tmp_path: Path) -> None:
    cal = load_calendar(write(tmp_path, GOOD_SCHOOL))
    assert cal.name == "Bushey Primary"
    assert len(cal.school_days_in_year("2024-25")) == 189  # 190 less the whole-day closure on 9 Jan
    assert cal.sessions_on(D("2025-05-01")) == ("pm",)
    assert str(cal.times.day_starts) == "08:50:00"
    assert cal.year("2024-25").status == "secondary"  # inherited from the LA until the school confirms


def test_school_file_based_on_a_relative_path(tmp_path: Path) -> None:
    write(
        tmp_path,
        LA_HEAD + 'terms = [{ name = "autumn", first_day = 2025-09-01, last_day = 2025-12-19 }]\n',
        "la.toml",
    )
    cal = load_calendar(write(tmp_path, 'based_on = "la.toml"\ninset_days = [2025-09-01]\n'))
    assert cal.school_day_offset(D("2025-08-29"), 1) == D("2025-09-02")


BAD = [
    # (what, file text, expected fragments of the one-line error)
    (
        "inset on a Sunday",
        'based_on = "hertfordshire"\ninset_days = [2025-09-04, 2025-11-23]\n',
        ["line 2", "inset_days[2]", "Sunday 2025-11-23", "weekday in term"],
    ),
    (
        "inset in the holidays",
        'based_on = "hertfordshire"\n\ninset_days = [2025-12-22]\n',
        ["line 3", "inset_days[1]", "Christmas holiday"],
    ),
    (
        "unknown key",
        'based_on = "hertfordshire"\ninset_day = [2025-09-04]\n',
        ["line 2", "unknown key 'inset_day'"],
    ),
    (
        "malformed date",
        'based_on = "hertfordshire"\ninset_days = ["2025-13-01"]\n',
        ["line 2", "inset_days[1]", "2025-13-01"],
    ),
    (
        "malformed TOML date",
        'based_on = "hertfordshire"\ninset_days = [2025-13-01]\n',
        ["not valid TOML", "line 2"],
    ),
    (
        "last before first",
        LA_HEAD + 'terms = [{ name = "autumn", first_day = 2025-12-19, last_day = 2025-09-01 }]\n',
        ["line 5", "terms[1] (autumn)", "last_day 2025-09-01 is before first_day 2025-12-19"],
    ),
    (
        "overlapping terms",
        LA_HEAD + 'terms = [\n{ name = "autumn", first_day = 2025-09-01, last_day = 2025-12-19 },\n'
        '{ name = "spring", first_day = 2025-12-15, last_day = 2026-03-27 },\n]\n',
        ["line 7", "spring", "before the autumn term ends on 2025-12-19"],
    ),
    (
        "term outside its year",
        LA_HEAD + 'terms = [{ name = "summer", first_day = 2026-06-01, last_day = 2026-08-10 }]\n',
        ["terms[1] (summer)", "not inside school year 2025-26"],
    ),
    (
        "break outside the term",
        LA_HEAD + 'terms = [{ name = "autumn", first_day = 2025-09-01, last_day = 2025-12-19,'
        ' breaks = [{ name = "half-term", first_day = 2025-12-22, last_day = 2025-12-26 }] }]\n',
        ["half-term", "inside the term"],
    ),
    (
        "bad status",
        'name = "X"\n[years."2025-26"]\nstatus = "probably"\nsource = "x"\nterms = []\n',
        ["line 3", "status", "'probably' is not one of confirmed"],
    ),
    (
        "bad year label",
        'name = "X"\n[years."2025-27"]\nstatus = "confirmed"\n',
        ["years.2025-27", "two consecutive years"],
    ),
    ("no years and no base", 'name = "X"\n', ["needs either based_on"]),
    (
        "inset twice",
        'based_on = "hertfordshire"\ninset_days = [2025-09-04]\nclosures = ["2025-09-04:pm"]\n',
        ["closures[1]", "already listed as inset_days[1]"],
    ),
    (
        "bad session",
        'based_on = "hertfordshire"\nclosures = [{ date = 2025-09-04, session = "noon" }]\n',
        ["closures[1]", "session must be"],
    ),
    (
        "times out of order",
        'based_on = "hertfordshire"\n[times]\nday_starts = "13:30"\n',
        ["times", "day_starts must be before afternoon_starts"],
    ),
]


@pytest.mark.parametrize(("what", "text", "fragments"), BAD, ids=[b[0] for b in BAD])
def test_malformed_files_give_one_line_errors(tmp_path: Path, what: str, text: str, fragments: list[str]) -> None:
    path = write(tmp_path, text)
    with pytest.raises(CalendarDataError) as caught:
        load_calendar(path)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(path)
    for fragment in fragments:
        assert fragment in message


def test_based_on_loop_is_refused(tmp_path: Path) -> None:
    write(tmp_path, 'based_on = "b.toml"\n', "a.toml")
    write(tmp_path, 'based_on = "a.toml"\n', "b.toml")
    with pytest.raises(CalendarDataError, match="loop"):
        load_calendar(str(tmp_path / "a.toml"))


def test_unknown_calendar_name_lists_the_shipped_ones() -> None:
    with pytest.raises(InputError, match="shipped calendars are birmingham, derbyshire, hampshire, hertfordshire, "):
        load_calendar("kent")


EXPECTED_BANK_HOLIDAYS = {
    2024: ["01-01", "03-29", "04-01", "05-06", "05-27", "08-26", "12-25", "12-26"],
    2025: ["01-01", "04-18", "04-21", "05-05", "05-26", "08-25", "12-25", "12-26"],
    2026: ["01-01", "04-03", "04-06", "05-04", "05-25", "08-31", "12-25", "12-28"],
    2027: ["01-01", "03-26", "03-29", "05-03", "05-31", "08-30", "12-27", "12-28"],
    2028: ["01-03", "04-14", "04-17", "05-01", "05-29", "08-28", "12-25", "12-26"],
}


@pytest.mark.parametrize("year", sorted(EXPECTED_BANK_HOLIDAYS))
def test_baked_bank_holidays_equal_the_gov_uk_list(year: int) -> None:
    baked = sorted(bank_holidays(year, year))
    assert [d.strftime("%m-%d") for d in baked] == EXPECTED_BANK_HOLIDAYS[year]


def test_one_off_bank_holidays_are_baked() -> None:
    baked = bank_holidays(2022, 2023)
    for day in ("2022-06-03", "2022-09-19", "2023-05-08"):
        assert D(day) in baked


def test_baked_file_matches_the_holidays_package() -> None:
    # The file is generated by sendcalc.data.bake_bank_holidays; regenerate it if this fails.
    # Dates only: a holidays release may rename a day without changing it.
    from sendcalc.data.bake_bank_holidays import TARGET, render

    def dates(text: str) -> list[str]:
        return [line.split()[0] for line in text.splitlines() if not line.startswith("#")]

    assert dates(TARGET.read_text(encoding="utf-8")) == dates(render())
