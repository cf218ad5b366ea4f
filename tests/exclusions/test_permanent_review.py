"""Permanent exclusion and the independent review panel timeline (rules.md §3, §7 case 6)."""

from __future__ import annotations

import datetime as dt

import pytest

from sendcalc.calendar import SchoolCalendar
from sendcalc.core.errors import InputError
from sendcalc.exclusions.explain import permanent_steps
from sendcalc.exclusions.permanent import assess_permanent
from sendcalc.exclusions.review import deemed_given, review_timeline
from tests.conftest import D


def test_permanent_from_eleven(herts: SchoolCalendar) -> None:
    r = assess_permanent(herts, D("2025-11-18"), picked_up=dt.time(11, 0))
    assert r.start.starts_at == dt.datetime(2025, 11, 18, 11, 0)
    assert r.first_five_days == (D("2025-11-18"), D("2025-11-19"), D("2025-11-20"), D("2025-11-21"), D("2025-11-24"))
    assert r.parent_duty_dates == r.first_five_days
    assert (r.provision_from, r.provision_by) == (D("2025-11-25"), "local authority")
    board = r.governing_board
    assert (board.duty, board.school_days, board.deadline) == ("must-consider", 15, D("2025-12-09"))
    assert r.written_notice_by == dt.datetime(2025, 11, 18, 15, 15)


def test_permanent_from_the_afternoon_starts_day_one_next_day(herts: SchoolCalendar) -> None:
    r = assess_permanent(herts, D("2025-11-18"), picked_up=dt.time(14, 0), notice_date=D("2025-11-19"))
    assert r.start.day_zero == D("2025-11-18")
    assert r.first_five_days[0] == D("2025-11-19")
    assert r.provision_from == D("2025-11-26")
    # notice on Wednesday 19 November: the 15th school day after it
    assert r.governing_board.deadline == D("2025-12-10")
    assert r.governing_board.notice_given


def test_permanent_deadline_passed_is_reported_not_void(weekdays: SchoolCalendar) -> None:
    r = assess_permanent(weekdays, D("2018-01-08"), today=D("2018-02-01"))
    assert r.governing_board.deadline == D("2018-01-29")
    assert r.governing_board.deadline_passed is True
    assert any("a late decision is still valid" in s.result for s in permanent_steps(weekdays, r))
    assert not any("void" in s.result for s in permanent_steps(weekdays, r))


def test_worked_case_6_posted_decision_letter(weekdays: SchoolCalendar) -> None:
    r = review_timeline(weekdays, decision_notice=D("2004-09-13"), decision_posted=True)
    assert r.decision_notice is not None
    assert r.decision_notice.effective == D("2004-09-15")
    assert r.decision_notice.deadline == D("2004-10-06")
    assert r.application is None and r.panel_decision is None


def test_application_and_panel_decision(weekdays: SchoolCalendar) -> None:
    r = review_timeline(weekdays, applied=D("2004-10-01"), panel_decision=D("2004-11-01"), panel_posted=True)
    assert r.application is not None and r.panel_decision is not None
    assert (r.application.effective, r.application.deadline) == (D("2004-10-01"), D("2004-10-22"))
    assert (r.panel_decision.effective, r.panel_decision.deadline) == (D("2004-11-03"), D("2004-11-17"))


def test_posting_skips_bank_holidays_but_not_school_holidays(herts: SchoolCalendar) -> None:
    # posted Friday 19 December 2025: Monday 22 and Tuesday 23 are working days though school is closed
    assert deemed_given(herts, D("2025-12-19"), posted=True) == D("2025-12-23")
    # posted Wednesday 24 December: 25, 26 are bank holidays, 27-28 a weekend
    assert deemed_given(herts, D("2025-12-24"), posted=True) == D("2025-12-30")
    r = review_timeline(herts, decision_notice=D("2025-12-19"), decision_posted=True)
    assert r.decision_notice is not None
    assert r.decision_notice.deadline == D("2026-01-23")


def test_late_application_is_flagged(weekdays: SchoolCalendar) -> None:
    r = review_timeline(weekdays, decision_notice=D("2004-09-13"), decision_posted=True, applied=D("2004-10-07"))
    assert tuple(w for w in r.warnings if not w.startswith("Weekdays only calendar: ")) == (
        "the application counts as made on Thursday 7 October 2004, after the last day to apply "
        "(Wednesday 6 October 2004)",
    )


def test_review_needs_a_date(weekdays: SchoolCalendar) -> None:
    with pytest.raises(InputError, match="give at least one date"):
        review_timeline(weekdays)
