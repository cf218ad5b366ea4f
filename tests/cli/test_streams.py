"""Every command, run as a real process, when its output cannot be written: a full disk, a closed stdout,
a reader that goes away. Each ends with one line on stderr and exit 2 (a broken pipe ends quietly), never
a traceback and never the exit code 1 that means "a breach was found".
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent.parent
GOLDEN = ROOT / "tests" / "golden"
COMMANDS = [
    line for line in (GOLDEN / "commands.txt").read_text(encoding="utf-8").splitlines() if line and line[0] != "#"
] + [
    "calendar check src/sendcalc/data/term_dates/derbyshire.toml",
    "guide exclusions",
    "exclusion -h",
    "--version",
    "days add 2025-12-18 3 --format csv",
]
SENDCALC = [sys.executable, "-m", "sendcalc"]


def run(command: str, stdout: str) -> subprocess.CompletedProcess[str]:
    """Run ``sendcalc COMMAND`` with stdout redirected by the shell (``>/dev/full``, ``>&-``)."""
    line = " ".join(shlex.quote(part) for part in [*SENDCALC, *shlex.split(command)])
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run(
        f"{line} {stdout}", shell=True, cwd=ROOT, capture_output=False, stderr=subprocess.PIPE, text=True, env=env
    )


def errors(stderr: str) -> list[str]:
    """The lines of stderr that are not warnings or notes (a calendar's status, a column passed through)."""
    return [line for line in stderr.splitlines() if line.startswith("sendcalc: error:") or "Traceback" in line]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("command", COMMANDS)
def test_a_full_disk_is_one_line_and_exit_2(command: str) -> None:
    result = run(command, ">/dev/full")
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert errors(result.stderr) == ["sendcalc: error: cannot write the results to stdout: No space left on device"]


@pytest.mark.skipif(os.name != "posix", reason="closes a file descriptor with the shell")
@pytest.mark.parametrize("command", COMMANDS)
def test_a_closed_stdout_is_one_line_and_exit_2(command: str) -> None:
    result = run(command, ">&-")
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert errors(result.stderr) == ["sendcalc: error: cannot write the results to stdout: it is closed"]


@pytest.mark.skipif(os.name != "posix", reason="uses a shell pipe")
@pytest.mark.parametrize(
    "command", ["calendar show hertfordshire", "days list 2025-09-01 2026-07-31", "guide", "exclusion -h"]
)
def test_a_reader_that_goes_away_ends_quietly(command: str) -> None:
    line = " ".join(shlex.quote(part) for part in [*SENDCALC, *shlex.split(command)])
    result = subprocess.run(
        f"{line} | head -c 1 >/dev/null; exit ${{PIPESTATUS[0]}}",
        shell=True,
        executable="/bin/bash",
        cwd=ROOT,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert result.returncode in (0, 141), result.stderr
    assert "Traceback" not in result.stderr
    assert "error" not in result.stderr


@pytest.mark.parametrize(
    ("flag", "expected"),
    [("--ics ''", "the calendar file name is empty; give a file name such as dates.ics"), ("-o /", "it is a folder")],
)
def test_an_unwritable_file_is_one_line_and_exit_2(flag: str, expected: str) -> None:
    result = run(f"exclusion --on 2025-11-18 --days 3 {flag}", ">/dev/null")
    assert result.returncode == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith("sendcalc: error: ") and expected in line
