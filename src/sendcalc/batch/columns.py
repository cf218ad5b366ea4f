"""The columns of a case list: the names people give them, what `sendcalc check` writes, and which are which."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

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


RESULT_COLUMNS = OUTPUT_COLUMNS[1:]
_RESULT_NAMES = frozenset(RESULT_COLUMNS)


@dataclass(frozen=True)
class Layout:
    """Where a case list keeps each field, and the columns it passes through to the output unchanged.

    Every column but the case ID comes back, in input order, under its own name (one that a result
    column already has is written ``input_<name>``); ``unknown`` are the names sendcalc does not read.
    """

    known: dict[str, int]
    passed: tuple[int, ...]
    passed_names: tuple[str, ...]
    unknown: tuple[str, ...]
    unnamed: tuple[int, ...]

    def output_header(self, only_results: bool) -> list[str]:
        return ["case_id", *(() if only_results else self.passed_names), *RESULT_COLUMNS]


def layout(header: Sequence[str], hidden: Collection[int] = ()) -> Layout:
    """Read a case list's header: each known field's column, the columns passed through, in one pass.

    ``hidden``: columns read but not passed through (the known fields a JSON Lines input may leave out).

    A name given twice, or two names for one field, is an InputError naming both: which one holds
    the dates would be a guess.
    """
    names = [normalise(h) for h in header]
    alias_of = {alias: key for key, aliases in COLUMN_NAMES.items() for alias in aliases}
    known: dict[str, int] = {}
    seen: dict[str, int] = {}
    passed: list[int] = []
    passed_names: list[str] = []
    unknown: list[str] = []
    unnamed: list[int] = []
    for i, (given, name) in enumerate(zip(header, names, strict=True)):
        if not name:
            unnamed.append(i + 1)
            continue
        if name in seen:
            j = seen[name]
            raise InputError(
                f"the header names {given.strip()!r} twice (columns {j + 1} and {i + 1}); give each column its own name"
            )
        seen[name] = i
        key = alias_of.get(name)
        if key is not None and key in known:
            j = known[key]
            raise InputError(
                f"columns {j + 1} ({header[j].strip()!r}) and {i + 1} ({given.strip()!r}) both give the {key}; "
                "keep one of them"
            )
        if key is not None:
            known[key] = i
        else:
            unknown.append(given.strip())
        if key != "case_id" and i not in hidden:
            passed.append(i)
            passed_names.append(f"input_{name}" if name in _RESULT_NAMES else given.strip())
    missing = [k for k in ("case_id", "date") if k not in known]
    if missing:
        raise InputError(
            f"the case list has no {' or '.join(missing)} column; its header is {_shown(header)}. "
            "Name the columns case_id and date (see: sendcalc guide check)"
        )
    return Layout(known, tuple(passed), tuple(passed_names), tuple(unknown), tuple(unnamed))


def _shown(header: Sequence[str]) -> str:
    """A header as it can be shown in one line: a binary file's first bytes are quoted, not printed raw."""
    text = ", ".join(header)
    return text if text.isprintable() and len(text) <= 200 else repr(text[:200])
