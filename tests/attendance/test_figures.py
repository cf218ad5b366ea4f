"""Attendance: the code table, reading registers, rates and flags, the penalty-notice window (rules.md §5, §7)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sendcalc.attendance.codes import CODES, codes_of, lookup
from sendcalc.attendance.figures import analyse_register, percent, percent_text, quick_figures
from sendcalc.attendance.penalty import check_penalty, continuous_unauthorised, school_weeks
from sendcalc.attendance.register import Mark
from sendcalc.calendar import Closure, SchoolCalendar, load_calendar
from sendcalc.core.errors import InputError, OutOfRangeError
from sendcalc.readers.register import read_register, read_register_lines
from tests.conftest import D
from tests.oracle import naive_is_school_day

BUSHEY_INSET = ["2024-09-02", "2024-09-03", "2024-11-04", "2025-02-24", "2025-06-02"]


@pytest.fixture(scope="module")
def bushey(herts: SchoolCalendar) -> SchoolCalendar:
    """Bushey Primary 2024-25: 190 pupil days (term-dates.md)."""
    return herts.with_closures(
        [Closure(D(d), "inset") for d in BUSHEY_INSET] + [Closure(D("2024-10-25"), "occasional")]
    )


def sessions_of(cal: SchoolCalendar, first: str, last: str) -> list[tuple[dt.date, str]]:
    return [(d, s) for d in cal.school_days(D(first), D(last)) for s in cal.sessions_on(d)]


def register_lines(rows: list[tuple[dt.date, str, str]]) -> list[str]:
    return ["date,session,code\n", *(f"{d.isoformat()},{s},{c}\n" for d, s, c in rows)]


def present(session: str) -> str:
    return "/" if session == "am" else "\\"


def marks(cal: SchoolCalendar, rows: list[tuple[dt.date, str, str]]) -> tuple[Mark, ...]:
    return read_register_lines(register_lines(rows), cal).marks


# ----- the code table -------------------------------------------------------------------------------


def test_code_groups_match_rules_md() -> None:
    assert codes_of("present") == ("/", "\\", "L")
    assert codes_of("approved") == ("K", "V", "P", "W", "B")
    assert set(codes_of("authorised")) == {"C", "C1", "C2", "E", "I", "J1", "M", "R", "S", "T"}
    assert set(codes_of("unauthorised")) == {"G", "N", "O", "U"}
    assert set(codes_of("not_possible")) == {"D", "X", "Z", "#", "Q", *(f"Y{i}" for i in range(1, 8))}
    assert len(CODES) == 34
    assert lookup(" c2 ") is CODES["C2"]
    assert lookup("H") is None


# ----- percentages ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("part", "whole", "value", "text"),
    [
        (364, 380, Decimal("95.79"), "95.79%"),
        (342, 380, Decimal("90.00"), "90.0%"),
        (24, 40, Decimal("60.00"), "60.0%"),
        (1, 3, Decimal("33.33"), "33.33%"),
        (2, 3, Decimal("66.67"), "66.67%"),
        (1, 8, Decimal("12.50"), "12.5%"),  # half up at the third place
        (0, 0, None, "n/a"),
    ],
)
def test_percent_is_exact_and_rounds_half_up(part: int, whole: int, value: Decimal | None, text: str) -> None:
    assert percent(part, whole) == value
    assert percent_text(percent(part, whole)) == text


def test_worked_case_19_days_of_190_is_exactly_90_and_persistent(bushey: SchoolCalendar) -> None:
    sessions = sessions_of(bushey, "2024-09-01", "2025-07-31")
    assert len(sessions) == 380
    rows = [(d, s, "I" if i < 38 else present(s)) for i, (d, s) in enumerate(sessions)]
    report = analyse_register(bushey, read_register_lines(register_lines(rows), bushey))
    (year,) = report.years
    assert (year.possible, year.attended, year.absent, year.authorised) == (380, 342, 38, 38)
    assert year.rate == Decimal("90.00")
    assert year.persistent is True
    assert year.severe is False
    quick = quick_figures(380, 38).figures
    assert (quick.rate, quick.persistent) == (Decimal("90.00"), True)


def test_worked_case_16_of_first_40_then_nothing_more(bushey: SchoolCalendar) -> None:
    sessions = sessions_of(bushey, "2024-09-01", "2025-07-31")
    rows = [(d, s, "N" if i < 16 else present(s)) for i, (d, s) in enumerate(sessions)]
    first40 = analyse_register(bushey, read_register_lines(register_lines(rows[:40]), bushey))
    assert first40.years[0].rate == Decimal("60.00")
    assert first40.years[0].severe is False  # 16 of 40 is 40% absence
    assert first40.years[0].persistent is True
    whole = analyse_register(bushey, read_register_lines(register_lines(rows), bushey))
    assert whole.years[0].possible == 380
    assert whole.years[0].rate == Decimal("95.79")
    assert whole.years[0].persistent is False
    assert whole.weeks[-1].to_date_rate == Decimal("95.79")


@pytest.mark.parametrize(
    ("possible", "absent", "persistent", "severe"),
    [
        (1000, 100, True, False),  # 90.0% attendance IS persistent
        (1000, 99, False, False),  # 90.1% is not
        (380, 38, True, False),
        (380, 37, False, False),
        (100, 50, True, True),  # 50% absence is severe
        (100, 49, True, False),
        (101, 50, True, False),  # 49.5% absence: not severe, even though it prints as 50.5% attendance
    ],
)
def test_persistent_and_severe_boundaries(possible: int, absent: int, persistent: bool, severe: bool) -> None:
    figures = quick_figures(possible, absent).figures
    assert (figures.persistent, figures.severe) == (persistent, severe)


def test_rate_with_and_without_suspension() -> None:
    figures = quick_figures(380, 40, 10).figures
    assert figures.rate == Decimal("89.47")
    assert figures.persistent is True
    assert figures.possible_without_e == 370
    assert figures.rate_without_e == Decimal("91.89")
    assert figures.persistent_without_e is False


def test_register_e_sessions_counted_both_ways(herts: SchoolCalendar) -> None:
    sessions = sessions_of(herts, "2025-09-03", "2025-09-30")  # 20 school days, 40 sessions
    assert len(sessions) == 40
    rows = [(d, s, "E" if i < 6 else "I" if i < 8 else present(s)) for i, (d, s) in enumerate(sessions)]
    term = analyse_register(herts, read_register_lines(register_lines(rows), herts)).terms[0]
    assert (term.possible, term.attended, term.authorised, term.unauthorised, term.suspension) == (40, 32, 8, 0, 6)
    assert term.rate == Decimal("80.00")
    assert term.rate_without_e == Decimal("94.12")  # 32 / 34
    assert term.persistent and not term.persistent_without_e


def test_quick_figures_reject_impossible_counts() -> None:
    with pytest.raises(InputError, match="the sessions absent must be between 0 and the possible sessions"):
        quick_figures(10, 11)
    with pytest.raises(InputError, match="the possible sessions must be 1 or more"):
        quick_figures(0, 0)
    with pytest.raises(InputError, match="the sessions suspended \\(E\\) must be between 0 and the sessions absent"):
        quick_figures(10, 2, 3)


# ----- reading registers ----------------------------------------------------------------------------


def test_register_per_day_shape_with_bom_crlf_and_odd_headers(herts: SchoolCalendar, tmp_path: Path) -> None:
    path = tmp_path / "printed.csv"
    path.write_bytes(
        "\ufeff Date , AM ,PM , Weekday\r\n03/09/2025,/,\\,Wed\r\n2025-09-04,L,N,Thu\r\n05/09/25,i,c2,Fri\r\n".encode()
    )
    reg = read_register(path, herts)
    assert reg.shape == "days"
    assert [(m.day.isoformat(), m.session, m.code.code, m.row) for m in reg.marks] == [
        ("2025-09-03", "am", "/", 2),
        ("2025-09-03", "pm", "\\", 2),
        ("2025-09-04", "am", "L", 3),
        ("2025-09-04", "pm", "N", 3),
        ("2025-09-05", "am", "I", 4),
        ("2025-09-05", "pm", "C2", 4),
    ]


def test_register_sessions_shape_accepts_words_and_skips_blank_marks(herts: SchoolCalendar) -> None:
    lines = ["DATE,Session,Code\n", "2025-09-03,Morning,/\n", "2025-09-03,afternoon,-\n", "\n", "2025-09-04,PM,U\n"]
    reg = read_register_lines(lines, herts, "r.csv")
    assert [(m.session, m.code.code, m.row) for m in reg.marks] == [("am", "/", 2), ("pm", "U", 5)]
    assert reg.blank_cells == 1


def test_unknown_code_names_the_row_and_the_code(herts: SchoolCalendar) -> None:
    lines = ["date,session,code\n", "2025-09-03,am,/\n", "2025-09-03,pm,H\n"]
    with pytest.raises(InputError) as err:
        read_register_lines(lines, herts, "reg.csv")
    assert str(err.value).startswith("reg.csv, row 3: unknown attendance code 'H'. H (agreed family holiday)")


def test_saturday_row_is_an_error_naming_the_row(herts: SchoolCalendar) -> None:
    lines = ["date,am,pm\n", "05/09/2025,/,\\\n", "06/09/2025,/,\\\n"]
    with pytest.raises(InputError) as err:
        read_register_lines(lines, herts, "reg.csv")
    assert str(err.value).startswith(
        "reg.csv, row 3: Saturday 6 September 2025 is not a school day on the Hertfordshire calendar (it is a Saturday)"
    )


def test_inset_day_row_is_an_error_but_a_closure_mark_agrees(bushey: SchoolCalendar) -> None:
    with pytest.raises(InputError, match=r"row 2: Monday 4 November 2024 is not a school day .*INSET"):
        read_register_lines(["date,session,code\n", "2024-11-04,am,/\n"], bushey, "reg.csv")
    reg = read_register_lines(["date,session,code\n", "2024-11-04,am,#\n"], bushey, "reg.csv")
    assert reg.marks[0].code.kind == "not_possible"


def test_duplicate_session_names_both_rows(herts: SchoolCalendar) -> None:
    lines = ["date,session,code\n", "2025-09-03,am,/\n", "2025-09-03,pm,\\\n", "03/09/2025,AM,N\n"]
    with pytest.raises(InputError) as err:
        read_register_lines(lines, herts, "reg.csv")
    assert str(err.value) == (
        "reg.csv: rows 2 and 4 both give a mark for the morning session of Wednesday 3 September 2025; keep one of them"
    )


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        ([], "reg.csv: the file is empty"),
        (["day,code\n"], "reg.csv, row 1: the header has no 'date' column"),
        (["date,code\n"], "reg.csv, row 1: the header (date, code) needs either session and code"),
        (["date,session,code\n", "2025-09-03,noon,/\n"], "reg.csv, row 2: session 'noon' must be am or pm"),
        (["date,session,code\n", "31/09/2025,am,/\n"], "reg.csv, row 2: '31/09/2025' is not a real date"),
        (["date,session,code\n", "3 Sept,am,/\n"], "reg.csv, row 2: cannot read the date '3 Sept'"),
    ],
)
def test_register_format_errors(herts: SchoolCalendar, lines: list[str], message: str) -> None:
    with pytest.raises(InputError) as err:
        read_register_lines(lines, herts, "reg.csv")
    assert str(err.value).startswith(message)


def test_register_date_outside_the_calendar_keeps_exit_code_4(herts: SchoolCalendar) -> None:
    with pytest.raises(OutOfRangeError, match=r"^reg.csv, row 2: .*2030-31"):
        read_register_lines(["date,session,code\n", "2030-09-03,am,/\n"], herts, "reg.csv")


def test_session_closure_removes_the_session_from_the_register(herts: SchoolCalendar) -> None:
    closed = herts.with_closures([Closure(D("2025-09-10"), "closure", "pm")])
    with pytest.raises(InputError, match=r"row 2: the afternoon session of Wednesday 10 September 2025 was not held"):
        read_register_lines(["date,session,code\n", "2025-09-10,pm,N\n"], closed, "reg.csv")
    days = ["date,am,pm\n", *(f"{d.isoformat()},/,{'' if d == D('2025-09-10') else '/'}\n"
                              for d in closed.school_days(D("2025-09-08"), D("2025-09-12")))]  # fmt: skip
    with_closure = analyse_register(closed, read_register_lines(days, closed))
    assert with_closure.years[0].possible == 9
    assert with_closure.unmarked == ()
    without = analyse_register(herts, read_register_lines(days, herts))
    assert without.years[0].possible == 9
    assert without.unmarked == ((D("2025-09-10"), "pm"),)
    assert "1 session(s) the Hertfordshire calendar holds" in without.warnings[-1]


def test_ten_thousand_row_register(tmp_path: Path) -> None:
    years = "\n".join(
        f'[years."{y}-{(y + 1) % 100:02d}"]\nstatus = "confirmed"\nsource = "test"\n'
        f'terms = [{{ name = "year", first_day = {y}-09-01, last_day = {y + 1}-07-20 }}]\n'
        for y in range(2000, 2024)
    )
    cal_path = tmp_path / "long.toml"
    cal_path.write_text(f'name = "Long"\n{years}', encoding="utf-8")
    cal = load_calendar(cal_path)
    sessions = [(d, s) for d in cal.school_days(D("2000-09-01"), D("2024-07-20")) for s in cal.sessions_on(d)]
    sessions = sessions[:10_000]
    reg_path = tmp_path / "big.csv"
    with reg_path.open("w", encoding="utf-8") as handle:
        handle.write("date,session,code\n")
        for i, (d, s) in enumerate(sessions):
            handle.write(f"{d:%d/%m/%Y},{s},{'G' if i % 50 == 0 else present(s)}\n")
    report = analyse_register(cal, read_register(reg_path, cal))
    assert report.marks == 10_000
    assert sum(y.possible for y in report.years) == 10_000
    assert sum(y.unauthorised or 0 for y in report.years) == 200
    assert report.penalty.met is False
    assert report.penalty.most_in_any_window == 2  # one G every 25 school days: 2 in any 10 school weeks


# ----- the penalty-notice window --------------------------------------------------------------------


def test_four_holiday_and_six_late_after_close_meet_the_threshold(herts: SchoolCalendar) -> None:
    rows = [(D("2025-09-15") + dt.timedelta(days=i), "am", "G") for i in range(4)]  # Mon-Thu, holiday
    late = [D("2025-10-06"), D("2025-10-13"), D("2025-10-20"), D("2025-11-03"), D("2025-11-10"), D("2025-11-24")]
    rows += [(d, "am", "U") for d in late]
    p = check_penalty(herts, marks(herts, rows))
    assert p.met is True
    assert p.met_on == D("2025-11-24")
    assert p.window_first == D("2025-09-15")
    assert p.school_weeks_spanned == 10  # w/c 15 Sep to w/c 24 Nov is 11 calendar weeks; half-term is skipped
    assert p.window_last == D("2025-11-30")
    assert [m.code.code for m in p.sessions] == ["G"] * 4 + ["U"] * 6


def test_nine_sessions_do_not_meet_it_ten_do(herts: SchoolCalendar) -> None:
    days = herts.school_days(D("2025-09-08"), D("2025-09-12"))
    nine = [(d, s, "O") for d in days for s in ("am", "pm")][:9]
    p9 = check_penalty(herts, marks(herts, nine))
    assert (p9.met, p9.most_in_any_window, p9.met_on) == (False, 9, None)
    ten = [(d, s, "O") for d in days for s in ("am", "pm")]
    p10 = check_penalty(herts, marks(herts, ten))
    assert (p10.met, p10.met_on, p10.school_weeks_spanned) == (True, D("2025-09-12"), 1)


def test_authorised_absence_never_counts_toward_the_threshold(herts: SchoolCalendar) -> None:
    days = herts.school_days(D("2025-09-08"), D("2025-09-19"))
    rows = [(d, s, "I") for d in days for s in ("am", "pm")]
    assert check_penalty(herts, marks(herts, rows)).most_in_any_window == 0


@pytest.mark.parametrize(("autumn_week", "met"), [("2025-11-03", True), ("2025-11-10", False)])
def test_summer_then_autumn_only_when_inside_10_school_weeks(
    herts: SchoolCalendar, autumn_week: str, met: bool
) -> None:
    # 2 in the last summer week of 2024-25, 8 in one autumn week of 2025-26. The summer holiday and the
    # October half-term have no sessions, so are not school weeks: w/c 21 July is school week 1 and
    # w/c 3 November is school week 10 (the window), w/c 10 November is week 11 (outside it).
    rows = [(D("2025-07-22"), "am", "N"), (D("2025-07-22"), "pm", "N")]
    monday = D(autumn_week)
    rows += [(monday + dt.timedelta(days=i), s, "G") for i in range(4) for s in ("am", "pm")]
    p = check_penalty(herts, marks(herts, rows))
    assert p.met is met
    if met:
        assert p.window_first == D("2025-07-21")
        assert p.met_on == D("2025-11-06")
        assert p.school_weeks_spanned == 10
        assert p.window_last == D("2025-11-09")
    else:
        assert p.most_in_any_window == 8


def test_school_weeks_skip_holidays(herts: SchoolCalendar) -> None:
    weeks = school_weeks(herts, D("2025-10-20"), D("2025-11-07"))
    assert weeks == [D("2025-10-20"), D("2025-11-03")]


def naive_first_met(cal: SchoolCalendar, days: list[dt.date]) -> dt.date | None:
    """Window by window: every run of 10 school weeks found by walking the calendar a day at a time."""
    mondays = []
    monday = days[0] - dt.timedelta(days=days[0].weekday())
    last = days[-1]
    while monday <= last:
        if any(naive_is_school_day(cal, monday + dt.timedelta(days=i)) for i in range(5)):
            mondays.append(monday)
        monday += dt.timedelta(days=7)
    best: dt.date | None = None
    for i in range(len(mondays)):
        window = mondays[i : i + 10]
        inside = sorted(d for d in days if window[0] <= d <= window[-1] + dt.timedelta(days=6))
        if len(inside) >= 10 and (best is None or inside[9] < best):
            best = inside[9]
    return best


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=189), min_size=1, max_size=30, unique=True))
def test_penalty_window_matches_a_naive_oracle(herts: SchoolCalendar, picks: list[int]) -> None:
    cal = herts
    all_days = cal.school_days(D("2025-09-01"), D("2026-07-31"))
    days = sorted(all_days[i] for i in picks)
    p = check_penalty(cal, marks(cal, [(d, "am", "N") for d in days]))
    assert p.met_on == naive_first_met(cal, days)


def test_continuous_ten_school_days_spans_a_weekend_but_not_a_present_day(herts: SchoolCalendar) -> None:
    days = herts.school_days(D("2025-09-08"), D("2025-09-26"))  # 15 school days
    rows = [(d, s, "N") for d in days[:12] for s in ("am", "pm")]
    run = continuous_unauthorised(herts, marks(herts, rows))
    assert run is not None
    assert (run.first, run.tenth, run.last, run.days) == (D("2025-09-08"), D("2025-09-19"), D("2025-09-23"), 12)
    broken = rows[:]
    broken[9] = (days[4], "pm", "\\")  # attended the Friday afternoon of the first week
    assert continuous_unauthorised(herts, marks(herts, broken)) is None
