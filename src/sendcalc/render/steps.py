"""The working behind a result (`--explain`): each step, its rule, its source, and whether it is a convention."""

from __future__ import annotations

from collections.abc import Iterable

from sendcalc.core.steps import Step

CONVENTION_NOTE = "(convention: the law is silent here; this is the rule sendcalc applies)"


def steps_lines(steps: Iterable[Step]) -> list[str]:
    """The --explain text: each step, its source and its result; conventions are marked as such."""
    lines = ["", "How this was worked out:"]
    for number, step in enumerate(steps, start=1):
        lines.append(f"{number:>2}. {step.rule}")
        lines.append(f"    source: {step.source}")
        lines.append(f"    result: {step.result}")
        if step.convention:
            lines.append(f"    {CONVENTION_NOTE}")
    return lines


def steps_text(steps: Iterable[Step]) -> str:
    """Numbered plain-text steps for the end of a table view."""
    return "\n".join(steps_lines(steps)) + "\n"


def steps_json(steps: Iterable[Step]) -> list[dict[str, object]]:
    return [step.as_dict() for step in steps]
