"""Adding to a file people keep (a sent-home log, a child's record) safely, whoever else is adding at once.

An exclusive lock is held while the file is read, the addition checked against what is already there,
and the new text written; the text keeps the file's own encoding (an Excel file stays Windows-1252) and
line ends. Only a regular file is written; a file created for a refused addition is removed again.
"""

from __future__ import annotations

import contextlib
import io
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

from sendcalc.core.errors import InputError


def append_locked(path: str | Path, what: str, make: Callable[[str], str]) -> None:
    """Append ``make(existing text)`` to the file at ``path`` (created if missing), under an exclusive lock.

    ``make`` sees the file's whole text as read under the lock, and returns the text to add (written with
    ``\\n`` line ends, turned into the file's own), or raises to refuse the addition.
    """
    target = Path(path)
    if target.exists() and not target.is_file():
        raise InputError(f"{what} {str(path)!r} is not a regular file; give the path of a file")
    if not target.exists():
        make("")  # refuse before creating anything
    created = not target.exists()
    try:
        with open(target, "a+b") as handle, _locked(handle):
            handle.seek(0)
            data = handle.read()
            try:
                text = make("".join(_decoded(data)) if data else "")
            except BaseException:
                if created and not data:
                    _remove(target)
                raise
            encoding = "utf-8" if _is_utf8(data) else "cp1252"
            ending = "\r\n" if b"\r\n" in data else "\n"
            if data and not data.endswith(b"\n"):
                text = "\n" + text
            handle.seek(0, os.SEEK_END)
            handle.write(text.replace("\n", ending).encode(encoding, errors="replace"))
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as exc:
        raise InputError(f"cannot write to the {what} {str(path)!r}: {exc.strerror or exc}") from None


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


@contextlib.contextmanager
def _locked(handle: IO[bytes]) -> Iterator[None]:
    """An exclusive lock on an open file for the life of the block (fcntl; on Windows, msvcrt)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        import msvcrt

        msvcrt.locking(handle.fileno(), msvcrt.LK_LOCK, 1)  # type: ignore[attr-defined]
        try:
            yield
        finally:
            msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]
        return
    fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
    try:
        yield
    finally:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _decoded(data: bytes) -> Iterator[str]:
    """The lines of the file's bytes as text, with the line ends made ``\\n``."""
    from sendcalc.readers.text import text_lines

    return (line.replace("\r\n", "\n") for line in text_lines(io.BytesIO(data)))


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
