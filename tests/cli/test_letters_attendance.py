"""`letter part-time` and `letter recode`: the facts and the requests follow the checks and the register."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from sendcalc.cli import app
from tests.attendance.test_illness_check import ILLNESS, REGISTER


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_a_part_time_letter_asks_for_each_thing_the_timetable_lacks() -> None:
    code, out, err = run(
        "-q", "letter", "part-time", "--from", "3/11/2025", "--until", "19/12/2025", "--attends", "mon-am,tue-am",
        "--not-agreed", "--la-not-notified", "--as-of", "2025-12-19", "--child", "Sam", "--format", "text",
    )  # fmt: skip
    assert code == 0, err
    assert "  - Missed so far (to Friday 19 December 2025): 56 sessions (28 days)\n" in out
    assert (
        "Without it, each session Sam has been kept out (56 so far) is an exclusion that was not made formally." in out
    )
    assert "The timetable runs for 7 school weeks. Please explain why it needs to be this long" in out
    assert "The timetable has not been reviewed in the last six school weeks. Please arrange a review with me." in out
    assert "Please tell me whether the school has told the local authority about the timetable" in out
    assert "The timetable has no end date" not in out


def test_an_agreed_reviewed_timetable_asks_only_for_a_plan() -> None:
    code, out, _ = run(
        "-q", "letter", "part-time", "--from", "3/11/2025", "--until", "28/11/2025", "--attends", "mon,tue,wed",
        "--agreed", "--review", "24/11/2025", "--la-notified", "--as-of", "2025-11-28", "--format", "text",
    )  # fmt: skip
    assert code == 0
    for request in ("I have not given mine", "has no end date", "runs for", "not been reviewed", "whether the school"):
        assert request not in out
    assert "I ask the school for a written plan to return [child's name] to full-time education" in out


def test_a_recode_letter_lists_the_sessions_and_what_they_do_to_the_threshold(tmp_path: Path) -> None:
    (tmp_path / "r.csv").write_text(REGISTER, encoding="utf-8")
    (tmp_path / "i.csv").write_text(ILLNESS, encoding="utf-8")
    code, out, err = run(
        "-q", "letter", "recode", "--register", str(tmp_path / "r.csv"), "--illness", str(tmp_path / "i.csv"),
        "--child", "Sam", "--school", "Oak Primary", "--format", "text",
    )  # fmt: skip
    assert code == 0, err
    assert out.startswith("Subject: Sessions of illness recorded as unauthorised absence for Sam\n\n")
    assert "The Attendance Officer, Oak Primary\n" in out
    assert "The sessions (4):\n  - Monday 3 November 2025, morning: coded O (absent in other or unknown" in out
    assert "With them coded as illness, the register would no longer reach the 10 unauthorised sessions" in out


def test_no_wrong_code_means_no_letter(tmp_path: Path) -> None:
    (tmp_path / "r.csv").write_text(REGISTER, encoding="utf-8")
    (tmp_path / "i.csv").write_text("date\n2025-11-05\n", encoding="utf-8")
    code, _, err = run("letter", "recode", "--register", str(tmp_path / "r.csv"), "--illness", str(tmp_path / "i.csv"))
    assert code == 2
    assert err == (
        "sendcalc: error: none of the sessions reported as illness is coded as unauthorised absence: nothing to ask\n"
    )
