"""The working behind every exclusion result, worded from the finished facts: each rule, its source, its result.

`--explain` prints these steps and the JSON carries them. Nothing here computes a date: each step
reads what the kernel, the ledger and the board's rules already decided, so the working cannot
disagree with the answer. One module per result.
"""

from sendcalc.exclusions.explain.permanent import permanent_provision_reason, permanent_steps
from sendcalc.exclusions.explain.placement import placement_steps, start_steps
from sendcalc.exclusions.explain.review import review_steps
from sendcalc.exclusions.explain.suspension import provision_reason, suspension_steps
from sendcalc.exclusions.explain.totals import totals_steps

__all__ = [
    "permanent_provision_reason",
    "permanent_steps",
    "placement_steps",
    "provision_reason",
    "review_steps",
    "start_steps",
    "suspension_steps",
    "totals_steps",
]
