"""Opening the files people give: the one place sendcalc opens a file to read it.

Forgiving about encodings (UTF-8 with or without a byte-order mark, Excel's Windows-1252, UTF-16
with its mark), strict about everything that would give a wrong answer: only regular files (a
folder, a device or /dev/zero is refused, not read for ever), a size limit for files read whole,
and strict CSV quoting, so a stray quote never swallows the rows after it without a word. Every
problem is a one-line InputError naming the file.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import io
import stat
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO, Protocol

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
    for number, cells in records(csv.reader(lines, strict=True), shown):
        assert not isinstance(cells, csv.Error)
        yield number, cells


class Records(Protocol):
    """A csv reader, or any reader of records that counts the lines it has read."""

    @property
    def line_num(self) -> int: ...

    def __iter__(self) -> Iterator[Any]: ...


def records(rows: Records, shown: str, *, recover: bool = False) -> Iterator[tuple[int, Any]]:
    """(line number, cells) for each record of ``rows``. A record that cannot be read is an InputError naming the
    line it starts on; with ``recover``, it is yielded as (that line, the csv.Error) and reading goes on at the next
    line, except for a quote left open to the end of the file, which has swallowed every record after it."""
    iterator = iter(rows)
    while True:
        starts = rows.line_num + 1
        try:
            cells = next(iterator)
        except StopIteration:
            return
        except csv.Error as exc:
            if not recover or "unexpected end of data" in str(exc):
                raise csv_error(exc, shown, starts) from None
            yield starts, exc
            continue
        yield rows.line_num, cells


_CSV_PROBLEMS = (  # what Python's csv module says -> what it means for the person who wrote the file
    ("field larger than field limit", "a cell is longer than 131,072 characters"),
    ("unexpected end of data", "a quote is still open at the end of the file"),
    ("expected after", 'a quote (") inside a cell is not doubled'),
    ("line contains nul", "the line holds a NUL byte: is it a spreadsheet file rather than CSV?"),
    ("new-line character seen in unquoted field", "a line break inside a cell that is not in quotes"),
)


def csv_error(exc: csv.Error, shown: str, starts: int) -> InputError:
    """The one-line error for a CSV record that cannot be read, naming the line it starts on."""
    said = str(exc).lower()
    problem = next((meaning for words, meaning in _CSV_PROBLEMS if words in said), "it is not well-formed CSV")
    return InputError(
        f"{shown}, line {starts}: cannot read the CSV row that starts there ({problem}); "
        'check it for an unclosed quote (")'
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


MAX_BYTES = 50_000_000
"""Files read whole (calendars, histories, registers, logs) may be this large; a case list streams, with no limit."""
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


@contextlib.contextmanager
def open_text(path: str | Path, what: str, *, limit: int | None = MAX_BYTES) -> Iterator[io.TextIOWrapper]:
    """The text of the file at ``path`` (``-`` for stdin), line by line with the line ends kept.

    ``what`` names the file in messages ('history file'). UTF-8 (a byte that is not UTF-8 is read
    as Windows-1252) or UTF-16/32 with a byte-order mark.
    """
    shown = str(path)
    if shown == "-":
        raw: BinaryIO = sys.stdin.buffer
        close = False
    else:
        raw = _open_regular(Path(path), what, limit)
        close = True
    try:
        head = raw.peek(4)[:4] if hasattr(raw, "peek") else b""
        encoding = next((name for mark, name in _BOMS if head.startswith(mark)), None)
        if encoding is None and len(head) >= 2 and b"\x00" in head[:2]:
            raise InputError(
                f"{what} {shown!r} looks like UTF-16 text without a byte-order mark; save it as UTF-8 "
                "(in Excel: CSV UTF-8)"
            )
        text = io.TextIOWrapper(raw, encoding=encoding, newline="") if encoding else text_lines(raw)
        try:
            yield text
        except UnicodeDecodeError as exc:  # only a UTF-16/32 file can fail to decode: the fallback reads any byte
            raise InputError(f"{what} {shown!r} is not valid {encoding} text ({exc.reason})") from None
        finally:
            if not close:
                text.detach()
    finally:
        if close:
            raw.close()


def read_text(path: str | Path, what: str, *, limit: int | None = MAX_BYTES) -> str:
    """The whole text of a file (see :func:`open_text`)."""
    with open_text(path, what, limit=limit) as text:
        whole = text.read() if limit is None else text.read(limit + 1)
    if limit is not None and len(whole) > limit:  # stdin has no size to check first
        raise InputError(f"{what} {str(path)!r} is longer than the {limit / 1e6:.0f} MB sendcalc reads whole")
    return whole


def _open_regular(path: Path, what: str, limit: int | None) -> BinaryIO:
    shown = str(path)
    try:
        info = path.stat()  # before opening: opening a pipe would wait for a writer
        if stat.S_ISDIR(info.st_mode):
            raise InputError(f"{what} {shown!r} is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise InputError(f"{what} {shown!r} is not a regular file (a device, a pipe or a socket); give a file")
        if limit is not None and info.st_size > limit:
            raise InputError(
                f"{what} {shown!r} is {info.st_size / 1e6:.0f} MB, more than the {limit / 1e6:.0f} MB sendcalc reads "
                "whole; check it is the right file"
            )
        return open(path, "rb")
    except FileNotFoundError:
        raise InputError(f"{what} {shown!r} does not exist; check the path") from None
    except OSError as exc:
        raise InputError(f"cannot read {what} {shown!r}: {exc.strerror or exc}") from None
