"""`part-time` with what the parent knows: agreement, reviews, the local authority told, and a phased plan."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from sendcalc.cli import app

BASE = ["-q", "part-time", "--from", "3/11/2025", "--attends", "mon-am,tue-am", "--as-of", "2025-12-19"]


def run(*args: str) -> dict:  # type: ignore[type-arg]
    result = CliRunner().invoke(app, [*BASE, *args, "--json"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_a_phased_plan_changes_the_sessions_lost_from_each_step() -> None:
    body = run("--to", "19/12/2025", "--step", "17/11/2025:mon,tue,wed-am")
    assert [(w["week_of"], w["missed"]) for w in body["weeks"]] == [
        ("2025-11-03", 8), ("2025-11-10", 8),  # two sessions of ten attended
        ("2025-11-17", 5), ("2025-11-24", 5), ("2025-12-01", 5), ("2025-12-08", 5), ("2025-12-15", 5),
    ]  # fmt: skip
    assert body["total"]["sessions_missed"] == 41


def test_no_agreement_no_review_and_no_notice_are_each_flagged() -> None:
    checks = run("--to", "19/12/2025", "--not-agreed", "--la-not-notified")["checks"]
    assert [(c["ok"], c["text"].split(":")[0].split(",")[0]) for c in checks] == [
        (False, "the parents did not agree to it"),
        (False, "it runs for 7 school weeks"),
        (False, "there has been no review"),
        (False, "the school has not told the local authority about the timetable; ask it to"),
    ]
    assert "(56 session(s) so far)" in checks[0]["text"]  # 8 a week for seven weeks
    assert checks[2]["text"] == "there has been no review, 7 school weeks ago: a review is overdue; ask for one"
    assert checks[0]["source"].startswith("DfE, Working together to improve school attendance (2024)")


def test_an_agreed_reviewed_short_timetable_passes_but_one_without_an_end_date_does_not() -> None:
    checks = run("--to", "28/11/2025", "--agreed", "--review", "24/11/2025", "--la-notified")["checks"]
    assert all(c["ok"] for c in checks)
    assert [c["text"] for c in checks][1] == "the last review was on Monday 24 November 2025 (1 school week(s) ago)"
    checks = run("--agreed", "--la-notified")["checks"]
    assert next(c["text"] for c in checks if not c["ok"]).startswith("it has no end date")


def test_without_any_of_the_new_options_there_are_no_checks() -> None:
    assert "checks" not in run("--to", "19/12/2025")


def test_a_step_outside_the_timetable_is_refused() -> None:
    result = CliRunner().invoke(app, [*BASE, "--to", "19/12/2025", "--step", "1/12/2026:mon"])
    assert result.exit_code == 2
    assert result.stderr.startswith("sendcalc: error: a step of the plan on Tuesday 1 December 2026 is not after")


def test_a_phased_plan_is_described_step_by_step() -> None:
    body = run("--to", "19/12/2025", "--step", "17/11/2025:mon,tue,wed-am")
    assert body["phased_plan"] == [
        {"from": "2025-11-17", "attends": ["mon-am", "mon-pm", "tue-am", "tue-pm", "wed-am"]}
    ]
    text = CliRunner().invoke(app, [*BASE, "--to", "19/12/2025", "--step", "17/11/2025:mon,tue,wed-am"]).stdout
    assert (
        text.splitlines()[1]
        == "Then from Monday 17 November 2025: attends Mon, Tue, Wed am (5 of 10 sessions; 5 missed)."
    )
