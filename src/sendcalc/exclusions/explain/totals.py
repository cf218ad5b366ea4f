"""The working of `sendcalc totals`: term and year totals, back-to-back runs, attribution, board notice dates."""

from __future__ import annotations

from sendcalc.core import sources
from sendcalc.core.dates import in_words
from sendcalc.core.steps import Step
from sendcalc.core.units import days_words
from sendcalc.exclusions.ledger import Ledger, Run
from sendcalc.exclusions.totals import TotalsResult


def totals_steps(result: TotalsResult) -> tuple[Step, ...]:
    ledger = result.ledger
    return (
        Step(
            "Term totals decide the governing board's duty; school-year totals are checked against the 45-day cap",
            sources.TERM_TOTAL,
            "; ".join(f"{t.period}: {days_words(t.total_halves)}" for t in ledger.terms) or "no suspensions",
        ),
        Step(
            "The Hertfordshire parents' guide reads the 5 and 15 day lines over a school year; the Regulations say "
            "'in any term'. sendcalc follows the Regulations and shows both totals",
            sources.YEAR_READING,
            "; ".join(f"{y.period}: {days_words(y.total_halves)}" for y in ledger.years) or "no suspensions",
        ),
        Step(
            "Back-to-back suspensions count as one period for day 6; a run is broken only when the child attends a "
            "full session between two suspensions, and non-school days never break it; a lunchtime suspension "
            "never starts or continues a run",
            f"{sources.BACK_TO_BACK}; {sources.RUN_BROKEN}",
            "; ".join(run_words(ledger, run) for run in ledger.runs) or "no suspensions",
            convention=True,
        ),
        Step(
            "Each day (or final half day) counts toward the term and school year of the date that carries its number",
            sources.ATTRIBUTION,
            "applied to every suspension",
            convention=True,
        ),
        Step(
            "The governing board's notice date is taken as the first day of each suspension (notice is due "
            "'without delay'); the day of notice is day 0",
            sources.NOTICE_CONVENTION,
            "; ".join(
                f"{e.entry.label}: {b.duty}" + (f", deadline {in_words(b.deadline)}" if b.deadline else "")
                for e, b in zip(ledger.entries, result.boards, strict=True)
            ),
            convention=True,
        ),
    )


def run_words(ledger: Ledger, run: Run) -> str:
    labels = ", ".join(ledger.entries[i].entry.label for i in run.members)
    six = f"day 6 is {in_words(run.day_six)}" if run.day_six else "no day 6 (not more than 5 days)"
    return f"run {run.number} ({labels}): {days_words(run.halves)} from day 1 on {in_words(run.day_one)}; {six}"
