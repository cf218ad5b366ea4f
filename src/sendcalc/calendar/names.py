"""Calendars by name: the shipped ones (data/term_dates), and those a user has saved (`calendar import
--save oak-primary`) in their data folder.

The folder is the platform's user data folder (platformdirs: ~/.local/share/sendcalc/calendars on
Linux), or $SENDCALC_DATA_DIR/calendars when that is set (a shared drive, a test). A saved name is then
used like a shipped one: --calendar oak-primary.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from sendcalc.core.errors import InputError

NAME = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")


def builtin_names() -> list[str]:
    """Names of the calendars shipped in the package (file stems of data/term_dates/*.toml)."""
    from sendcalc.data import data_file

    return sorted(p.name[:-5] for p in data_file("term_dates").iterdir() if p.name.endswith(".toml"))


def named(text: str) -> tuple[Any, str, str] | None:
    """(file, key, how it is shown) of a shipped or saved calendar called ``text``; None if it names a file."""
    from sendcalc.data import data_file

    key = text.strip().lower()
    if key in builtin_names():
        return data_file("term_dates", f"{key}.toml"), key, f"{key} (shipped calendar)"
    saved = saved_path(key)
    if saved is not None:
        return saved, key, f"{key} (saved calendar)"
    if Path(text).exists():
        return None
    mine = f"; saved calendars are {', '.join(saved_names())}" if saved_names() else ""
    raise InputError(
        f"no calendar called {text!r}; shipped calendars are {', '.join(builtin_names())}{mine}, "
        "or give the path of a calendar file (see: sendcalc calendar list)"
    )


def folder() -> Path:
    """Where saved calendars live (not created until one is saved)."""
    base = os.environ.get("SENDCALC_DATA_DIR")
    if base:
        return Path(base) / "calendars"
    from platformdirs import user_data_dir

    return Path(user_data_dir("sendcalc", appauthor=False)) / "calendars"


def saved_names() -> list[str]:
    """The names of the saved calendars, sorted."""
    where = folder()
    return sorted(p.stem for p in where.glob("*.toml") if p.is_file()) if where.is_dir() else []


def saved_path(name: str) -> Path | None:
    """The file of a saved calendar, or None when there is no calendar saved under ``name``."""
    path = folder() / f"{name}.toml"
    return path if NAME.match(name) and path.is_file() else None
