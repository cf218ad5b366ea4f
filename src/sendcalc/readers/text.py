"""Reading CSV the way people's files are: strict about quotes, forgiving about encodings.

A stray quote must never swallow the rows after it without a word (the csv module's default),
so every reader here is strict and a broken row becomes a one-line error naming it.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from sendcalc.core.errors import InputError

_FALLBACK = "sendcalc-cp1252"


def _as_cp1252(exc: UnicodeError) -> tuple[str, int]:
    """Bytes that are not UTF-8 are read as Windows-1252, the encoding of Excel's plain CSV."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    return exc.object[exc.start : exc.end].decode("cp1252", errors="replace"), exc.end


codecs.register_error(_FALLBACK, _as_cp1252)


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
            raise csv_error(exc, shown, starts) from None
        yield reader.line_num, cells


def csv_error(exc: csv.Error, shown: str, starts: int) -> InputError:
    """The one-line error for a CSV record that cannot be read, naming the line it starts on."""
    return InputError(
        f'{shown}, line {starts}: cannot read the CSV row that starts there ({exc}); check it for an unclosed quote (")'
    )


def text_lines(raw: BinaryIO) -> io.TextIOWrapper:
    """The text of a byte stream, line by line: UTF-8 (with or without a byte-order mark), where a
    byte is not UTF-8 read as Windows-1252. Lines end at LF, CRLF or CR, and keep their ends (as the
    csv module wants). Excel's plain "CSV (Comma delimited)" saves Windows-1252; "CSV UTF-8" adds the mark.
    """
    return io.TextIOWrapper(raw, encoding="utf-8-sig", errors=_FALLBACK, newline="")


def decoded_lines(raw: BinaryIO) -> Iterator[str]:
    """``text_lines``, leaving ``raw`` open for its owner to close."""
    text = text_lines(raw)
    try:
        yield from text
    finally:
        if not raw.closed:  # else the wrapper has nothing left to release
            text.detach()
