"""The JSON (and CSV) of a fixed set of commands, held byte for byte: a restructure must not change an answer.

Every command's dates are in the past, so the outputs do not move with today's date. To accept a deliberate
change, run ``SENDCALC_UPDATE_GOLDEN=1 pytest tests/test_golden.py`` and review the diff of tests/golden/.
"""

from __future__ import annotations

import os
import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sendcalc.cli import app

ROOT = Path(__file__).parent.parent.parent
GOLDEN = Path(__file__).parent.parent / "golden"
COMMANDS = [
    line for line in (GOLDEN / "commands.txt").read_text(encoding="utf-8").splitlines() if line and line[0] != "#"
]


def slug(command: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", command.lower()).strip("-")[:90]


@pytest.mark.parametrize("command", COMMANDS, ids=slug)
def test_output_is_unchanged(command: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(app, shlex.split(command))
    assert result.exit_code in (0, 1), result.stderr
    path = GOLDEN / f"{slug(command)}.out"
    if os.environ.get("SENDCALC_UPDATE_GOLDEN"):
        path.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == path.read_text(encoding="utf-8")


def test_every_golden_file_has_its_command() -> None:
    expected = {f"{slug(c)}.out" for c in COMMANDS}
    assert {p.name for p in GOLDEN.glob("*.out")} == expected
