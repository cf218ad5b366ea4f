"""Table (Rich, with a weekly bar view), JSON and CSV for `sendcalc attendance`."""

from __future__ import annotations

from decimal import Decimal
from functools import partial
from typing import Any

from rich.table import Table
from rich.text import Text

from sendcalc.attendance.explain import quick_steps, register_steps
from sendcalc.attendance.figures import AttendanceReport, QuickReport, Tally, percent_text
from sendcalc.attendance.penalty import FINES, PenaltyCheck
from sendcalc.core.dates import in_words, short_words
from sendcalc.render.emit import csv_text, json_text, pick
from sendcalc.render.steps import steps_json
from sendcalc.render.view import View, view_of
from sendcalc.render.working import rate_json, rich_text

_BAR = 30
_COUNTS = (
    "first",
    "last",
    "possible",
    "attended",
    "absent",
    "authorised",
    "unauthorised",
    "suspension",
    "not_possible",
)
PERIOD_COLUMNS = ["period", "kind", *_COUNTS, "rate", "rate_without_suspension", "persistent_absence", "severe_absence"]


def _flag(t: Tally, without_e: bool = False) -> str:
    severe = t.severe_without_e if without_e else t.severe
    persistent = t.persistent_without_e if without_e else t.persistent
    return "severe" if severe else "persistent" if persistent else "-"


def _verdict(flag: str) -> str:
    if flag == "-":
        return "not persistent absence (absent from less than 10% of possible sessions)"
    if flag == "severe":
        return "severe absence (absent from 50% or more of possible sessions)"
    return "persistent absence (absent from 10% or more of possible sessions)"


def period_json(t: Tally) -> dict[str, Any]:
    return {
        **pick(t, ("period", "label"), "kind", *_COUNTS),
        "rate": rate_json(t.rate),
        "rate_without_suspension": rate_json(t.rate_without_e),
        **pick(
            t,
            ("persistent_absence", "persistent"),
            ("severe_absence", "severe"),
            ("persistent_absence_without_suspension", "persistent_without_e"),
            ("severe_absence_without_suspension", "severe_without_e"),
        ),
    }


def _period_row(t: Tally) -> list[Any]:
    counts = [getattr(t, name) for name in _COUNTS]
    return [
        t.label,
        t.kind,
        *counts,
        rate_json(t.rate),
        rate_json(t.rate_without_e),
        _bool(t.persistent),
        _bool(t.severe),
    ]


def _bool(value: bool) -> str:
    """CSV booleans spelt as in JSON."""
    return "true" if value else "false"


def penalty_json(p: PenaltyCheck) -> dict[str, Any]:
    return {
        **pick(
            p,
            "met",
            ("unauthorised_sessions", "unauthorised_total"),
            ("most_in_any_10_school_weeks", "most_in_any_window"),
            "met_on",
            "window_first",
            "window_last",
            "school_weeks_spanned",
        ),
        "sessions": [{"date": m.day, "session": m.session, "code": m.code.code, "row": m.row} for m in p.sessions],
        "fines": list(FINES),
    }


def register_view(report: AttendanceReport, *, weeks: bool = True) -> View:
    return View(
        text=partial(register_text, report, weeks=weeks),
        json=partial(register_json, report),
        csv=partial(register_csv, report),
        steps=partial(register_steps, report),
    )


def quick_view(report: QuickReport) -> View:
    return view_of(report, text=quick_text, json=quick_json, csv=quick_csv, steps=quick_steps)


def register_json(report: AttendanceReport) -> str:
    return json_text(
        {
            **pick(report, "calendar", ("register", "source"), "shape", "marks", "blank_cells", "first", "last"),
            "terms": [period_json(t) for t in report.terms],
            "school_years": [period_json(y) for y in report.years],
            "codes": dict(report.codes),
            "penalty_threshold": penalty_json(report.penalty),
            "continuous_unauthorised": None
            if report.continuous is None
            else {
                "first": report.continuous.first,
                "tenth": report.continuous.tenth,
                "last": report.continuous.last,
                "school_days": report.continuous.days,
            },
            "weeks": [
                {
                    "week_of": w.monday,
                    "possible": w.possible,
                    "attended": w.attended,
                    "unauthorised": w.unauthorised,
                    "suspension": w.suspension,
                    "rate": rate_json(w.rate),
                    "to_date_possible": w.to_date_possible,
                    "to_date_attended": w.to_date_attended,
                    "to_date_rate": rate_json(w.to_date_rate),
                }
                for w in report.weeks
            ],
            "unmarked_sessions": len(report.unmarked),
            "steps": steps_json(register_steps(report)),
            "warnings": list(report.warnings),
        }
    )


def register_csv(report: AttendanceReport) -> str:
    return csv_text(PERIOD_COLUMNS, [_period_row(t) for t in (*report.terms, *report.years)])


def register_text(report: AttendanceReport, colour: bool = False, *, weeks: bool = True) -> str:
    return rich_text(_table_parts(report, weeks=weeks))


