"""render/letters.py: one Letter in Markdown, HTML and text, with what the user typed made safe for each."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from sendcalc.render.letters import Letter, md_escape, render, slot

HOSTILE = "<script>alert(1)</script>"


def sample(child: str = "Sam", note: str = "called at 11", to: str = "The Head Teacher") -> Letter:
    typed: dict[str, str] = {"to": to, "dear": "Head Teacher"}
    c = slot(typed, "child", child, "[child's name]")
    n = slot(typed, "note", note, "")
    return Letter(
        subject=f"Times {c} was sent home",
        to="{to}, [school's name]",
        greeting="Dear {dear},",
        paragraphs=(f"I am the parent of {c}.",),
        facts=(("Monday 3 November 2025", f"sent home at 11:30; my note: {n}"),),
        facts_intro="The times:",
        requests=("Please reply.",),
        sources=("Education Act 1996",),
        typed=typed,
    )


def test_markdown_layout() -> None:
    assert render(sample(), "markdown").splitlines() == [
        "# Times Sam was sent home",
        "",
        "The Head Teacher, [school's name]",
        "",
        "[Date]",
        "",
        "Dear Head Teacher,",
        "",
        "I am the parent of Sam.",
        "",
        "The times:",
        "",
        "- **Monday 3 November 2025:** sent home at 11:30; my note: called at 11",
        "",
        "Please reply.",
        "",
        "Yours sincerely,",
        "",
        "[Your name]",
        "",
        "---",
        "",
        "Sources (public documents, by title):",
        "",
        "- Education Act 1996",
    ]


def test_text_layout() -> None:
    assert render(sample(), "text") == (
        "Subject: Times Sam was sent home\n\nThe Head Teacher, [school's name]\n[Date]\n\nDear Head Teacher,\n\n"
        "I am the parent of Sam.\n\nThe times:\n  - Monday 3 November 2025: sent home at 11:30; my note: called at 11\n"
        "\nPlease reply.\n\nYours sincerely,\n\n[Your name]\n\nSources (public documents, by title):\n"
        "  - Education Act 1996\n"
    )


def test_markdown_escapes_html_and_never_lets_a_typed_value_start_a_heading_or_a_list() -> None:
    for child in (HOSTILE, "# Heading\n", "- item", "+ item", "1. item", "> quote", "[a](http://x)", "*Sam*"):
        text = render(sample(child=child, note=child, to=child), "markdown")  # the addressee starts a line
        lines = text.splitlines()
        assert "<script>" not in text
        assert [line for line in lines if line.startswith("#")] == [lines[0]]  # the subject is the one heading
        ours = ("- **Monday", "- Education", "---")
        assert [line for line in lines if line.startswith(("-", "+", "1.", ">")) and not line.startswith(ours)] == []
    text = render(sample(child=HOSTILE), "markdown")
    assert "I am the parent of &lt;script&gt;alert\\(1\\)&lt;/script&gt;." in text.splitlines()
    assert render(sample(child="# Heading\n"), "markdown").splitlines()[0] == "# Times \\# Heading was sent home"
    assert md_escape("1. Sam") == "1\\. Sam"


def test_markdown_keeps_the_sent_home_summary_escaping() -> None:
    assert md_escape("a|b *c* <d> & e\nf") == "a\\|b \\*c\\* &lt;d&gt; &amp; e f"


class _Tags(HTMLParser):
    """Checks every element is closed in order (void elements excepted)."""

    VOID = frozenset({"meta", "br", "hr"})

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.seen: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.seen.append(tag)
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.open.pop() == tag

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_is_one_whole_valid_document_with_the_typed_text_escaped() -> None:
    text = render(sample(child=HOSTILE, note="a & b"), "html")
    lines = text.splitlines()
    assert lines[:4] == ["<!DOCTYPE html>", '<html lang="en-GB">', "<head>", '<meta charset="utf-8">']
    assert lines[-2:] == ["</body>", "</html>"]
    tags = _Tags()
    tags.feed(text)
    tags.close()
    assert tags.open == []
    assert "script" not in tags.seen
    assert tags.seen.count("html") == tags.seen.count("body") == tags.seen.count("title") == 1
    assert "<title>Times &lt;script&gt;alert(1)&lt;/script&gt; was sent home</title>" in lines
    assert "<li><strong>Monday 3 November 2025:</strong> sent home at 11:30; my note: a &amp; b</li>" in lines
    assert "I am the parent of <script>alert(1)</script>." in "".join(tags.text)  # what a reader sees


def test_text_shows_control_characters_and_keeps_each_value_on_its_line() -> None:
    text = render(sample(note="red \x1b[31m\nnext line"), "text")
    assert "  - Monday 3 November 2025: sent home at 11:30; my note: red \\x1b[31m next line" in text.splitlines()
    assert "\x1b" not in text


def test_a_typed_value_is_never_read_as_a_template() -> None:
    letter = sample(child="{dear} {0} {note!r}")
    for fmt in ("markdown", "text"):
        assert "I am the parent of" in render(letter, fmt)
    assert "I am the parent of {dear} {0} {note!r}." in render(letter, "text").splitlines()


def test_slot_gives_the_placeholder_when_nothing_was_typed() -> None:
    typed: dict[str, str] = {}
    assert slot(typed, "child", None, "[child's name]") == "[child's name]"
    assert slot(typed, "child", "  ", "[child's name]") == "[child's name]"
    assert slot(typed, "child", "Sam", "[child's name]") == "{child}"
    assert typed == {"child": "Sam"}


def test_a_letter_without_facts_or_sources() -> None:
    letter = Letter(subject="Hello", to="Ms A", greeting="Dear Ms A,", paragraphs=("One.",))
    assert render(letter, "text") == (
        "Subject: Hello\n\nMs A\n[Date]\n\nDear Ms A,\n\nOne.\n\nYours sincerely,\n\n[Your name]\n"
    )
    assert "<ul>" not in render(letter, "html")


def test_an_unknown_format_is_an_error() -> None:
    with pytest.raises(ValueError, match="markdown, html, text"):
        render(sample(), "pdf")
