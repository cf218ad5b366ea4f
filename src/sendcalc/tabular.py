"""Reading CSV the way people's files are: strict about quotes, forgiving about encodings.

A stray quote must never swallow the rows after it without a word (the csv module's default),
so every reader here is strict and a broken row becomes a one-line error naming it.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from sendcalc.errors import InputError


def csv_rows(lines: Iterable[str], shown: str) -> Iterator[tuple[int, list[str]]]:
    """(line number, cells) for each CSV record; a malformed record is an InputError naming its line."""
    reader = csv.reader(lines, strict=True)
    while True:
        starts = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise InputError(
                f"{shown}, line {starts}: cannot read the CSV row that starts there ({exc}); "
                'check it for an unclosed quote (")'
            ) from None
        yield reader.line_num, cells


def decoded_lines(raw: BinaryIO) -> Iterator[str]:
    """Text lines from bytes: UTF-8 (with or without a byte-order mark), else Windows-1252, line by line.

    Excel's plain "CSV (Comma delimited)" saves Windows-1252; its "CSV UTF-8" adds a byte-order mark.
    """
    first = True
    for line in raw:
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            text = line.decode("cp1252", errors="replace")
        if first:
            text = text.removeprefix("\ufeff")
            first = False
        yield text
