"""`attendance --register R --illness FILE`: illness coded as unauthorised absence, and what it does to fines."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from sendcalc.cli import app

# Three school weeks of autumn 2025 (Hertfordshire): ten sessions coded O; the parent reported the first two days
# as illness (four of those O sessions) and 5 November, which the school coded I.
REGISTER = """date,am,pm
2025-11-03,O,O
2025-11-04,O,O
2025-11-05,I,I
2025-11-06,/,\\
2025-11-07,O,\\
2025-11-10,/,\\
2025-11-11,/,O
2025-11-12,/,\\
2025-11-13,O,\\
2025-11-14,O,\\
2025-11-17,/,\\
2025-11-18,/,O
2025-11-19,O,\\
2025-11-20,/,\\
2025-11-21,/,\\
"""
ILLNESS = "date,session\n2025-11-03\n04/11/2025,am\n04/11/2025,pm\n2025-11-05\n2025-11-24\n"


def run(tmp_path: Path, *extra: str) -> tuple[int, str, str]:
    (tmp_path / "register.csv").write_text(REGISTER, encoding="utf-8")
    (tmp_path / "ill.csv").write_text(ILLNESS, encoding="utf-8")
    args = ["-q", "attendance", "--register", str(tmp_path / "register.csv"), "--illness", str(tmp_path / "ill.csv")]
    result = CliRunner().invoke(app, [*args, *extra])
    return result.exit_code, result.stdout, result.stderr


def test_illness_coded_o_is_flagged_with_what_it_does_to_the_threshold(tmp_path: Path) -> None:
    code, out, err = run(tmp_path, "--json")
    assert code == 0, err
    body = json.loads(out)
    assert body["penalty_threshold"]["met"] is True  # ten O sessions within three school weeks
    check = body["illness_check"]
    assert check["reported_sessions"] == 8
    assert check["coded_unauthorised"] == [
        {"date": "2025-11-03", "session": "am", "code": "O"},
        {"date": "2025-11-03", "session": "pm", "code": "O"},
        {"date": "2025-11-04", "session": "am", "code": "O"},
        {"date": "2025-11-04", "session": "pm", "code": "O"},
    ]
    assert check["not_in_register"] == [
        {"date": "2025-11-24", "session": "am"},
        {"date": "2025-11-24", "session": "pm"},
    ]
    assert (check["alone_reach_threshold"], check["threshold_now"], check["threshold_if_recoded"]) == (
        False,
        True,
        False,  # six O sessions are left: below ten
    )
    assert check["draft_request"].startswith("Dear Attendance Officer,\n\nI told the school that my child was absent")
    assert (
        "- Tuesday 4 November 2025, afternoon: coded O (absent in other or unknown circumstances)\n"
        in (check["draft_request"])
    )


def test_the_table_gives_the_sessions_and_the_draft(tmp_path: Path) -> None:
    code, out, _ = run(tmp_path, "--no-weeks")
    assert code == 0
    section = out[out.index("Illness cross-check") :]
    assert section.splitlines()[:8] == [
        "Illness cross-check: 8 session(s) reported as illness.",
        "  4 of them are coded as unauthorised absence (G, N, O or U): with them coded I, the register would no "
        "longer reach the penalty-notice threshold.",
        "  Monday 3 November 2025 morning: O",
        "  Monday 3 November 2025 afternoon: O",
        "  Tuesday 4 November 2025 morning: O",
        "  Tuesday 4 November 2025 afternoon: O",
        "  Monday 24 November 2025 morning: not in the register",
        "  Monday 24 November 2025 afternoon: not in the register",
    ]
    assert "Draft request to the school:" in section
    assert "There are 4 of them; with them coded I, the register would no longer reach" in section


def test_illness_needs_a_register(tmp_path: Path) -> None:
    (tmp_path / "ill.csv").write_text(ILLNESS, encoding="utf-8")
    result = CliRunner().invoke(app, ["attendance", "--possible", "380", "--absent", "3", "--illness", "x.csv"])
    assert result.exit_code == 2
    assert result.stderr == "sendcalc: error: --illness is checked against a register; give --register FILE too\n"
