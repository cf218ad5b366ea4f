"""Adding to a sent-home log: safe when many additions run at once, true to the file's own encoding and
line ends, and refusing what is not a log (a device) or not yet a fact (a date after today)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sendcalc.cli import app

ADD = [sys.executable, "-m", "sendcalc", "--quiet", "sent-home", "add"]


def test_fifty_additions_of_one_session_at_once_leave_one_row_and_one_header(tmp_path: Path) -> None:
    log = tmp_path / "log.csv"
    runs = [
        subprocess.Popen([*ADD, str(log), "2025-11-18", "11:00", "--note", f"run {n}"], stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE, text=True)
        for n in range(50)
    ]  # fmt: skip
    results = [(run.wait(), run.stderr.read() if run.stderr else "") for run in runs]
    lines = log.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "date,time,note"
    assert len(lines) == 2 and lines[1].startswith("2025-11-18,11:00,run ")
    assert sorted(code for code, _ in results) == [0] + [2] * 49
    refused = [err for code, err in results if code == 2]
    assert all("already covers the afternoon of Tuesday 18 November 2025" in err for err in refused), refused[0]


def test_an_excel_log_keeps_its_encoding_and_line_ends(tmp_path: Path) -> None:
    log = tmp_path / "log.csv"
    log.write_bytes("date,time,note\r\n2025-11-17,11:00,café\r\n".encode("cp1252"))
    result = CliRunner().invoke(app, ["sent-home", "add", str(log), "2025-11-18", "all day", "--note", "né"])
    assert result.exit_code == 0, result.stderr
    assert log.read_bytes() == "date,time,note\r\n2025-11-17,11:00,café\r\n2025-11-18,all day,né\r\n".encode("cp1252")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["/dev/null", "2025-11-18", "11:00"], "log file '/dev/null' is not a regular file; give the path of a file"),
        (
            ["{log}", "2099-01-12", "11:00"],
            "DATE Monday 12 January 2099 is after today; the log records what has happened, so check the date "
            "(or add --allow-future for a day the school has already announced)",
        ),
    ],
)
def test_what_is_not_a_log_or_not_yet_a_fact_is_refused(tmp_path: Path, args: list[str], message: str) -> None:
    log = tmp_path / "log.csv"
    args = [a.replace("{log}", str(log)) for a in args]
    result = CliRunner().invoke(app, ["sent-home", "add", *args])
    assert result.exit_code == 2
    assert result.stderr == f"sendcalc: error: {message}\n"
    assert not log.exists()


FAR_YEAR = """name = "Far"
[years."2098-99"]
terms = [
  { name = "autumn", first_day = 2098-09-01, last_day = 2098-12-18 },
  { name = "spring", first_day = 2099-01-05, last_day = 2099-03-27 },
  { name = "summer", first_day = 2099-04-13, last_day = 2099-07-22 },
]
"""


def test_a_day_the_school_has_announced_can_be_logged_with_allow_future(tmp_path: Path) -> None:
    log, calendar = tmp_path / "log.csv", tmp_path / "far.toml"
    calendar.write_text(FAR_YEAR, encoding="utf-8")
    result = CliRunner().invoke(
        app, ["-q", "sent-home", "add", str(log), "2099-01-12", "all day", "--allow-future", "-c", str(calendar)]
    )
    assert result.exit_code == 0
    assert result.stderr == ""
    assert log.read_text(encoding="utf-8") == "date,time,note\n2099-01-12,all day,\n"
