"""Data shipped inside the wheel: term dates and the baked bank-holiday list."""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable


def data_file(*parts: str) -> Traversable:
    """A file inside the installed package's data folder (works from a wheel, not only a checkout)."""
    node = files("sendcalc.data")
    for part in parts:
        node = node / part
    return node
