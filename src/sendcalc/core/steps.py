"""The working every result carries: each step names the rule it applied and the rule's legal source."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Step:
    """One step of a calculation, printed by ``--explain`` and returned in JSON ``steps``.

    ``convention`` is True where the law is silent and sendcalc applies a stated
    convention; the output must say so.
    """

    rule: str
    source: str
    result: str
    convention: bool = False

    def as_dict(self) -> dict[str, object]:
        return {
            "rule": self.rule,
            "source": self.source,
            "result": self.result,
            "convention": self.convention,
        }
