"""Plain-text layout for the views a person reads: aligned columns, wrapped cells, optional colour.

The exclusion, permanent and totals views use these instead of Rich, so the main job starts fast;
the layout is the same either way: columns two or more spaces apart, a long last column wrapped
to the width, a mark (*, +, !) beside every coloured thing so nothing depends on colour.
"""

from __future__ import annotations

import os
import sys
import textwrap
from collections.abc import Sequence

PIPE_WIDTH = 100
"""The width of text written to a file or a pipe: tables wrap to it; sentences are never wrapped."""

_STYLES = {"bold": "1", "dim": "2", "red": "31", "blue": "34", "magenta": "35", "cyan": "36", "yellow": "33"}


def width() -> int:
    """The terminal's width, or PIPE_WIDTH for files and pipes."""
    if sys.stdout.isatty():
        import shutil

        return max(shutil.get_terminal_size((PIPE_WIDTH, 24)).columns, 60)
    return PIPE_WIDTH


def colour() -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (no-color.org)."""
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def paint(text: str, style: str, on: bool) -> str:
    """``text`` in a style such as 'bold red' (ANSI codes) when ``on``; plain otherwise."""
    codes = ";".join(_STYLES[word] for word in style.split() if word in _STYLES)
    return f"\x1b[{codes}m{text}\x1b[0m" if on and codes else text


def columns(
    rows: Sequence[Sequence[str]],
    header: Sequence[str] | None = None,
    *,
    indent: str = "  ",
    gap: int = 4,
    total_width: int | None = None,
) -> list[str]:
    """Rows of cells as aligned lines. The last column wraps to fit ``total_width``; a cell may hold newlines."""
    table = [list(header)] + [list(r) for r in rows] if header else [list(r) for r in rows]
    if not table:
        return []
    count = len(table[0])
    widths = [max(len(line) for row in table for line in row[i].split("\n")) for i in range(count - 1)]
    used = len(indent) + sum(w + gap for w in widths)
    last = max((total_width or width()) - used, 20)
    out = []
    for row in table:
        cells = [row[i].split("\n") for i in range(count - 1)]
        cells.append([piece for line in row[-1].split("\n") for piece in (textwrap.wrap(line, last) or [""])])
        for k in range(max(len(c) for c in cells)):
            parts = [(c[k] if k < len(c) else "").ljust(widths[i] + gap) for i, c in enumerate(cells[:-1])]
            tail = cells[-1][k] if k < len(cells[-1]) else ""
            out.append((indent + "".join(parts) + tail).rstrip())
    return out
