"""What a command-line user expects: --version, --quiet, '-' for stdin, a suggestion for a mistyped command,
one-line usage errors, one help style, and text from the user that stays inert in every output."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sendcalc.cli import COMMANDS, app

ROOT = Path(__file__).parent.parent.parent
HISTORY = ROOT / "tests" / "golden" / "history.csv"
ESC = "\x1b[31mRED\x1b[0m"


def run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


def test_version() -> None:
    from importlib.metadata import version

    assert run("--version") == (0, f"sendcalc {version('sendcalc')}\n", "")


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (["exclusoin"], "sendcalc: error: no command 'exclusoin' (did you mean 'exclusion'?); see sendcalc -h"),
        (["calendar", "shwo"], "sendcalc: error: no command 'shwo' (did you mean 'show'?); see sendcalc calendar -h"),
        (
            ["exclusion", "--on", "2025-11-18", "--format", "yaml"],
            "sendcalc: error: invalid value for '--format' / '-f': 'yaml' is not one of 'table', 'json', 'csv'; "
            "see sendcalc exclusion -h",
        ),
        (["exclusion", "--bogus"], "sendcalc: error: no such option: --bogus; see sendcalc exclusion -h"),
        (
            ["attendance", "--possible", "1_0", "--absent", "3"],
            "sendcalc: error: --possible '1_0' is not a whole number of sessions; give 0, 1, 2 ... (up to 999999)",
        ),
        (
            ["attendance", "--possible", "380", "--absent", "x"],
            "sendcalc: error: --absent 'x' is not a whole number of sessions; give 0, 1, 2 ... (up to 999999)",
        ),
        (
            ["days", "add", "2025-11-18", "1_0"],
            "sendcalc: error: N '1_0' is not a whole number of school days; give 0, 1, 2 ... (up to 999999)",
        ),
    ],
)
def test_a_usage_error_is_one_line_with_exit_2(args: list[str], line: str) -> None:
    assert run(*args) == (2, "", line + "\n")


def test_quiet_silences_warnings_but_not_results_or_errors() -> None:
    code, out, err = run("exclusion", "--on", "2025-11-18", "--days", "3", "--format", "csv")
    assert code == 0 and "sendcalc: warning: the Hertfordshire term dates for 2025-26 are conflicting" in err
    assert run("exclusion", "--on", "2025-11-18", "--days", "3", "--format", "csv", "--quiet") == (0, out, "")
    assert run("--quiet", "exclusion", "--on", "2025-11-18", "--days", "3", "--format", "csv") == (0, out, "")
    code, _, err = run("-q", "exclusion", "--on", "2025-11-22")
    assert code == 2 and err.startswith("sendcalc: error: ")


def test_a_dash_reads_the_history_from_stdin() -> None:
    from_file = run("-q", "totals", "--history", str(HISTORY), "--format", "csv")
    from_stdin = run("-q", "totals", "--history", "-", "--format", "csv", stdin=HISTORY.read_text(encoding="utf-8"))
    assert from_file[0] == 0 and from_file[1].startswith("number,row,starts_at")
    assert "stdin row 1 (line 2)" in from_stdin[1]
    assert from_stdin == (0, from_file[1].replace("history.csv row", "stdin row"), "")


def test_a_dash_reads_a_calendar_file_from_stdin() -> None:
    text = (ROOT / "src/sendcalc/data/term_dates/derbyshire.toml").read_text(encoding="utf-8")
    code, out, _ = run("calendar", "check", "-", stdin=text)
    assert code == 0
    assert out == "-: OK: Derbyshire; 2024-25 195 school days (secondary); 2025-26 195 school days (secondary)\n"


def test_calendar_names_complete() -> None:
    from sendcalc.cli.options import complete_calendar

    assert complete_calendar("h") == ["hampshire", "hertfordshire"]
    assert complete_calendar("DER") == ["derbyshire"]
    assert complete_calendar("x") == []


@pytest.mark.parametrize("command", [*COMMANDS, "days add", "calendar show", "sent-home add"])
def test_one_help_style(command: str) -> None:
    code, out, _ = run(*command.split(), "-h")
    assert code == 0
    assert "Examples" in out or command in ("days", "calendar")
    assert "--install-completion" not in out and "--show-completion" not in out
    assert "<str>" not in out and "<bool>" not in out and "<int>" not in out


# ----- text from the user stays inert ---------------------------------------------------------------


def hostile_calendar(tmp_path: Path, *, name: str = "Oak [church] School [bold]", reason: str = "[snow] day") -> str:
    path = tmp_path / "oak.toml"
    path.write_text(
        f'name = "{name}"\nbased_on = "hertfordshire"\n[years."2025-26"]\n'
        f'closures = [{{ date = 2025-11-20, reason = "{reason}" }}]\n',
        encoding="utf-8",
    )
    return str(path)


def test_markup_in_a_calendar_name_and_closure_reason_is_printed_as_typed(tmp_path: Path) -> None:
    calendar = hostile_calendar(tmp_path)
    code, out, _ = run("-q", "exclusion", "--on", "2025-11-18", "--days", "3", "-c", calendar)
    assert code == 0 and out.startswith("Suspension of 3 days (Oak [church] School [bold] calendar)\n")
    code, out, _ = run("-q", "calendar", "show", calendar, "--year", "2025-26")
    assert code == 0
    assert out.startswith("Oak [church] School [bold] 2025-26  (status: conflicting)")
    assert "  Thu 20 Nov 2025  a closure: [snow] day, autumn term\n" in out


@pytest.mark.parametrize(
    ("field", "text", "unicode"),
    [("name", "Oak\\nSchool", "000A"), ("name", "Oak \\u001b[31m", "001B"), ("reason", "snow\\rday", "000D")],
)
def test_a_calendar_name_or_reason_with_a_control_character_is_refused(
    tmp_path: Path, field: str, text: str, unicode: str
) -> None:
    calendar = hostile_calendar(tmp_path, **{field: text})
    code, _, err = run("calendar", "check", calendar)
    entry = "name" if field == "name" else "years.2025-26.closures[1].reason"
    assert code == 3
    assert f": {entry}: holds the control character U+{unicode}; write it on one line, in plain characters" in err


NOTE = f"[bold]x {ESC} <script>alert(1)</script>\n# heading | cell"


def hostile_log(tmp_path: Path) -> str:
    path = tmp_path / "log.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([["date", "time", "note"], ["2025-11-18", "11:00", NOTE]])
    return str(path)


def test_a_note_in_the_table_shows_its_escape_sequence_and_has_no_line_break(tmp_path: Path) -> None:
    code, out, _ = run("-q", "sent-home", hostile_log(tmp_path))
    assert code == 0
    assert "\x1b" not in out
    assert "[bold]x \\x1b[31mRED\\x1b[0m <script>alert(1)</script>" in out


def test_a_note_and_a_name_in_markdown_are_escaped(tmp_path: Path) -> None:
    code, out, _ = run("-q", "sent-home", hostile_log(tmp_path), "--markdown", "--child", "Sam <b>*x*</b>")
    assert code == 0
    assert out.startswith("# Times sent home without a formal exclusion for Sam &lt;b&gt;\\*x\\*&lt;/b&gt;\n")
    row = next(line for line in out.splitlines() if line.startswith("| Tuesday 18 November 2025"))
    assert row.endswith(
        "| \\[bold\\]x \\\\x1b\\[31mRED\\\\x1b\\[0m &lt;script&gt;alert\\(1\\)&lt;/script&gt; \\# heading \\| cell |"
    )
    assert [line for line in out.splitlines() if line.startswith("# ")] == [out.splitlines()[0]]


@pytest.mark.parametrize("option", ["--child", "--school"])
def test_a_name_with_a_line_break_is_refused(tmp_path: Path, option: str) -> None:
    code, out, err = run("sent-home", hostile_log(tmp_path), "--markdown", option, "Sam\n# Heading")
    assert (code, out) == (2, "")
    assert err == f"sendcalc: error: {option} holds the control character U+000A; give the name on one line\n"


def test_a_note_in_csv_keeps_its_line_break_quoted_and_shows_its_escape_sequence(tmp_path: Path) -> None:
    code, out, _ = run("-q", "sent-home", hostile_log(tmp_path), "--format", "csv")
    assert code == 0 and "\x1b" not in out
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[1][-1] == "[bold]x \\x1b[31mRED\\x1b[0m <script>alert(1)</script>\n# heading | cell"


def test_a_case_id_in_check_output_shows_its_escape_sequence(tmp_path: Path) -> None:
    cases = tmp_path / "cases.csv"
    with cases.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([["case_id", "start", "days"], [f"A[b]{ESC}\nB", "2025-11-18", "3"]])
    code, out, _ = run("-q", "check", str(cases))
    assert code == 0 and "\x1b" not in out
    assert list(csv.reader(io.StringIO(out)))[1][0] == "A[b]\\x1b[31mRED\\x1b[0m\nB"


def test_a_table_ends_with_who_can_help_unless_quiet() -> None:
    code, out, _ = run("exclusion", "--on", "2025-11-18", "--days", "3")
    assert code == 0
    assert out.splitlines()[-1] == (
        "Who can help: SENDIASS (Special Educational Needs & Disabilities Information, Advice & Support Service), "
        "01992 555847 (all of them: sendcalc contacts --area hertfordshire --topic exclusion)"
    )
    assert "Who can help" not in run("-q", "exclusion", "--on", "2025-11-18", "--days", "3")[1]
    assert "Who can help" not in run("exclusion", "--on", "2025-11-18", "--days", "3", "--json")[1]
    last = run("absence", "--from", "2025-11-03", "--to", "2025-11-28", "-c", "surrey")[1].splitlines()[-1]
    assert last.startswith("Who can help: Young Minds") and last.endswith(
        "(all of them: sendcalc contacts --topic health)"
    )
