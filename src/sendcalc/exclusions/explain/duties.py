"""Steps both a suspension and a permanent exclusion share: the child's age and the written notice."""

from __future__ import annotations

import datetime as dt

from sendcalc.core import sources
from sendcalc.core.dates import moment_in_words
from sendcalc.core.school_age import SchoolAge
from sendcalc.core.steps import Step


def age_step(age: SchoolAge) -> Step:
    """Whom the parent's duty and day 6 apply to, and what is known of the child's age."""
    return Step(
        "The parent's duty and day-6 provision apply to a child of compulsory school age: from the 31 "
        "December, 31 March or 31 August after the fifth birthday to the last Friday in June of Year 11",
        sources.SCHOOL_AGE,
        age.reason,
        convention=age.compulsory == "assumed",
    )


def written_notice_step(by: dt.datetime) -> Step:
    return Step(
        "Written notice to the parents no later than the end of the afternoon session of the first day",
        sources.WRITTEN_NOTICE,
        f"by {moment_in_words(by)}",
    )