def _table_parts(report: AttendanceReport, *, weeks: bool) -> list[Any]:
    parts: list[Any] = [
        f"Attendance from {report.source} on the {report.calendar} calendar: {report.marks} marked sessions, "
        f"{in_words(report.first)} to {in_words(report.last)}."
    ]
    table = Table(title="Sessions per term and school year", title_justify="left")
    for name in ("period", "possible", "attended", "auth.", "unauth.", "E", "rate", "without E", "flag"):
        table.add_column(name, justify="left" if name in ("period", "flag") else "right", no_wrap=True)
    for t in (*report.terms, *report.years):
        table.add_row(
            t.label if t.kind == "term" else f"{t.label} (year)",
            str(t.possible),
            str(t.attended),
            str(t.authorised),
            str(t.unauthorised),
            str(t.suspension),
            percent_text(t.rate),
            percent_text(t.rate_without_e),
            _flag(t),
            end_section=t is report.terms[-1],
        )
    parts.append(table)
    parts.append(
        "auth./unauth.: authorised and unauthorised absence; authorised includes E (suspended, no provision). "
        "'without E' takes E sessions out of the possible sessions (sendcalc convention). Persistent absence: "
        "absent 10% or more of possible sessions, so exactly 90.0% IS persistent; severe: 50% or more."
    )
    parts.append(_penalty_text(report.penalty))
    if report.continuous:
        c = report.continuous
        parts.append(
            f"Continuous unauthorised absence: {c.days} school days in a row from {in_words(c.first)} to "
            f"{in_words(c.last)}; the 10th was {in_words(c.tenth)}. The school tells the local authority "
            "about 10 continuous school days of unauthorised absence."
        )
    else:
        parts.append("Continuous unauthorised absence: no run of 10 school days.")
    parts.append("Codes: " + ", ".join(f"{code} {n}" for code, n in report.codes))
    if weeks and report.weeks:
        parts.append(_week_bars(report))
    return parts


def _penalty_text(p: PenaltyCheck) -> str:
    head = "Penalty-notice threshold (10 unauthorised sessions, G N O U, within a rolling 10 school weeks): "
    if p.met and p.met_on and p.window_first:
        end = f" to {in_words(p.window_last)}" if p.window_last else ""
        codes = " ".join(m.code.code for m in p.sessions)
        return (
            f"{head}MET on {in_words(p.met_on)}.\n"
            f"  The 10 sessions ({codes}) run from {in_words(p.sessions[0].day)} and fall within "
            f"{p.school_weeks_spanned} school week(s) of the window from {in_words(p.window_first)}{end}.\n"
            "  The school or local authority must consider a penalty notice; it is not automatic.\n"
            "  Amounts: " + "; ".join(FINES) + "."
        )
    return (
        f"{head}not met. At most {p.most_in_any_window} unauthorised session(s) in any 10 school weeks "
        f"({p.unauthorised_total} in all)."
    )


def _bar(rate: Decimal | None) -> Text:
    if rate is None:
        return Text("")
    filled = int(rate * _BAR / 100)
    style = "green" if rate >= 95 else "yellow" if rate >= 90 else "red"
    return Text("█" * filled + "·" * (_BAR - filled), style=style)


def _week_bars(report: AttendanceReport) -> Table:
    table = Table(title="Attendance each week (bar: that week's rate)", title_justify="left", box=None)
    for name in ("week of", "sessions", "rate", "", "to date", "unauth."):
        table.add_column(name, justify="left" if name in ("week of", "") else "right")
    for w in report.weeks:
        table.add_row(
            short_words(w.monday),
            f"{w.attended}/{w.possible}",
            percent_text(w.rate),
            _bar(w.rate),
            percent_text(w.to_date_rate),
            str(w.unauthorised) if w.unauthorised else "",
        )
    return table


def quick_json(report: QuickReport) -> str:
    t = report.figures
    return json_text(
        {
            "possible": t.possible,
            "attended": t.attended,
            "absent": t.absent,
            "suspension": t.suspension,
            "rate": rate_json(t.rate),
            "rate_without_suspension": rate_json(t.rate_without_e),
            "persistent_absence": t.persistent,
            "severe_absence": t.severe,
            "persistent_absence_without_suspension": t.persistent_without_e,
            "severe_absence_without_suspension": t.severe_without_e,
            "steps": steps_json(quick_steps(report)),
            "warnings": list(report.warnings),
        }
    )


def quick_csv(report: QuickReport) -> str:
    t = report.figures
    return csv_text(
        ["possible", "attended", "absent", "suspension", "rate", "rate_without_suspension",
         "persistent_absence", "severe_absence"],
        [[t.possible, t.attended, t.absent, t.suspension, rate_json(t.rate), rate_json(t.rate_without_e),
          _bool(t.persistent), _bool(t.severe)]],
    )  # fmt: skip


def quick_text(report: QuickReport, colour: bool = False) -> str:
    t = report.figures
    lines = [
        f"Attendance: {t.attended} of {t.possible} possible sessions = {percent_text(t.rate)} (absent {t.absent}).",
    ]
    if t.suspension:
        lines.append(
            f"Without the {t.suspension} suspension session(s) (E): {t.attended} of {t.possible_without_e} = "
            f"{percent_text(t.rate_without_e)}: {_verdict(_flag(t, without_e=True)).split(' (')[0]}."
        )
    verdict = _verdict(_flag(t))
    lines.append(f"{verdict[0].upper()}{verdict[1:]}; exactly 90.0% attendance IS persistent absence.")
    return "\n".join(lines) + "\n"
