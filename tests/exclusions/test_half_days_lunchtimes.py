"""Half days are sessions, a lunchtime ends at lunch, compulsory school age, and public sources only."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from sendcalc.calendar import SchoolCalendar
from sendcalc.cli import COMMANDS, app
from sendcalc.core.errors import InputError
from sendcalc.core.school_age import (
    Pupil,
    compulsory_from,
    leaving_date,
    parse_year_group,
    provision_exception,
    school_age_on,
)
from sendcalc.exclusions.kernel import place_suspension
from sendcalc.guide import TOPICS, guide_text
from tests.conftest import D
from tests.oracle import naive_is_school_day, naive_next_school_day, naive_return

TUESDAY = "2025-11-18"
AUTUMN = "autumn 2025-26"


def run_json(runner: CliRunner, args: list[str]) -> dict[str, Any]:
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def essentials(body: dict[str, Any]) -> dict[str, Any]:
    return {
        "returns_at": body["returns_at"],
        "excluded_dates": body["excluded_dates"],
        "first_five_days": body["first_five_days"],
        "provision_from": body["provision_from"],
        "term_totals": body["term_totals"],
        "board": (body["governing_board"]["duty"], body["governing_board"]["deadline"]),
    }


def autumn(days: float, total: float | None = None) -> list[dict[str, Any]]:
    return [{"term": AUTUMN, "school_year": "2025-26", "days": days, "total_days": days if total is None else total}]


# ----- the worked case for half days (Hertfordshire 2025-26, Tuesday 18 November) -------------------------


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ["--days", "0.5", "--picked-up", "08:30"],
            {
                "returns_at": "2025-11-18T13:00",
                "excluded_dates": ["2025-11-18"],
                "first_five_days": ["2025-11-18"],
                "provision_from": None,
                "term_totals": autumn(0.5),
                "board": ("consider-representations", None),
            },
        ),
        (
            ["--days", "0.5", "--picked-up", "10:00"],
            {
                "returns_at": "2025-11-19T08:45",
                "excluded_dates": ["2025-11-18"],
                "first_five_days": ["2025-11-18"],
                "provision_from": None,
                "term_totals": autumn(0.5),
                "board": ("consider-representations", None),
            },
        ),
        (
            ["--days", "0.5", "--picked-up", "14:00"],
            {
                "returns_at": "2025-11-19T13:00",
                "excluded_dates": ["2025-11-18", "2025-11-19"],
                "first_five_days": ["2025-11-19"],
                "provision_from": None,
                "term_totals": autumn(0.5),
                "board": ("consider-representations", None),
            },
        ),
        (
            ["--days", "1.5", "--picked-up", "11:00"],
            {
                "returns_at": "2025-11-20T08:45",
                "excluded_dates": ["2025-11-18", "2025-11-19"],
                "first_five_days": ["2025-11-18", "2025-11-19"],
                "provision_from": None,
                "term_totals": autumn(1.5),
                "board": ("consider-representations", None),
            },
        ),
    ],
)
def test_half_days_worked_case(runner: CliRunner, args: list[str], expected: dict[str, Any]) -> None:
    body = run_json(runner, ["exclusion", "--on", TUESDAY, *args])
    assert essentials(body) == expected


def test_half_day_from_14_00_numbers_tuesday_day_0(runner: CliRunner) -> None:
    body = run_json(runner, ["exclusion", "--on", TUESDAY, "--days", "0.5", "--picked-up", "14:00"])
    assert (body["day_zero"], body["day_one"]) == ("2025-11-18", "2025-11-19")
    assert body["numbered_days"] == [{"day": 0, "date": "2025-11-18"}, {"day": 1, "date": "2025-11-19"}]


# ----- the worked case for lunchtimes ------------------------------------------------------------------


def test_lunchtime_worked_case(runner: CliRunner) -> None:
    body = run_json(runner, ["exclusion", "--on", TUESDAY, "--picked-up", "12:15", "--days", "lunchtime"])
    assert essentials(body) == {
        "returns_at": "2025-11-18T13:00",
        "excluded_dates": ["2025-11-18"],
        "first_five_days": ["2025-11-18"],
        "provision_from": None,
        "term_totals": autumn(0.5),
        "board": ("consider-representations", None),
    }
    assert (body["starts_at"], body["days"], body["lunchtime"]) == ("2025-11-18T12:15", 0.5, True)
    assert body["parent_duty_dates"] == ["2025-11-18"]
    assert body["back_to_back"]["day_six"] is None


def test_lunchtime_table_says_back_for_the_afternoon(runner: CliRunner) -> None:
    result = runner.invoke(
        app, ["exclusion", "--on", TUESDAY, "--picked-up", "12:15", "--days", "lunchtime", "--no-grid"]
    )
    assert result.exit_code == 0
    assert "Returns  13:00 on Tuesday 18 November 2025: back for the afternoon session" in result.stdout
    assert "counts as half a school day (0.5)" in result.stdout


def test_lunchtime_with_no_time_starts_at_the_midday_break_and_says_so(runner: CliRunner) -> None:
    body = run_json(runner, ["exclusion", "--on", TUESDAY, "--days", "lunchtime"])
    assert (body["starts_at"], body["returns_at"], body["start_rule"]) == (
        "2025-11-18T12:00",
        "2025-11-18T13:00",
        "lunchtime-default",
    )
    step = next(s for s in body["steps"] if s["rule"].startswith("A lunchtime suspension excludes"))
    assert "from 12:00, when the midday break is taken to begin (sendcalc's default" in step["result"]
    assert step["convention"] is True


def test_a_calendar_file_sets_the_midday_break(runner: CliRunner, tmp_path: Path) -> None:
    school = tmp_path / "school.toml"
    school.write_text('based_on = "hertfordshire"\n[times]\nmorning_ends = "12:20"\n', encoding="utf-8")
    body = run_json(runner, ["exclusion", "--on", TUESDAY, "--days", "lunchtime", "-c", str(school)])
    assert (body["starts_at"], body["returns_at"]) == ("2025-11-18T12:20", "2025-11-18T13:00")


def test_lunchtime_in_the_afternoon_is_one_line_error(runner: CliRunner) -> None:
    result = runner.invoke(app, ["exclusion", "--on", TUESDAY, "--picked-up", "13:30", "--days", "lunchtime"])
    assert result.exit_code == 2
    assert result.stderr == (
        "sendcalc: error: a lunchtime suspension ends when the afternoon session begins (13:00), so it cannot "
        "start at 13:30; an exclusion from the afternoon is half a day (0.5)\n"
    )


def eleven_lunchtimes(tmp_path: Path, upto: int = 11) -> Path:
    days, day = [], D("2025-11-03")
    while len(days) < upto:
        if day.weekday() < 5:
            days.append(day)
        day += dt.timedelta(days=1)
    assert days[-1] == D("2025-11-17") or upto != 11
    path = tmp_path / "lunchtimes.csv"
    path.write_text("date,time,days\n" + "".join(f"{d},12:15,lunchtime\n" for d in days), encoding="utf-8")
    return path


def test_eleven_lunchtimes_make_5_5_days_if_parents_ask_and_no_day_6(runner: CliRunner, tmp_path: Path) -> None:
    body = run_json(runner, ["totals", "--history", str(eleven_lunchtimes(tmp_path))])
    assert body["terms"][0]["term"] == AUTUMN
    assert body["terms"][0]["total_days"] == 5.5
    last = body["suspensions"][-1]
    assert last["governing_board"]["duty"] == "if-parents-ask"
    assert last["governing_board"]["deadline"] == "2026-02-09"  # 50 school days after Monday 17 November
    assert [s["provision_from"] for s in body["suspensions"]] == [None] * 11
    assert [r["day_six"] for r in body["runs"]] == [None] * 11
    assert [r["days"] for r in body["runs"]] == [0.5] * 11  # every lunchtime stands alone


def test_the_eleventh_lunchtime_after_ten_in_the_history(runner: CliRunner, tmp_path: Path) -> None:
    history = eleven_lunchtimes(tmp_path, upto=10)
    body = run_json(
        runner,
        ["exclusion", "--on", "2025-11-17", "--picked-up", "12:15", "--days", "lunchtime", "--history", str(history)],
    )
    assert (body["term_total_days"], body["provision_from"]) == (5.5, None)
    assert body["back_to_back"]["suspensions"] == ["this suspension"]
    assert (body["governing_board"]["duty"], body["governing_board"]["deadline"]) == ("if-parents-ask", "2026-02-09")
    assert body["governing_board"]["head_must_notify"] is True


def test_a_suspension_after_a_lunchtime_starts_a_new_run(runner: CliRunner, tmp_path: Path) -> None:
    history = tmp_path / "h.csv"
    history.write_text("date,time,days\n2025-11-14,12:15,lunchtime\n", encoding="utf-8")
    body = run_json(runner, ["exclusion", "--on", "2025-11-17", "--days", "5", "--history", str(history)])
    assert (body["back_to_back"]["days"], body["provision_from"]) == (5, None)


# ----- compulsory school age ----------------------------------------------------------------------------


def test_year_12_has_no_parents_duty_and_no_day_6(runner: CliRunner) -> None:
    body = run_json(runner, ["exclusion", "--on", TUESDAY, "--days", "8", "--year-group", "12"])
    assert body["parent_duty_dates"] == []
    assert (body["provision_from"], body["provision_by"]) == (None, None)
    assert body["provision_reason"].startswith("no day-6 provision is due: the suspension is 8 days, more than 5")
    assert body["school_age"]["compulsory"] == "no"
    assert body["work_dates"] == ["2025-11-18", "2025-11-19", "2025-11-20", "2025-11-21", "2025-11-24"]
    assert body["governing_board"]["duty"] == "if-parents-ask"  # the board's duty applies at any age
    table = runner.invoke(app, ["exclusion", "--on", TUESDAY, "--days", "8", "--year-group", "12", "--no-grid"])
    assert "Parent: no duty to keep the child out of public places: a Year 12 student is past" in table.stdout
    assert "but a Year 12 student is past compulsory school age" in table.stdout


def test_without_age_the_duties_are_assumed_and_said_so(runner: CliRunner) -> None:
    result = runner.invoke(app, ["exclusion", "--on", TUESDAY, "--days", "8", "--no-grid"])
    assert "These duties assume the child is of compulsory school age" in result.stdout
    body = run_json(runner, ["exclusion", "--on", TUESDAY, "--days", "8"])
    assert (body["school_age"]["compulsory"], body["provision_from"]) == ("assumed", "2025-11-25")


@pytest.mark.parametrize(
    ("extra", "provision", "why"),
    [
        (["--year-group", "11", "--exams-finished"], None, "reg 5(2)(a)"),
        (["--plan-fewer-hours"], None, "reg 5(2)(b)"),
        (["--year-group", "11"], "2025-11-25", "day 6 is Tuesday 25 November 2025"),
        (["--dob", "2015-03-01"], "2025-11-25", "day 6 is Tuesday 25 November 2025"),
    ],
)
def test_day_6_exceptions(runner: CliRunner, extra: list[str], provision: str | None, why: str) -> None:
    body = run_json(runner, ["exclusion", "--on", TUESDAY, "--days", "8", *extra])
    assert body["provision_from"] == provision
    assert why in body["provision_reason"]


def test_a_reception_child_before_compulsory_school_age(runner: CliRunner) -> None:
    # Born 15 October 2020: five on 15 October 2025, of compulsory school age from 31 December 2025.
    body = run_json(runner, ["exclusion", "--on", TUESDAY, "--days", "8", "--dob", "2020-10-15"])
    assert (body["school_age"]["compulsory"], body["provision_from"], body["parent_duty_dates"]) == ("no", None, [])
    assert "only from Wednesday 31 December 2025" in body["school_age"]["reason"]
    spring = run_json(runner, ["exclusion", "--on", "2026-01-06", "--days", "8", "--dob", "2020-10-15"])
    assert (spring["school_age"]["compulsory"], spring["provision_from"]) == ("yes", "2026-01-13")


def test_exams_finished_is_for_year_11_only(runner: CliRunner) -> None:
    result = runner.invoke(app, ["exclusion", "--on", TUESDAY, "--year-group", "9", "--exams-finished"])
    assert result.exit_code == 2
    assert "the exams-finished exception is for Year 11 pupils, but the year group is Year 9" in result.stderr


def test_permanent_and_absence_take_the_age_too(runner: CliRunner) -> None:
    body = run_json(runner, ["permanent", "--on", TUESDAY, "--year-group", "13"])
    assert (body["provision_from"], body["parent_duty_dates"]) == (None, [])
    assert body["first_five_days"][0] == TUESDAY
    health = run_json(runner, ["absence", "--from", "2025-12-08", "--as-of", "2025-12-12", "--year-group", "13"])
    assert health["school_age"]["compulsory"] == "no"
    assert health["actions"][0].startswith("The local authority's duty to arrange education")


@pytest.mark.parametrize(
    ("dob", "begins", "leaves"),
    [
        ("2020-10-15", "2025-12-31", "2037-06-26"),
        ("2020-12-31", "2025-12-31", "2037-06-26"),
        ("2021-01-05", "2026-03-31", "2037-06-26"),
        ("2021-04-01", "2026-08-31", "2037-06-26"),
        ("2021-08-31", "2026-08-31", "2037-06-26"),
        ("2021-09-01", "2026-12-31", "2038-06-25"),
        ("2012-02-29", "2017-03-31", "2028-06-30"),
    ],
)
def test_compulsory_school_age_dates(dob: str, begins: str, leaves: str) -> None:
    assert (compulsory_from(D(dob)), leaving_date(D(dob))) == (D(begins), D(leaves))


def test_year_groups_and_school_age_from_them() -> None:
    assert [parse_year_group(t) for t in ("R", "Reception", "Y7", "year 11", "13")] == [0, 0, 7, 11, 13]
    with pytest.raises(InputError, match="is not Reception or Year 1 to Year 13"):
        parse_year_group("14")
    assert school_age_on(Pupil(year_group=0), D(TUESDAY)).compulsory == "unknown"
    assert school_age_on(Pupil(year_group=11), D("2026-06-26")).compulsory == "yes"  # the last Friday in June
    assert school_age_on(Pupil(year_group=11), D("2026-06-29")).compulsory == "no"
    assert school_age_on(None, D(TUESDAY)).compulsory == "assumed"
    assert provision_exception(Pupil()) is None


# ----- a suspension across two terms ------------------------------------------------------------------


def test_two_terms_above_15_in_all_but_not_in_either_warns(runner: CliRunner) -> None:
    # 16 days from Monday 8 December 2025: 10 in autumn (8-19 December), 6 in spring (from 5 January).
    body = run_json(runner, ["exclusion", "--on", "2025-12-08", "--days", "16"])
    assert [(t["term"], t["days"]) for t in body["term_totals"]] == [("autumn 2025-26", 10), ("spring 2025-26", 6)]
    assert body["governing_board"]["duty"] == "if-parents-ask"
    warning = next(w for w in body["warnings"] if "in all, more than 15" in w)
    assert "no single term's total is above 15 (10 in autumn 2025-26, 6 in spring 2025-26)" in warning
    assert "The board may still be expected to act as for more than 15 days" in warning


# ----- the property: the engine agrees with a naive walk for every time and length ------------------------

SCHOOL_DAYS = st.dates(min_value=D("2024-09-02"), max_value=D("2026-06-30"))
TIMES = st.integers(min_value=7 * 60, max_value=17 * 60).map(lambda m: dt.time(m // 60, m % 60))


@settings(max_examples=400, deadline=None)
@given(day=SCHOOL_DAYS, time=st.none() | TIMES, halves=st.integers(min_value=1, max_value=31))
def test_every_length_at_every_time_matches_a_naive_walk(
    herts: SchoolCalendar, day: dt.date, time: dt.time | None, halves: int
) -> None:
    while not naive_is_school_day(herts, day):
        day = naive_next_school_day(herts, day)
    s = place_suspension(herts, day, halves, picked_up=time)
    assert s.returns_at == naive_return(herts, day, time, halves)
    assert sum(c.halves for c in s.counted) == halves
    # every school date from the start up to the return carries excluded time, the return date only if after its start
    last = (
        s.returns_at.date() if s.returns_at.time() > herts.times.day_starts else s.returns_at.date() - dt.timedelta(1)
    )
    walk, expected = s.starts_at.date(), []
    while walk <= last:
        if naive_is_school_day(herts, walk):
            expected.append(walk)
        walk += dt.timedelta(days=1)
    assert s.excluded_dates == tuple(expected)


@settings(max_examples=200, deadline=None)
@given(day=SCHOOL_DAYS, time=st.none() | TIMES)
def test_a_lunchtime_at_any_time_is_back_for_the_afternoon_or_refused(
    herts: SchoolCalendar, day: dt.date, time: dt.time | None
) -> None:
    while not naive_is_school_day(herts, day):
        day = naive_next_school_day(herts, day)
    times = herts.times
    if time is not None and not times.day_starts <= time < times.afternoon_starts:
        with pytest.raises(InputError):
            place_suspension(herts, day, 1, picked_up=time, lunchtime=True)
        return
    s = place_suspension(herts, day, 1, picked_up=time, lunchtime=True)
    assert s.returns_at == dt.datetime.combine(day, times.afternoon_starts)
    assert s.starts_at == dt.datetime.combine(day, time or times.lunch_starts)
    assert (s.excluded_dates, [(c.date, c.halves) for c in s.counted]) == ((day,), [(day, 1)])


@settings(max_examples=150, deadline=None)
@given(
    day=st.dates(min_value=D("2018-01-08"), max_value=D("2018-03-30")),  # room for a 50-day board deadline
    time=st.none() | TIMES,
    halves=st.integers(min_value=1, max_value=25),
    kind=st.sampled_from(["suspension", "lunchtime"]),
)
def test_check_exclusion_and_naive_walk_agree(
    weekdays: SchoolCalendar, day: dt.date, time: dt.time | None, halves: int, kind: str
) -> None:
    from sendcalc.api import case_dates

    while not naive_is_school_day(weekdays, day):
        day = naive_next_school_day(weekdays, day)
    if (
        kind == "lunchtime"
        and time is not None
        and not weekdays.times.day_starts <= time < weekdays.times.afternoon_starts
    ):
        return
    lunch = kind == "lunchtime"
    case = case_dates(weekdays, "lunchtime" if lunch else "suspension", day, halves=halves, picked_up=time)
    s = place_suspension(weekdays, day, halves, picked_up=time, lunchtime=lunch)
    assert (case.starts_at, case.returns_at, case.day_one) == (s.starts_at, s.returns_at, s.day_one)
    assert case.excluded_days == len(s.excluded_dates)
    if not lunch:
        assert s.returns_at == naive_return(weekdays, day, time, halves)


# ----- public sources only ----------------------------------------------------------------------------------

FORBIDDEN = re.compile(r"seed|rules\.md|§ ?\d", re.IGNORECASE)
ROOT = Path(__file__).parent.parent.parent


def readme_commands() -> list[list[str]]:
    """Every `sendcalc ...` command line in the README (console examples and the set-up command)."""
    out = []
    for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines():
        found = re.search(r"(?:^\$ |bin/)sendcalc (.+)$", line)
        if found:
            out.append(found.group(1).split("#")[0].split())
    assert len(out) >= 5
    return out


def help_examples(runner: CliRunner) -> list[list[str]]:
    """Every example command line shown by `--help` of every command and subcommand."""
    texts = [runner.invoke(app, ["--help"]).stdout]
    for name in COMMANDS:
        texts.append(runner.invoke(app, [name, "--help"]).stdout)
    for group, subs in (("days", ("add", "between", "list")), ("calendar", ("list", "show", "check"))):
        texts += [runner.invoke(app, [group, sub, "--help"]).stdout for sub in subs]
    lines = [m.group(1) for text in texts for m in re.finditer(r"^\s*(?:Examples?:)?\s*sendcalc (\S.*)$", text, re.M)]
    assert len(lines) >= len(COMMANDS)
    return [line.split() for line in lines]


def test_no_output_help_or_guide_names_the_specification(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    commands = readme_commands() + help_examples(runner)
    seen = 0
    for args in commands:
        for extra in (["--explain"], ["--json"], []):
            result = runner.invoke(app, [*args, *extra])
            if "No such option" in result.stderr:
                continue
            seen += 1
            assert result.exception is None or isinstance(result.exception, SystemExit), (args, result.exception)
            text = result.stdout + result.stderr
            assert not FORBIDDEN.search(text), f"sendcalc {' '.join(args + extra)}: {FORBIDDEN.search(text)}"
    assert seen >= 2 * len(commands)
    for topic in TOPICS:
        assert not FORBIDDEN.search(guide_text(topic)), topic
    for name in COMMANDS:
        assert not FORBIDDEN.search(runner.invoke(app, [name, "--help"]).stdout), name


def test_guide_prints_each_topic_plain_when_piped(runner: CliRunner) -> None:
    listing = runner.invoke(app, ["guide"])
    assert listing.exit_code == 0
    assert all(topic in listing.stdout for topic in TOPICS)
    calendars = runner.invoke(app, ["guide", "calendars"])
    assert calendars.stdout == guide_text("calendars")
    unknown = runner.invoke(app, ["guide", "fines"])
    assert unknown.exit_code == 2
    assert unknown.stderr == (
        "sendcalc: error: there is no guide called 'fines'; the guides are exclusions, attendance, calendars, check\n"
    )


def test_case_lists_take_lunchtimes_year_groups_and_dates_of_birth(runner: CliRunner, tmp_path: Path) -> None:
    cases = tmp_path / "cases.csv"
    cases.write_text(
        "case_id,kind,date,time,days,year_group,dob,exams_finished\n"
        "L1,lunchtime,2025-11-18,12:15,,,,\n"
        "Y12,suspension,2025-11-18,,8,12,,\n"
        "Y11,suspension,2025-11-18,,8,11,,yes\n"
        "DOB,suspension,2025-11-18,,8,,2020-10-15,\n"
        "ANY,suspension,2025-11-18,,8,,,\n"
        "BAD,suspension,2025-11-18,,8,14,,\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["check", str(cases), "--json"])
    rows = {r["case_id"]: r for r in map(json.loads, result.stdout.splitlines())}
    assert (rows["L1"]["returns_at"], rows["L1"]["excluded_days"], rows["L1"]["provision_from"]) == (
        "2025-11-18T13:00",
        1,
        None,
    )
    assert [(rows[c]["provision_from"], rows[c]["school_age"]) for c in ("Y12", "Y11", "DOB", "ANY")] == [
        (None, "no"),
        (None, "yes"),
        (None, "no"),
        ("2025-11-25", "assumed"),
    ]
    assert rows["BAD"]["error"] == "year group '14' is not Reception or Year 1 to Year 13; write R, 1 ... 13, or Y7"
