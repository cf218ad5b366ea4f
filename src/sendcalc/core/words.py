"""Words people write in files and options that mean the same thing, one list each for every reader."""

from __future__ import annotations

YES = frozenset({"yes", "y", "true", "1", "x"})
NO = frozenset({"no", "n", "false", "0", ""})
NOT_COLLECTED = frozenset(
    {"not collected", "not-collected", "not_collected", "end", "end of day", "end of the day", "after school", "none"}
)
KINDS = {
    "suspension": "suspension", "fixed-term": "suspension", "fixed term": "suspension", "fte": "suspension",
    "fixed-term exclusion": "suspension", "fixed term exclusion": "suspension", "fixed-period": "suspension",
    "lunchtime": "lunchtime", "lunch": "lunchtime", "lunchtime suspension": "lunchtime", "lunch-time": "lunchtime",
    "permanent": "permanent", "permanent exclusion": "permanent", "pex": "permanent", "pe": "permanent",
}  # fmt: skip
"""The kinds of exclusion, by the names people give them (any case, spaces folded)."""


def kind_of(text: str) -> str | None:
    """'Fixed term' -> 'suspension', '' -> 'suspension', 'PEX' -> 'permanent'; None when not a kind."""
    return KINDS.get(" ".join(text.strip().lower().split()) or "suspension")


def is_yes(text: str) -> bool:
    return text.strip().lower() in YES
