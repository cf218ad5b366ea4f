"""`sendcalc letter representations` and `sendcalc letter sent-home`: the facts, the formats, the escaping, -o."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from typer.testing import CliRunner

from sendcalc.cli import app
from sendcalc.core.dates import in_words

SENT_HOME = str(Path(__file__).parent.parent / "golden" / "sent_home.csv")
SAM = ["--child", "Sam", "--school", "Oak Primary"]
HOSTILE = "<script>alert(1)</script>"


def letter(runner: CliRunner, *args: str) -> list[str]:
    result = runner.invoke(app, ["letter", *args])
    assert result.exit_code == 0, result.stderr
    return result.stdout.splitlines()


def board(runner: CliRunner, *args: str) -> dict[str, object]:
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.stderr
    found: dict[str, object] = json.loads(result.stdout)["governing_board"]
    return found


def test_representations_give_the_deadline_the_exclusion_command_gives(runner: CliRunner) -> None:
    expected = board(runner, "exclusion", "--on", "2025-11-18", "--days", "6")
    assert expected["deadline"] == "2026-02-10"  # checked by hand: 50 school days after Tuesday 18 November 2025
    when = in_words(dt.date.fromisoformat(str(expected["deadline"])))
    assert when == "Tuesday 10 February 2026"
    lines = letter(runner, "representations", "--on", "2025-11-18", "--days", "6", *SAM)
    assert lines[:7] == [
        "# Representations to the governing board: the suspension of Sam",
        "",
        "The Chair of the Governing Board, Oak Primary",
        "",
        "[Date]",
        "",
        "Dear Chair of the Governing Board,",
    ]
    assert (
        f"The governing board must consider my representations within 50 school days of receiving notice: by {when}."
    ) in lines
    assert f"- **The governing board's deadline:** {when} (50 school days after notice)" in lines
    assert "- **Suspension:** 6 days" in lines
    assert "- **From:** 08:45 on Tuesday 18 November 2025" in lines
    assert "- **Back at school:** 08:45 on Wednesday 26 November 2025" in lines
    assert (
        "- **Excluded on:** Tue 18 Nov 2025, Wed 19 Nov 2025, Thu 20 Nov 2025, Fri 21 Nov 2025, Mon 24 Nov 2025, "
        "Tue 25 Nov 2025 (6 school dates)"
    ) in lines
    assert "- **Days of suspension in the autumn 2025-26 term, this one included:** 6 days" in lines
    assert "- **Full-time education from day 6:** Tuesday 25 November 2025, arranged by the school" in lines
    assert lines[-3:] == [
        "- School Discipline (Pupil Exclusions and Reviews) (England) Regulations 2012 (SI 2012/1033)",
        "- DfE, Suspension and permanent exclusion from maintained schools, academies and pupil referral units in "
        "England, including pupil movement (2024)",
        "- Equality Act 2010",
    ]


def test_more_than_fifteen_days_and_a_permanent_exclusion_give_fifteen_school_days(runner: CliRunner) -> None:
    expected = board(runner, "exclusion", "--on", "2025-11-18", "--days", "16")
    assert expected["deadline"] == "2025-12-09"
    lines = letter(runner, "representations", "--on", "2025-11-18", "--days", "16", *SAM)
    assert (
        "The governing board must consider the suspension within 15 school days of receiving notice: by "
        "Tuesday 9 December 2025."
    ) in lines
    assert board(runner, "permanent", "--picked-up", "14:00", "--on", "2025-11-18")["deadline"] == "2025-12-09"
    lines = letter(runner, "representations", "--permanent", "--picked-up", "14:00", "--on", "2025-11-18", *SAM)
    assert lines[0] == "# Representations to the governing board: the permanent exclusion of Sam"
    assert (
        "The governing board must consider the permanent exclusion within 15 school days of receiving notice: by "
        "Tuesday 9 December 2025."
    ) in lines
    assert "- **Full-time education from day 6:** Wednesday 26 November 2025, arranged by the local authority" in lines


def test_five_days_or_fewer_the_board_need_not_meet_but_must_consider_the_representations(runner: CliRunner) -> None:
    assert board(runner, "exclusion", "--on", "2025-11-18", "--days", "2")["deadline"] is None
    lines = letter(runner, "representations", "--on", "2025-11-18", "--days", "2", *SAM)
    duty = next(line for line in lines if line.startswith("This suspension brings"))
    assert duty.startswith(
        "This suspension brings Sam's suspensions in the autumn 2025-26 term to 2 days, 5 school days or fewer. The "
        "governing board is therefore not required to meet"
    )
    assert "regulation 6 of the School Discipline (Pupil Exclusions and Reviews) (England) Regulations 2012" in duty
    assert duty.endswith("the board must still consider my representations, and I ask it to do so.")
    assert "- **The governing board's deadline:** none: the board is not required to meet" in lines
    assert not any("school days of receiving notice: by" in line for line in lines)


def test_earlier_days_count_toward_the_term_total(runner: CliRunner) -> None:
    lines = letter(runner, "representations", "--on", "2025-11-18", "--days", "2", "--previous", "4", *SAM)
    assert "- **Days of suspension in the autumn 2025-26 term, this one included:** 6 days" in lines
    deadline = "within 50 school days of receiving notice: by Tuesday 10 February 2026."
    assert any(line.endswith(deadline) for line in lines)


def test_reasons_and_the_addressee(runner: CliRunner) -> None:
    lines = letter(
        runner, "representations", "--on", "2025-11-18", "--to", "Mrs A Jones, Chair of Governors",
        "--reason", "He had no quiet space.", "--reason", "1. He was provoked", *SAM,
    )  # fmt: skip
    assert lines[2] == "Mrs A Jones, Chair of Governors, Oak Primary"
    assert lines[6] == "Dear Mrs A Jones,"
    at = lines.index("My reasons are these.")
    assert lines[at : at + 5] == ["My reasons are these.", "", "He had no quiet space.", "", "1\\. He was provoked"]


def test_a_name_with_html_is_escaped_and_a_name_on_two_lines_refused(runner: CliRunner) -> None:
    args = ["representations", "--on", "2025-11-18", "--days", "6", "--school", "Oak & Ash"]
    markdown = "\n".join(letter(runner, *args, "--child", HOSTILE))
    assert "<script>" not in markdown
    assert "I am the parent of &lt;script&gt;alert\\(1\\)&lt;/script&gt;, a pupil at Oak &amp; Ash." in markdown
    page = "\n".join(letter(runner, *args, "--child", HOSTILE, "--format", "html"))
    assert "<script>" not in page
    assert page.startswith('<!DOCTYPE html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n')
    title = "<title>Representations to the governing board: the suspension of &lt;script&gt;alert(1)&lt;/script&gt;"
    assert title in page
    assert "a pupil at Oak &amp; Ash." in page
    for fmt in ("markdown", "html"):
        result = runner.invoke(app, ["letter", *args, "--child", "# Heading\n", "--format", fmt])
        assert result.exit_code == 2
        assert result.stdout == ""
        assert "--child holds the control character U+000A; give the name on one line" in result.stderr
    result = runner.invoke(app, ["letter", *args, "--school", "Oak\x1b[31m"])
    assert result.exit_code == 2 and "--school holds the control character U+001B" in result.stderr
    markdown = "\n".join(letter(runner, *args, "--child", "# Heading"))
    assert [line for line in markdown.splitlines() if line.startswith("#")] == [
        "# Representations to the governing board: the suspension of \\# Heading"
    ]


def test_text_format(runner: CliRunner) -> None:
    lines = letter(runner, "representations", "--on", "2025-11-18", "--days", "6", *SAM, "--format", "text")
    assert lines[:6] == [
        "Subject: Representations to the governing board: the suspension of Sam",
        "",
        "The Chair of the Governing Board, Oak Primary",
        "[Date]",
        "",
        "Dear Chair of the Governing Board,",
    ]
    assert "  - The governing board's deadline: Tuesday 10 February 2026 (50 school days after notice)" in lines
    assert "Yours sincerely," in lines and "[Your name]" in lines
    assert not any("**" in line for line in lines)


def test_output_file(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "letter.html"
    args = ["letter", "representations", "--on", "2025-11-18", "--days", "6", *SAM, "--format", "html"]
    result = runner.invoke(app, [*args, "-o", str(target)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert target.read_text(encoding="utf-8") == runner.invoke(app, args).stdout
    assert target.read_text(encoding="utf-8").endswith("</body>\n</html>\n")


def test_sent_home_letter_lists_each_event_with_its_date(runner: CliRunner) -> None:
    lines = letter(runner, "sent-home", SENT_HOME, *SAM)
    assert lines[:7] == [
        "# Times Sam was sent home without a formal exclusion",
        "",
        "The Head Teacher, Oak Primary",
        "",
        "[Date]",
        "",
        "Dear Head Teacher,",
    ]
    at = lines.index("The times I have recorded:")
    assert lines[at + 2 : at + 6] == [
        "- **Monday 3 November 2025:** sent home at 11:30 (0.5 day); my note: called at 11",
        "- **Monday 10 November 2025:** told to keep the child at home all day (1 day); my note: told to keep him home",
        "- **Wednesday 12 November 2025:** told to keep the child at home for the morning (0.5 day)",
        "- **In all, in the autumn 2025-26 term:** 2 days of school, 3 times",
    ]
    text = "\n".join(lines)
    assert "informal or unofficial exclusions" in text and "are unlawful" in text
    assert "I ask the school either to record each one formally as the exclusion it was" in text
    assert "I would also like to meet you, with Sam's SENCO" in text


def test_sent_home_notes_are_escaped_and_an_empty_log_is_an_error(runner: CliRunner, tmp_path: Path) -> None:
    log = tmp_path / "log.csv"
    log.write_text(f'date,time,note\n2025-11-03,11:30,"{HOSTILE} # x"\n', encoding="utf-8")
    text = "\n".join(letter(runner, "sent-home", str(log), "--format", "html"))
    assert "<script>" not in text and "my note: &lt;script&gt;alert(1)&lt;/script&gt; # x</li>" in text
    log.write_text("date,time,note\n2025-11-03,11:30,\x1b[31mred\n", encoding="utf-8")
    lines = letter(runner, "sent-home", str(log), "--format", "text")
    assert "  - Monday 3 November 2025: sent home at 11:30 (0.5 day); my note: \\x1b[31mred" in lines
    log.write_text("date,time,note\n", encoding="utf-8")
    result = runner.invoke(app, ["letter", "sent-home", str(log)])
    assert result.exit_code == 2 and "holds no events" in result.stderr


def test_permanent_takes_no_suspension_options_and_help_lists_the_letters(runner: CliRunner) -> None:
    result = runner.invoke(app, ["letter", "representations", "--permanent", "--days", "3"])
    assert result.exit_code == 2
    assert "--permanent takes none of --days" in result.stderr
    result = runner.invoke(app, ["letter", "--help"])
    assert result.exit_code == 0
    assert "representations" in result.stdout and "sent-home" in result.stdout
