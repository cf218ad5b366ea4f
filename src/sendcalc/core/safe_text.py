"""Text a user typed, made safe to show: the one definition of a control character.

A note, a case ID or a calendar name may hold a terminal escape sequence (which recolours, moves
the cursor or retitles the window) or a line break (which would add a heading to a letter). Text
output shows such characters as ``\\x1b``; CSV keeps line breaks (CSV quotes them); names refuse them.
"""

from __future__ import annotations

import re

CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
"""C0 and C1 control characters and DEL: nothing a person means to show."""
_CONTROL_NOT_BREAK = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_BREAKS = re.compile(r"[\t\n\v\f\r]+")


def _visible(match: re.Match[str]) -> str:
    return f"\\x{ord(match.group()):02x}"


def printable(text: str) -> str:
    """One line: line breaks and tabs become one space, any other control character is shown as ``\\x1b``."""
    if text.isprintable():
        return text
    return CONTROL.sub(_visible, _BREAKS.sub(" ", text))


def visible_controls(text: str) -> str:
    """Line breaks and tabs kept (for CSV, which quotes them); any other control character shown as ``\\x1b``."""
    if text.isprintable():
        return text
    return _CONTROL_NOT_BREAK.sub(_visible, text)


def first_control(text: str) -> str | None:
    """The first control character in ``text`` (line breaks included), or None: for one-line fields (names)."""
    found = CONTROL.search(text)
    return found.group() if found else None
