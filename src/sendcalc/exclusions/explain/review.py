"""The working of `sendcalc review`: when each letter counts as given, and the deadline it starts."""

from __future__ import annotations

from sendcalc.core import sources
from sendcalc.core.dates import in_words
from sendcalc.core.steps import Step
from sendcalc.exclusions.review import ReviewResult, ReviewStage


def review_steps(result: ReviewResult) -> tuple[Step, ...]:
    steps: list[Step] = []
    if result.decision_notice is not None:
        steps += [
            _given(result.decision_notice, "governing board's decision letter"),
            Step(
                "The parents may apply for an independent review within 15 school days after the day they are given "
                "written notice of the governing board's decision; ask for a SEN expert in the application "
                "(whether or not the child has a diagnosed SEN)",
                f"{sources.IRP_APPLY}; {sources.IRP_SEN_EXPERT}",
                f"last day to apply (and to ask for a SEN expert): {in_words(result.decision_notice.deadline)}",
            ),
        ]
    if result.application is not None:
        steps += [
            _given(result.application, "application for a review"),
            Step(
                "The 'closing date for reviews' is the 15th school day after the application is made",
                sources.IRP_CLOSING,
                in_words(result.application.deadline),
            ),
        ]
    if result.panel_decision is not None:
        steps += [
            _given(result.panel_decision, "panel's decision"),
            Step(
                "When the panel recommends or directs it, the governing board must reconsider within 10 school days "
                "after being notified of the panel's decision",
                sources.IRP_RECONSIDER,
                in_words(result.panel_decision.deadline),
            ),
        ]
    return tuple(steps)


def _given(stage: ReviewStage, what: str) -> Step:
    if stage.posted:
        return Step(
            f"The {what} was sent by first class post: it counts as given on the second working day after "
            "posting (working days skip weekends and bank holidays, not school holidays)",
            sources.IRP_POSTED,
            f"posted {in_words(stage.date)} -> given {in_words(stage.effective)}",
        )
    return Step(
        f"The {what} was not posted (delivered by hand): it counts as given on the day",
        sources.IRP_POSTED,
        in_words(stage.date),
    )
