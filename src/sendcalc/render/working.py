"""Shared pieces for the health, attendance, sent-home and part-time views: JSON numbers and Rich to text."""

from __future__ import annotations

import io
import shutil
import sys
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from rich.console import Console, RenderableType

from sendcalc.core.units import days_number


def rate_json(value: Decimal | None) -> float | None:
    """A rounded percentage as a JSON number (95.79); exact to the 2 places it was rounded to."""
    return None if value is None else float(value)


def days_json(halves: int) -> int | float:
    return days_number(halves)


def terminal() -> tuple[int, bool]:
    """(width, colour) for stdout: the real terminal's, or 100 columns without colour for files and pipes."""
    tty = sys.stdout.isatty()
    width = shutil.get_terminal_size((100, 24)).columns if tty else 140  # a file or pipe: tables at their width
    return max(width, 60), tty


def rich_text(renderables: Iterable[RenderableType | str], width: int | None = None, color: bool | None = None) -> str:
    """Render Rich objects (and plain strings) to text, so renderers stay pure functions."""
    detected_width, detected_color = terminal()
    buf = io.StringIO()
    console = Console(
        file=buf,
        width=width or detected_width,
        force_terminal=detected_color if color is None else color,
        color_system="auto" if (detected_color if color is None else color) else None,
        highlight=False,
        emoji=False,
        markup=False,
    )
    from rich.text import Text

    for item in renderables:
        # Sentences are not wrapped (a pipe or file gets whole lines); tables fit the width.
        console.print(item, soft_wrap=isinstance(item, str | Text))
    return "".join(line.rstrip() + "\n" for line in buf.getvalue().splitlines())  # tables pad their last column


def plain(value: Any) -> str:
    return "" if value is None else str(value)
