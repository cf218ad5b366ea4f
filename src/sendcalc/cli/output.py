"""The one way every command hands over its result: stdout or a file, an optional .ics, warnings on stderr.

Results go to stdout, or with ``-o FILE`` to a file written through a temporary file in the same
folder and renamed into place only when complete, so an input is never overwritten half-way and a
failed run leaves no partial file. Every write error (a full disk, a closed stdout, a folder that
cannot be written) becomes one line and exit code 2; a reader that goes away (``| head``) ends the
run quietly. Warnings go to stderr after the result, so a person sees them last.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import sys
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sendcalc.core.errors import InputError

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

    from sendcalc.render.view import View


@dataclass(frozen=True)
class Output:
    """Where and how a command writes: the format, the working, a file instead of stdout, an .ics file
    (and the label, a child's name or case reference, put in its events' titles and UIDs)."""

    fmt: str = "table"
    explain: bool = False
    path: str | None = None
    ics: str | None = None
    label: str | None = None

    @property
    def colour(self) -> bool:
        """Colour only for a person at a terminal (never in a file, nor with NO_COLOR set)."""
        from sendcalc.render.text import colour

        return self.path is None and colour()


_quiet = False


def quiet_callback(value: bool) -> None:
    """A command's ``--quiet``: from here on, no warnings and no notes; errors are still printed."""
    global _quiet
    _quiet = _quiet or value


def quiet_root(value: bool) -> None:
    """``sendcalc --quiet``: read first in every run, so it also resets what an earlier run in this process set."""
    global _quiet
    _quiet = value


def warn(messages: Sequence[str]) -> None:
    """Warnings go to stderr, one line each, so stdout stays clean for scripts (none with --quiet)."""
    if not _quiet:
        for message in messages:
            print(f"sendcalc: warning: {message}", file=sys.stderr)


def note(message: str) -> None:
    """A line for the person on stderr that is neither a warning nor an error ('wrote 7 events to ...')."""
    if not _quiet:
        print(f"sendcalc: {message}", file=sys.stderr)


class _Closed(io.TextIOBase):
    """Stands in for a stream the command was started without (``>&-``): writing to it is an error."""

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "it is closed")


def closed_streams() -> None:
    """Give a closed stdout or stderr a stand-in, so a write fails with one line and exit 2, not a traceback."""
    if sys.stdout is None:
        sys.stdout = _Closed()
    if sys.stderr is None:
        sys.stderr = io.StringIO()  # nowhere to say anything: the exit code still tells


@contextlib.contextmanager
def sink(path: str | None, *, newline: str = "") -> Iterator[SupportsWrite[str]]:
    """A text stream for results: stdout, or ``path`` written through a temporary file renamed on success.

    If the body raises (an error, Ctrl-C), the temporary file is removed and ``path`` is untouched.
    """
    if not path or path == "-":
        yield _Stdout()
        _flush_stdout()
        return
    target = Path(path)
    if target.is_dir():
        raise InputError(f"cannot write the results to {path!r}: it is a folder; give a file name")
    if target.exists() and not target.is_file():  # a device or a pipe (/dev/stdout): write to it as it is
        try:
            with open(target, "w", encoding="utf-8", newline=newline) as stream:
                yield stream
        except OSError as exc:
            raise InputError(f"cannot write the results to {path!r}: {_reason(exc)}") from None
        return
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent or ".")
    except OSError as exc:
        raise InputError(
            f"cannot write the results to {path!r}: {_reason(exc)}; give -o a file in a folder you can write to"
        ) from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline=newline) as stream:
            yield stream
        os.replace(temporary, target)
    except OSError as exc:
        _remove(temporary)
        raise InputError(f"cannot write the results to {path!r}: {_reason(exc)}") from None
    except BaseException:
        _remove(temporary)
        raise


class _Stdout:
    """stdout for a result written line by line: a write that fails is the one-line error, not a traceback."""

    def write(self, text: str) -> int:
        try:
            return sys.stdout.write(text)
        except BrokenPipeError:
            raise
        except (OSError, ValueError) as exc:
            raise InputError(f"cannot write the results to stdout: {_reason(exc)}") from None


def write(text: str, path: str | None = None) -> None:
    """Write a whole result to stdout or ``path`` (see :func:`sink`)."""
    if path and path != "-":
        with sink(path, newline="\n") as stream:
            stream.write(text)
        return
    try:
        sys.stdout.write(text)
    except BrokenPipeError:
        raise
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot write the results to stdout: {_reason(exc)}") from None
    _flush_stdout()


def write_bytes(data: bytes, path: str, what: str) -> None:
    """Write a file (an .ics) through a temporary file; an empty or unwritable path is one line, exit 2."""
    if not path.strip():
        raise InputError(f"the {what} file name is empty; give a file name such as dates.ics")
    target = Path(path)
    if target.is_dir():
        raise InputError(f"cannot write the {what} file {path!r}: it is a folder; give a file name")
    temporary = None
    try:
        if target.exists() and not target.is_file():  # a device or a pipe: write to it as it is
            target.write_bytes(data)
            return
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent or ".")
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, target)
    except OSError as exc:
        if temporary is not None:
            _remove(temporary)
        raise InputError(f"cannot write the {what} file {path!r}: {_reason(exc)}") from None


def deliver(out: Output, view: View, warnings: Sequence[str] = (), *, helps: tuple[str, str] | None = None) -> None:
    """The result in the chosen format, then warnings on stderr (so a person sees them last).

    ``--explain`` adds the working after the text (JSON always carries ``steps``); ``--ics`` writes
    the view's dated events to a file and says so on stderr. ``helps`` (the calendar's name and a topic)
    ends a table with the one organisation most likely to help (not with --quiet).
    """
    written = None
    if out.ics is not None:
        from sendcalc.render.ics import ics_bytes

        dated = view.events()
        write_bytes(ics_bytes(dated, view.ics_name, out.label), out.ics, "calendar")
        written = len(dated)
    if out.fmt == "json":
        body = view.json()
    elif out.fmt == "csv":
        body = view.csv()
    else:
        body = view.text(out.colour)
        if out.explain and view.steps():
            from sendcalc.render.steps import steps_text

            body += steps_text(view.steps())
        if helps is not None and not _quiet:
            body += who_can_help(*helps)
    write(body, out.path)
    warn(warnings)
    if written is not None:
        note(f"wrote {written} event(s) to {out.ics}")


def who_can_help(area: str, topic: str) -> str:
    """One line naming the organisation most likely to help, and how to see the others."""
    from sendcalc.readers.contacts import most_relevant, topic_choice

    found = most_relevant(area, topic)
    if found is None:
        return ""
    reach = found.phone or found.email or found.web
    reach = f", {reach}" if reach else ""
    key = area.strip().lower()
    where = f" --area {key}" if key in ("hertfordshire", "derbyshire") else ""
    topic = topic_choice(topic) or topic
    return f"Who can help: {found.organisation}{reach} (all of them: sendcalc contacts{where} --topic {topic})\n"


def _flush_stdout() -> None:
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except (OSError, ValueError) as exc:  # a full disk, or stdout closed
        raise InputError(f"cannot write the results to stdout: {_reason(exc)}") from None


def write_failure(exc: OSError) -> InputError:
    """An OSError that reached the top (Click writing help to a full disk): the one line for it."""
    return InputError(f"cannot write the results to stdout: {_reason(exc)}")


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return "stdout is closed" if isinstance(exc, ValueError) else str(exc)


def _remove(path: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)
