"""Data shipped inside the wheel: term dates and the baked bank-holiday list."""

from __future__ import annotations

from pathlib import Path

FOLDER = Path(__file__).parent


def data_file(*parts: str) -> Path:
    """A file in the installed package's data folder.

    pip always unpacks a wheel to real files, so a path beside this module is enough; it spares
    every command the import of importlib.resources (and zipfile), a few milliseconds at start.
    """
    return FOLDER.joinpath(*parts)
