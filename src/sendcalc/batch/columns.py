"""The columns of a case list: the names people give them, what `sendcalc check` writes, and which are which."""

from __future__ import annotations

from collections.abc import Sequence

from sendcalc.core.errors import InputError

# the columns a case list may have, with the other names people give them
COLUMN_NAMES: dict[str, tuple[str, ...]] = {
    "case_id": ("case_id", "case", "id", "case_ref", "reference"),
    "kind": ("kind", "type", "exclusion_type", "category"),
    "date": ("date", "start_date", "start", "on", "date_of_exclusion", "exclusion_date"),
    "time": ("time", "collected", "picked_up", "collection_time", "time_collected"),
    "session": ("session", "start_session"),
    "days": ("days", "length", "school_days", "number_of_days"),
    "calendar": ("calendar",),
    "inset": ("inset", "inset_days"),
    "notice_date": ("notice_date", "notice", "board_notice_date"),
    "previous": ("previous", "previous_days", "days_this_term"),
    "exam": ("exam", "misses_exam"),
    "pru": ("pru",),
    "decision_notice": ("decision_notice", "decision_notice_date", "board_decision_notice"),
    "decision_posted": ("decision_posted", "posted"),
    "year_group": ("year_group", "year", "nc_year", "yeargroup"),
    "dob": ("dob", "date_of_birth", "birth_date"),
    "exams_finished": ("exams_finished", "exams_over"),
    "plan_fewer_hours": ("plan_fewer_hours", "ehcp_fewer_hours"),
    "provision_started": ("provision_started", "provision", "provision_date", "provision_start"),
    "board_met": ("board_met", "governors_met", "board_meeting", "board_date"),
    "returned": ("returned", "return_date", "date_returned", "child_returned"),
    "review_applied": ("review_applied", "irp_applied", "review_application"),
}
OUTPUT_COLUMNS = (
    "case_id", "kind", "calendar", "starts_at", "returns_at", "day_one", "excluded_days", "provision_from",
    "provision_by", "term_total_days", "year_total_days", "board_duty", "board_deadline", "review_deadline",
    "unlawful", "school_age", "provision_status", "board_status", "return_status", "review_status", "error",
)  # fmt: skip
# a row's inputs: those that place its start on the calendar, and the rest; and the recorded dates
START_KEYS = ("kind", "calendar", "inset", "date", "time", "session")
REST_KEYS = (
    "days", "notice_date", "previous", "exam", "pru", "decision_notice", "decision_posted",
    "year_group", "dob", "exams_finished", "plan_fewer_hours",
)  # fmt: skip
RECORDED = ("provision_started", "board_met", "returned", "review_applied")


def normalise(name: str) -> str:
    """'Case ID', 'case-id', ' CASE_ID ' -> 'case_id'."""
    return "_".join(name.replace("\ufeff", "").replace("-", " ").replace("_", " ").lower().split())


def column_map(header: Sequence[str]) -> dict[str, int]:
    """Which input column holds each known field (unknown columns are ignored)."""
    found: dict[str, int] = {}
    names = [normalise(h) for h in header]
    for key, aliases in COLUMN_NAMES.items():
        for alias in aliases:
            if alias in names:
                found[key] = names.index(alias)
                break
    missing = [k for k in ("case_id", "date") if k not in found]
    if missing:
        raise InputError(
            f"the case list has no {' or '.join(missing)} column; its header is {', '.join(header)!s}. "
            "Name the columns case_id and date (see: sendcalc guide check)"
        )
    return found
