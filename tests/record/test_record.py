"""`sendcalc record`: a child's whole record, its totals together, patterns, adding to it, and converting."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sendcalc.cli import app

ROOT = Path(__file__).parent.parent.parent
EXAMPLE = ROOT / "docs" / "examples" / "whole-record.toml"
HISTORY = ROOT / "tests" / "golden" / "history.csv"
SENT_HOME = ROOT / "tests" / "golden" / "sent_home.csv"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def record_json(path: Path, *extra: str) -> dict:  # type: ignore[type-arg]
    code, out, err = run("-q", "record", str(path), "--json", "--as-of", "2026-03-31", *extra)
    assert code == 0, err
    return json.loads(out)  # type: ignore[no-any-return]


def test_the_example_record_adds_every_kind_up_per_term_and_year() -> None:
    body = record_json(EXAMPLE)
    assert [(t["scope"], t["period"], t["suspended_days"], t["sent_home_days"], t["part_time_days"],
             t["together_days"]) for t in body["totals"]] == [
        ("term", "autumn 2025-26", 7.5, 2, 0, 9.5),  # 1 + 3 + 3 + a lunchtime; 0.5 + 1 + 0.5 sent home
        ("term", "spring 2025-26", 0, 0, 10, 10),  # 20 afternoons kept out on a timetable the parents refused
        ("school year", "2025-26", 7.5, 2, 10, 19.5),
    ]  # fmt: skip
    assert [(c["period"], c["threshold_days"], c["date"], c["by"]) for c in body["crossed"]] == [
        ("autumn 2025-26", 5, "2025-11-07", "whole-record.toml suspension 2"),  # 3 + 2 + 0.5 + 1 days before it
        ("2025-26", 5, "2025-11-07", "whole-record.toml suspension 2"),
        ("spring 2025-26", 5, "2026-01-19", "whole-record.toml part time 1 (not agreed)"),  # the 11th afternoon
        ("2025-26", 15, "2026-01-20", "whole-record.toml part time 1 (not agreed)"),  # 9.5 + 6 = 15.5
    ]
    assert [(r["suspensions"], r["day_six"]) for r in body["runs"]] == [
        ([1], None),
        ([2, 3], "2025-11-12"),
        ([4], None),
    ]
    assert [(i["date"], i["days"], i["lessons"]) for i in body["internal"]] == [
        ("2025-09-10", None, 2), ("2025-09-19", 0.5, None), ("2025-10-02", 1, None),
    ]  # fmt: skip
    assert body["part_time"] == [{"from": "2026-01-05", "to": "2026-01-30", "agreed": False, "sessions_missed": 20}]
    assert body["health"] == [
        {"from": "2026-02-23", "to": "2026-03-20", "school_days": 20, "fifteenth_day": "2026-03-13"}
    ]


def test_the_example_record_prompts_about_the_pattern() -> None:
    patterns = record_json(EXAMPLE)["patterns"]
    assert len(patterns) == 2
    assert patterns[0].startswith(
        "3 internal exclusions within six school weeks (Wednesday 10 September 2025 to Thursday 2 October 2025). "
        "Repeated sanctions can be a sign that a need is not being met: ask the school for a meeting"
    )
    assert "Children and Families Act 2014 s.36" in patterns[0]
    assert patterns[1].startswith(
        "3 exclusions (recorded or not) within six school weeks (Tuesday 16 September 2025 to Wednesday 1 October 2025)"
    )


def test_the_table_shows_the_totals_and_internal_exclusions() -> None:
    code, out, _ = run("-q", "record", str(EXAMPLE), "--as-of", "2026-03-31")
    assert code == 0
    assert out.splitlines()[:7] == [
        "Sam's record at Oak Primary (Hertfordshire calendar, from whole-record.toml)",
        "",
        "Exclusions, recorded and not, in school days:",
        "                        suspended   sent home   part-time (not agreed)   together",
        "  autumn 2025-26        7.5         2           0                        9.5",
        "  spring 2025-26        0           0           10                       10",
        "  school year 2025-26   7.5         2           10                       19.5",
    ]
    assert "  autumn 2025-26: 3 internal exclusion(s); 1.5 day(s) and 2 lesson(s)\n" in out


def test_converting_a_history_and_a_log_gives_the_totals_the_two_commands_give(tmp_path: Path) -> None:
    target = tmp_path / "sam.toml"
    code, _, err = run("record", "convert", "--history", str(HISTORY), "--sent-home", str(SENT_HOME), "-o", str(target))
    assert code == 0, err
    totals = json.loads(run("-q", "totals", "--history", str(HISTORY), "--json")[1])
    sent = json.loads(run("-q", "sent-home", str(SENT_HOME), "--json")[1])
    body = record_json(target)
    terms = {t["period"]: t for t in body["totals"] if t["scope"] == "term"}
    for term in totals["terms"]:
        assert terms[term["term"]]["suspended_days"] == term["total_days"]
    for term in sent["terms"]:
        assert terms[term["term"]]["sent_home_days"] == term["days"]
    # every time in this log falls on a suspension day (3, 10 and 12 November): each session is counted once
    assert terms["autumn 2025-26"]["together_days"] == 6.5


def test_totals_reads_the_suspensions_of_a_whole_record() -> None:
    code, out, _ = run("-q", "totals", "--history", str(EXAMPLE), "--format", "csv")
    assert code == 0
    assert [line.split(",")[4] for line in out.splitlines()[1:]] == ["1", "3", "3", "0.5"]


def test_record_add_appends_checks_and_refuses_duplicates_and_future_dates(tmp_path: Path) -> None:
    path = tmp_path / "sam.toml"
    assert run("record", "add", str(path), "internal", "18/11/2025", "--lessons", "2", "--reason", "PE")[0] == 0
    assert run("record", "add", str(path), "sent-home", "19/11/2025", "--time", "11:30")[0] == 0
    assert path.read_text(encoding="utf-8") == (
        '\n[[internal]]\ndate = 2025-11-18\nlessons = 2\nreason = "PE"\n'
        '\n[[sent_home]]\ndate = 2025-11-19\ntime = "11:30"\n'
    )
    code, _, err = run("record", "add", str(path), "internal", "18/11/2025", "--lessons", "1")
    assert (code, err) == (2, f"sendcalc: error: {path.name} already has this internal; edit that entry instead\n")
    code, _, err = run("record", "add", str(path), "internal", "12/1/2099")
    assert code == 2 and "is after today" in err
    code, _, err = run("record", "add", str(path), "sent-home", "20/11/2025", "--time", "25:00")
    assert code == 2 and err.startswith("sendcalc: error: ") and "'25:00' is not a time" in err
    assert path.read_text(encoding="utf-8").count("[[") == 2  # nothing half-written


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[[suspensoin]]\ndate = 2025-11-18\n", "unknown table or key 'suspensoin'"),
        ("[[internal]]\ndate = 2025-11-18\nlesson = 2\n", "sam.toml internal 1: unknown field 'lesson'"),
        ("[[part_time]]\nfrom = 2026-01-05\nagreed = 'maybe'\n", "sam.toml part time 1, field 'agreed': write true"),
        ("[[permanent]]\ndate = 2025-11-22\n", "sam.toml permanent 1: Saturday 22 November 2025 is not a school day"),
        ("[[health]]\nfrom = 2030-01-06\n", "sam.toml health 1: Sunday 6 January 2030 is in school year 2029-30"),
        (
            "[[internal]]\ndate = 2025-10-28\nlessons = 1\n",
            "sam.toml internal 1: Tuesday 28 October 2025 is not a school",
        ),
        (
            '[[sent_home]]\ndate = 2025-11-18\ntime = "11:00"\n[[sent_home]]\ndate = 2025-11-18\ntime = "14:00"\n',
            "sam.toml sent home: rows 1 and 2 both cover the afternoon of Tuesday 18 November 2025",
        ),
    ],
)
def test_a_bad_record_is_one_line_naming_the_table(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "sam.toml"
    path.write_text(text, encoding="utf-8")
    code, _, err = run("record", str(path))
    assert code == (4 if "is in school year" in message else 2)  # 4: a date the calendar has no data for
    assert len(err.splitlines()) == 1 and message in err


def test_a_session_two_records_cover_is_counted_once(tmp_path: Path) -> None:
    path = tmp_path / "sam.toml"
    path.write_text(
        '[[part_time]]\nfrom = 2025-11-03\nto = 2025-11-07\nattends = "mon-am,tue-am,wed-am,thu-am,fri-am"\n'
        'agreed = false\n[[sent_home]]\ndate = 2025-11-03\ntime = "11:00"\n'
        "[[suspension]]\ndate = 2025-11-05\ndays = 2\n",
        encoding="utf-8",
    )
    (total,) = [t for t in record_json(path)["totals"] if t["scope"] == "term"]
    # afternoons off Mon-Fri (sent home on Monday afternoon too), and the whole of Wednesday and Thursday
    assert (total["suspended_days"], total["sent_home_days"], total["part_time_days"], total["together_days"]) == (
        2, 0.5, 2.5, 3.5,
    )  # fmt: skip


def test_health_absence_is_added_up_over_the_school_year() -> None:
    text = "[[health]]\nfrom = 2025-10-01\nto = 2025-10-10\n[[health]]\nfrom = 2025-11-03\nto = 2025-11-14\n"
    path = Path(__file__).parent / "_health.toml"
    try:
        path.write_text(text, encoding="utf-8")
        body = record_json(path)
    finally:
        path.unlink()
    assert [(h["school_days"], h["fifteenth_day"]) for h in body["health"]] == [(8, None), (10, None)]
    # 8 days in October, then the 7th school day of November's absence is the 15th of the year
    assert body["health_by_school_year"] == [
        {"school_year": "2025-26", "school_days": 18, "fifteenth_day": "2025-11-11"}
    ]


def test_record_add_refuses_what_the_record_could_not_count(tmp_path: Path) -> None:
    path = tmp_path / "sam.toml"
    code, _, err = run("record", "add", str(path), "sent-home", "29/11/2025", "--time", "11:00")
    assert code == 2 and "sam.toml sent home, row 1: Saturday 29 November 2025 is not a school day" in err
    assert not path.exists()
    assert run("record", "add", str(path), "suspension", "18/11/2025", "--days", "2")[0] == 0
    code, _, err = run("record", "add", str(path), "lunchtime", "18/11/2025", "--time", "12:15")
    assert code == 2 and "suspensions cannot overlap" in err
    code, _, err = run("record", "add", str(path), "part-time", "5/1/2026", "--to", "30/1/2026")
    assert (code, err) == (
        2,
        "sendcalc: error: a part-time timetable needs --attends: the sessions the child attends each week (or none)\n",
    )
    assert path.read_text(encoding="utf-8").count("[[") == 1
