"""Text, JSON and CSV for `sendcalc days ...` results (plain text: no Rich on this fast path)."""

from __future__ import annotations

from typing import Any

from sendcalc.calendar.counting import Offset, SkippedRun, Span
from sendcalc.core.dates import in_words
from sendcalc.render.emit import csv_text, json_text, pick
from sendcalc.render.view import View, view_of

_LIST_LIMIT = 15


def _skipped_json(runs: tuple[SkippedRun, ...]) -> list[dict[str, Any]]:
    return [{"first": r.first, "last": r.last, "days": r.length, "reasons": list(r.reasons)} for r in runs]


def _skipped_lines(runs: tuple[SkippedRun, ...]) -> list[str]:
    lines = []
    for run in runs:
        if run.reasons == ("weekend",) and run.length <= 2:
            continue
        span = in_words(run.first) if run.length == 1 else f"{in_words(run.first)} to {in_words(run.last)}"
        lines.append(f"  {span}: {'; '.join(run.reasons)}")
    return lines


def offset_json(result: Offset) -> str:
    return json_text(
        {
            **pick(result, "calendar", "start", "school_days", "result", ("counting", "rule")),
            "counted": list(result.counted),
            "skipped": _skipped_json(result.skipped),
            "warnings": list(result.warnings),
        }
    )


def offset_csv(result: Offset) -> str:
    return csv_text(["start", "school_days", "result"], [[result.start, result.school_days, result.result]])


def offset_text(result: Offset, colour: bool = False) -> str:
    plural = "day" if result.school_days == 1 else "days"
    lines = [
        f"{result.school_days} school {plural} after {in_words(result.start)} is {in_words(result.result)}.",
        f"Counting: {result.rule}.",
    ]
    if result.counted and len(result.counted) <= _LIST_LIMIT:
        lines += [f"  day {n:>2}  {in_words(day)}" for n, day in enumerate(result.counted, start=1)]
    skipped = _skipped_lines(result.skipped)
    if skipped:
        lines += ["Skipped (not school days):", *skipped]
    elif result.skipped:
        lines.append("Skipped: weekends only.")
    lines.append(f"Calendar: {result.calendar}.")
    return "\n".join(lines) + "\n"


def span_json(span: Span, *, listing: bool) -> str:
    body = pick(
        span, "calendar", "first", "last", ("ends", "inclusive"), ("counting", "ends"), ("school_days", "count")
    )
    if listing:
        body["dates"] = list(span.school_days)
    body["skipped"] = _skipped_json(span.skipped)
    body["warnings"] = list(span.warnings)
    return json_text(body)


def span_csv(span: Span, *, listing: bool) -> str:
    if listing:
        return csv_text(["day", "date", "weekday"], [[n, d, f"{d:%A}"] for n, d in enumerate(span.school_days, 1)])
    return csv_text(["first", "last", "ends", "school_days"], [[span.first, span.last, span.inclusive, span.count]])


def span_text(span: Span, colour: bool = False, *, listing: bool) -> str:
    plural = "day" if span.count == 1 else "days"
    lines = [
        f"{span.count} school {plural} from {in_words(span.first)} to {in_words(span.last)}.",
        f"Counting: {span.ends}.",
    ]
    if listing:
        lines += [f"  day {n:>3}  {in_words(day)}" for n, day in enumerate(span.school_days, start=1)]
    skipped = _skipped_lines(span.skipped)
    if skipped:
        lines += ["Skipped (not school days):", *skipped]
    lines.append(f"Calendar: {span.calendar}.")
    return "\n".join(lines) + "\n"


def offset_view(result: Offset) -> View:
    return view_of(result, text=offset_text, json=offset_json, csv=offset_csv)


def span_view(span: Span, *, listing: bool) -> View:
    return View(
        text=lambda colour: span_text(span, colour, listing=listing),
        json=lambda: span_json(span, listing=listing),
        csv=lambda: span_csv(span, listing=listing),
    )
