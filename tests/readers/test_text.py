"""The one place files are opened: regular files only, a size limit, encodings people's files have."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sendcalc.cli import app
from sendcalc.core.errors import InputError
from sendcalc.readers.text import open_text, read_text


def test_utf8_with_a_mark_windows_1252_and_utf16_with_a_mark_are_read(tmp_path: Path) -> None:
    text = "date,note\n2025-11-18,café\n"
    for name, data in (
        ("bom.csv", b"\xef\xbb\xbf" + text.encode("utf-8")),
        ("excel.csv", text.encode("cp1252")),
        ("utf16.csv", text.encode("utf-16")),  # with its byte-order mark
    ):
        path = tmp_path / name
        path.write_bytes(data)
        assert read_text(path, "history file") == text, name


def test_utf16_without_a_mark_is_named(tmp_path: Path) -> None:
    path = tmp_path / "odd.csv"
    path.write_bytes("date\n".encode("utf-16-le"))
    with pytest.raises(InputError, match="looks like UTF-16 text without a byte-order mark"):
        read_text(path, "history file")


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/dev/zero", "is not a regular file (a device, a pipe or a socket)"),
        ("/tmp", "is a folder, not a file"),
        ("/nonexistent/x.csv", "does not exist; check the path"),
    ],
)
def test_what_is_not_a_regular_file_is_refused_before_reading(path: str, message: str) -> None:
    with pytest.raises(InputError, match=re.escape(message)), open_text(path, "register file"):
        pass


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="is not a regular file"):
        read_text(fifo, "history file")


def test_a_file_over_the_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    path.write_bytes(b"x" * 2000)
    with pytest.raises(InputError, match="more than the 0 MB sendcalc reads whole"):
        read_text(path, "history file", limit=1000)


def test_the_command_line_says_it_in_one_line(runner: CliRunner) -> None:
    result = runner.invoke(app, ["totals", "--history", "/dev/zero"])
    assert (result.exit_code, result.stderr) == (
        2,
        "sendcalc: error: history file '/dev/zero' is not a regular file (a device, a pipe or a socket); give a file\n",
    )


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        ('2025-11-18,11:00,"' + "x" * 200_000 + '"', "a cell is longer than 131,072 characters"),
        ('2025-11-18,11:00,"never closed', "a quote is still open at the end of the file"),
        ('2025-11-18,11:00,"a"b"', 'a quote (") inside a cell is not doubled'),
    ],
)
def test_a_csv_row_that_cannot_be_read_is_described_in_plain_words(tmp_path: Path, row: str, problem: str) -> None:
    log = tmp_path / "log.csv"
    log.write_text(f"date,time,note\n{row}\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["sent-home", str(log)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"sendcalc: error: {log}, line 2: cannot read the CSV row that starts there ({problem}); "
        'check it for an unclosed quote (")\n'
    )
