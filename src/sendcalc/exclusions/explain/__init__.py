"""The working behind every exclusion result, worded from the finished facts: each rule, its source, its result.

`--explain` prints these steps and the JSON carries them. Nothing here computes a date: each step
reads what the kernel, the ledger and the board's rules already decided, so the working cannot
disagree with the answer. One module per result; each is imported only when it is used.
"""

from __future__ import annotations

import importlib
from typing import Any

_WHERE = {
    "permanent_provision_reason": "permanent",
    "permanent_steps": "permanent",
    "placement_steps": "placement",
    "start_steps": "placement",
    "review_steps": "review",
    "provision_reason": "suspension",
    "suspension_steps": "suspension",
    "totals_steps": "totals",
}
__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_WHERE[name]}"), name)
