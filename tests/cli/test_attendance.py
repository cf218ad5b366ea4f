"""CLI: `absence`, `attendance`, `sent-home` and `part-time` (CliRunner; exact JSON values, errors, exit codes)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from sendcalc.calendar import load_calendar
from sendcalc.cli import app
from tests.conftest import D


def run(runner: CliRunner, *args: str) -> tuple[int, dict[str, object], str]:
    result = runner.invoke(app, list(args))
    body = json.loads(result.stdout) if result.exit_code == 0 and result.stdout.startswith("{") else {}
    return result.exit_code, body, result.stderr


# ----- absence --------------------------------------------------------------------------------------


def test_absence_json(runner: CliRunner) -> None:
    code, body, stderr = run(runner, "absence", "--from", "8/12/2025", "--as-of", "2025-12-12", "--json")
    assert code == 0
    assert body["first_school_day"] == "2025-12-08"
    assert body["school_days_missed"] == 5
    assert body["school_year"] == "2025-26"
    assert body["school_year_total"] == 5
    assert body["fifteenth_school_day"] == {
        "consecutive": {"date": "2026-01-09", "status": "due", "school_day_of_absence": 15},
        "cumulative": {"date": "2026-01-09", "status": "due", "school_day_of_absence": 15},
    }
    assert body["three_calendar_weeks_end"] == "2025-12-28"
    assert body["holidays_before_fifteenth"][0]["first"] == "2025-12-20"
    assert body["continuing"] is True
    assert "conflicting, not confirmed" in stderr


def test_absence_table_says_15_school_days_is_not_three_weeks(runner: CliRunner) -> None:
    result = runner.invoke(
        app,
        ["absence", "--from", "2025-12-08", "--from-session", "pm", "--earlier-days", "2.5", "--as-of", "2025-12-08"],
    )
    assert result.exit_code == 0
    out = result.stdout
    assert "School days missed so far (to Monday 8 December 2025): 0.5 in this absence; 3 in school year" in out
    assert "  in a row (this absence):           Monday 12 January 2026 (school day 16 of this absence)" in out
    assert "15 school days is not three calendar weeks here." in out
    assert "Convention: an absence starting at the afternoon session counts its first day as 0.5." in out


def test_absence_with_earlier_file_and_explain(runner: CliRunner, tmp_path: Path) -> None:
    earlier = tmp_path / "earlier.txt"
    earlier.write_text("2025-09-15,2025-09-19\n2025-10-01,pm\n", encoding="utf-8")
    result = runner.invoke(
        app, ["absence", "--from", "2025-12-08", "--as-of", "2025-12-08", "--earlier", str(earlier), "--explain"]
    )
    assert result.exit_code == 0
    assert "1 in this absence; 6.5 in school year 2025-26 (with 5.5 earlier)" in result.stdout
    assert "How this was worked out:" in result.stdout
    assert "source: Education Act 1996 s.19" in result.stdout


def test_absence_csv(runner: CliRunner) -> None:
    result = runner.invoke(app, ["absence", "--from", "2025-11-03", "--to", "2025-11-28", "--format", "csv"])
    assert result.stdout == (
        "from,first_school_day,to,school_days_missed,school_year,school_year_total,consecutive_15th,"
        "consecutive_status,cumulative_15th,cumulative_status\n"
        "2025-11-03,2025-11-03,2025-11-28,20,2025-26,20,2025-11-21,reached,2025-11-21,reached\n"
    )


def test_absence_errors(runner: CliRunner) -> None:
    result = runner.invoke(app, ["absence", "--from", "2025-12-08", "--earlier-days", "3", "--earlier", "x"])
    assert result.exit_code == 2
    assert result.stderr == "sendcalc: error: give either --earlier FILE or --earlier-days N, not both\n"
    result = runner.invoke(app, ["absence", "--from", "31/02/2026"])
    assert result.exit_code == 2
    assert "is not a real date" in result.stderr
    result = runner.invoke(app, ["absence", "--from", "2025-12-08", "--earlier", "missing.txt"])
    assert result.exit_code == 2
    assert result.stderr == "sendcalc: error: --earlier file 'missing.txt' does not exist; check the path\n"
    result = runner.invoke(app, ["absence", "--from", "2030-01-06"])
    assert result.exit_code == 4
    assert "Traceback" not in result.output


# ----- attendance -----------------------------------------------------------------------------------


def write_register(path: Path, rows: list[str], header: str = "date,session,code") -> str:
    path.write_text(header + "\n" + "".join(r + "\n" for r in rows), encoding="utf-8")
    return str(path)


def test_attendance_quick_json(runner: CliRunner) -> None:
    code, body, _ = run(runner, "attendance", "--possible", "380", "--absent", "38", "--json")
    assert code == 0
    assert {k: body[k] for k in ("possible", "attended", "absent", "rate", "persistent_absence", "severe_absence")} == {
        "possible": 380,
        "attended": 342,
        "absent": 38,
        "rate": 90.0,
        "persistent_absence": True,
        "severe_absence": False,
    }


def test_attendance_quick_table(runner: CliRunner) -> None:
    result = runner.invoke(app, ["attendance", "--possible", "380", "--absent", "16"])
    assert result.stdout == (
        "Attendance: 364 of 380 possible sessions = 95.79% (absent 16).\n"
        "Not persistent absence (absent from less than 10% of possible sessions); "
        "exactly 90.0% attendance IS persistent absence.\n"
    )


def test_attendance_register_json(runner: CliRunner, tmp_path: Path) -> None:
    cal = load_calendar("hertfordshire")
    days = cal.school_days(D("2025-09-08"), D("2025-09-19"))  # 10 school days
    rows = []
    for i, d in enumerate(days):
        am = "G" if i < 2 else "E" if i == 9 else "/"
        pm = "U" if i < 4 else "E" if i == 9 else "\\"
        rows += [f"{d.isoformat()},am,{am}", f"{d.isoformat()},pm,{pm}"]
    reg = write_register(tmp_path / "r.csv", rows)
    code, body, _ = run(runner, "attendance", "--register", reg, "--json")
    assert code == 0
    assert body["marks"] == 20
    assert body["terms"] == [
        {
            "period": "autumn 2025-26",
            "kind": "term",
            "first": "2025-09-08",
            "last": "2025-09-19",
            "possible": 20,
            "attended": 12,
            "absent": 8,
            "authorised": 2,
            "unauthorised": 6,
            "suspension": 2,
            "not_possible": 0,
            "rate": 60.0,
            "rate_without_suspension": 66.67,
            "persistent_absence": True,
            "severe_absence": False,
            "persistent_absence_without_suspension": True,
            "severe_absence_without_suspension": False,
        }
    ]
    assert body["codes"] == {"/": 7, "\\": 5, "U": 4, "E": 2, "G": 2}
    penalty = body["penalty_threshold"]
    assert (penalty["met"], penalty["most_in_any_10_school_weeks"], penalty["unauthorised_sessions"]) == (False, 6, 6)
    assert body["continuous_unauthorised"] is None
    assert body["weeks"][0] == {
        "week_of": "2025-09-08",
        "possible": 10,
        "attended": 4,
        "unauthorised": 6,
        "suspension": 0,
        "rate": 40.0,
        "to_date_possible": 10,
        "to_date_attended": 4,
        "to_date_rate": 40.0,
    }


def test_attendance_register_table_has_penalty_and_weekly_bars(runner: CliRunner, tmp_path: Path) -> None:
    cal = load_calendar("hertfordshire")
    days = cal.school_days(D("2025-09-08"), D("2025-09-19"))
    rows = [f"{d:%d/%m/%Y},{'N' if i < 5 else '/'},{'N' if i < 5 else chr(92)}" for i, d in enumerate(days)]
    reg = write_register(tmp_path / "printed.csv", rows, header="Date,AM,PM")
    result = runner.invoke(app, ["attendance", "-r", reg])
    assert result.exit_code == 0
    out = result.stdout
    assert "MET on Friday 12 September 2025." in out
    assert "The school or local authority must consider a penalty notice; it is not automatic." in out
    assert "first penalty notice: £80 if paid within 21 days, £160 if paid within 28 days" in out
    assert "Mon 8 Sep 2025" in out and "0/10" in out and "Mon 15 Sep 2025" in out and "10/10" in out


def test_attendance_register_csv(runner: CliRunner, tmp_path: Path) -> None:
    reg = write_register(tmp_path / "r.csv", ["2025-09-08,am,/", "2025-09-08,pm,I"])
    result = runner.invoke(app, ["attendance", "-r", reg, "--format", "csv"])
    assert result.stdout.splitlines() == [
        "period,kind,first,last,possible,attended,absent,authorised,unauthorised,suspension,not_possible,rate,"
        "rate_without_suspension,persistent_absence,severe_absence",
        "autumn 2025-26,term,2025-09-08,2025-09-08,2,1,1,1,0,0,0,50.0,50.0,true,true",
        "2025-26,year,2025-09-08,2025-09-08,2,1,1,1,0,0,0,50.0,50.0,true,true",
    ]


def test_attendance_register_errors(runner: CliRunner, tmp_path: Path) -> None:
    reg = write_register(tmp_path / "r.csv", ["2025-09-08,am,/", "2025-09-08,pm,Q9"])
    result = runner.invoke(app, ["attendance", "-r", reg])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"sendcalc: error: {reg}, row 3: unknown attendance code 'Q9'.")
    closed = write_register(tmp_path / "c.csv", ["2025-09-10,pm,/"])
    result = runner.invoke(app, ["attendance", "-r", closed, "--closure", "2025-09-10:pm"])
    assert result.exit_code == 2
    assert f"{closed}, row 2: the afternoon session of Wednesday 10 September 2025 was not held" in result.stderr
    result = runner.invoke(app, ["attendance"])
    assert result.exit_code == 2
    assert "give --register FILE, or both --possible N and --absent M" in result.stderr
    result = runner.invoke(app, ["attendance", "-r", str(tmp_path / "nope.csv")])
    assert result.exit_code == 2
    assert "does not exist" in result.stderr
    # Not UTF-8: read as Windows-1252 (Excel's plain CSV), so the junk is a bad row, named as such.
    binary = tmp_path / "b.csv"
    binary.write_bytes(b"date,session,code\n\xff\xfe\n")
    result = runner.invoke(app, ["attendance", "-r", str(binary)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"sendcalc: error: {binary}, row 2:")


def test_attendance_csv_cells_are_formula_safe(runner: CliRunner, tmp_path: Path) -> None:
    reg = write_register(tmp_path / "=cmd.csv", ["2025-09-08,am,/"])
    result = runner.invoke(app, ["attendance", "-r", reg, "--json"])
    assert json.loads(result.stdout)["register"] == reg


# ----- sent-home ------------------------------------------------------------------------------------


def test_sent_home_add_then_show(runner: CliRunner, tmp_path: Path) -> None:
    log = str(tmp_path / "log.csv")
    result = runner.invoke(app, ["sent-home", "add", log, "18/11/2025", "11:30", "--note", "called at 11, collected"])
    assert result.exit_code == 0, result.output
    assert "sendcalc: added to " in result.stderr
    result = runner.invoke(app, ["sent-home", "add", log, "2025-11-19", "all day", "--json"])
    body = json.loads(result.stdout)
    assert [(e["date"], e["time"], e["equivalent_days"], e["school_year_total_after"]) for e in body["events"]] == [
        ("2025-11-18", "11:30", 0.5, 0.5),
        ("2025-11-19", "all day", 1, 1.5),
    ]
    assert Path(log).read_text(encoding="utf-8") == (
        'date,time,note\n2025-11-18,11:30,"called at 11, collected"\n2025-11-19,all day,\n'
    )
    code, shown, _ = run(runner, "sent-home", log, "--json")  # the default action is show
    assert code == 0
    assert shown["terms"] == [{"term": "autumn 2025-26", "events": 2, "days": 1.5}]
    assert shown["total_days"] == 1.5
    assert shown["crossings"] == []


def test_sent_home_add_refuses_a_clash_and_keeps_the_file(runner: CliRunner, tmp_path: Path) -> None:
    log = tmp_path / "log.csv"
    log.write_text("date,time,note\n2025-11-18,11:30,x", encoding="utf-8")  # no final newline
    result = runner.invoke(app, ["sent-home", "add", str(log), "2025-11-18", "all day"])
    assert result.exit_code == 2
    assert result.stderr == (
        f"sendcalc: error: {log}: row 2 already covers the afternoon of Tuesday 18 November 2025; "
        "the new event was not added (edit that row instead)\n"
    )
    assert log.read_text(encoding="utf-8") == "date,time,note\n2025-11-18,11:30,x"
    result = runner.invoke(app, ["sent-home", "add", str(log), "2025-11-20", "9:15"])
    assert result.exit_code == 0
    assert log.read_text(encoding="utf-8") == "date,time,note\n2025-11-18,11:30,x\n2025-11-20,09:15,\n"


def test_sent_home_crossing_and_markdown(runner: CliRunner, tmp_path: Path) -> None:
    cal = load_calendar("hertfordshire")
    days = cal.school_days(D("2025-11-03"), D("2025-11-28"))
    log = tmp_path / "log.csv"
    log.write_text("date,time,note\n" + "".join(f"{d.isoformat()},all day,\n" for d in days[:6]), encoding="utf-8")
    code, body, _ = run(runner, "sent-home", "show", str(log), "--json")
    assert code == 0
    assert [(c["scope"], c["more_than_days"], c["date"], c["total_after"]) for c in body["crossings"]] == [
        ("term", 5, "2025-11-10", 6),
        ("school year", 5, "2025-11-10", 6),
    ]
    result = runner.invoke(app, ["sent-home", str(log), "--markdown", "--child", "Sam"])
    assert result.stdout.startswith("# Times sent home without a formal exclusion for Sam\n")
    assert "- Monday 10 November 2025: the term total for autumn 2025-26 went above 5 (to 6)" in result.stdout


def test_sent_home_errors(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["sent-home", str(tmp_path / "none.csv")])
    assert result.exit_code == 2
    assert "does not exist; start one with: sendcalc sent-home add" in result.stderr
    result = runner.invoke(app, ["sent-home", "add", str(tmp_path / "l.csv"), "2025-11-22", "11:00"])
    assert result.exit_code == 2
    assert "Saturday 22 November 2025 is not a school day" in result.stderr
    assert not (tmp_path / "l.csv").exists()
    result = runner.invoke(app, ["sent-home"])
    assert "Usage:" in result.output


# ----- part-time ------------------------------------------------------------------------------------


def test_part_time_json(runner: CliRunner) -> None:
    code, body, _ = run(
        runner, "part-time", "--from", "3/11/2025", "--attends", "mon-am,tue-am,wed", "--as-of", "2025-11-14", "--json"
    )
    assert code == 0
    assert body["attends"] == ["mon-am", "tue-am", "wed-am", "wed-pm"]
    assert body["no_end_date"] is True
    assert body["so_far"] == {
        "first": "2025-11-03",
        "last": "2025-11-14",
        "sessions_held": 20,
        "sessions_attended": 8,
        "sessions_missed": 12,
        "days_missed": 6,
        "school_weeks": 2,
        "best_possible_rate": 40.0,
    }
    assert body["to_end_of_school_year"]["last"] == "2026-07-23"
    assert body["weeks"] == [
        {"week_of": "2025-11-03", "sessions_held": 10, "attended": 4, "missed": 6},
        {"week_of": "2025-11-10", "sessions_held": 10, "attended": 4, "missed": 6},
    ]


def test_part_time_table_flags_no_end_date(runner: CliRunner) -> None:
    result = runner.invoke(app, ["part-time", "--from", "2025-11-03", "--attends", "mon-am", "--as-of", "2025-11-07"])
    assert result.exit_code == 0
    assert "FLAG: this timetable has no end date." in result.stdout
    assert "So far (to Friday 7 November 2025): 1 school week(s) on the timetable; 9 of 10 sessions missed" in (
        result.stdout
    )


def test_part_time_bad_attends(runner: CliRunner) -> None:
    result = runner.invoke(app, ["part-time", "--from", "2025-11-03", "--attends", "mon-evening"])
    assert result.exit_code == 2
    assert result.stderr.startswith("sendcalc: error: --attends: 'mon-evening' is not a day and session")


def test_every_new_command_has_help_with_an_example(runner: CliRunner) -> None:
    for command in (["absence"], ["attendance"], ["sent-home"], ["sent-home", "add"], ["part-time"]):
        result = runner.invoke(app, [*command, "--help"])
        assert result.exit_code == 0
        assert "Example" in result.stdout
