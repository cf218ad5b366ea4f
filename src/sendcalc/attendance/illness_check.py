"""Sessions a parent reported as illness that the register codes as unauthorised absence.

Illness should be recorded as code I (authorised) unless the school has a genuine doubt and says so
(DfE, Working together to improve school attendance; School attendance codes). A session of illness
coded O, G, U or N counts toward the penalty-notice threshold of 10 unauthorised sessions in 10 school
weeks, so this check says whether those sessions alone reach it, and whether the register would still
reach it with them coded I.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from sendcalc.attendance.penalty import PenaltyCheck, check_penalty
from sendcalc.attendance.register import Mark, Register
from sendcalc.calendar.engine import SchoolCalendar
from sendcalc.calendar.model import Session


@dataclass(frozen=True)
class IllnessCheck:
    reported: int  # sessions the parent reported as illness
    unauthorised: tuple[Mark, ...]  # of those, coded G, N, O or U
    other: tuple[Mark, ...]  # coded something other than I and not unauthorised (present, another reason)
    not_in_register: tuple[tuple[dt.date, Session], ...]
    now: PenaltyCheck  # the register as it is
    alone: PenaltyCheck  # the wrongly coded sessions by themselves
    if_recoded: PenaltyCheck  # the register with them coded I

    @property
    def effect(self) -> Literal["alone", "drops", "stays", "counts"]:
        """What the wrongly coded sessions do to the penalty-notice threshold: reach it by themselves; make the
        register reach it (coded I, it would not); not matter (it is reached without them); or count toward it."""
        if self.alone.met:
            return "alone"
        if self.now.met:
            return "stays" if self.if_recoded.met else "drops"
        return "counts"


def cross_check(calendar: SchoolCalendar, register: Register, illness: list[tuple[dt.date, Session]]) -> IllnessCheck:
    """Compare the sessions reported as illness with their register codes."""
    marks = {(m.day, m.session): m for m in register.marks}
    reported = sorted(set(illness))
    found = [marks[key] for key in reported if key in marks]
    wrong = tuple(m for m in found if m.code.kind == "unauthorised")
    other = tuple(m for m in found if m.code.kind != "unauthorised" and m.code.code != "I")
    wrong_keys = {(m.day, m.session) for m in wrong}
    recoded = tuple(m for m in register.marks if (m.day, m.session) not in wrong_keys)
    return IllnessCheck(
        reported=len(reported),
        unauthorised=wrong,
        other=other,
        not_in_register=tuple(key for key in reported if key not in marks),
        now=check_penalty(calendar, register.marks),
        alone=check_penalty(calendar, wrong),
        if_recoded=check_penalty(calendar, recoded),
    )
