"""Draft letters a parent can send: one :class:`Letter`, rendered as Markdown, HTML or plain text.

A letter is built once and rendered in any format, so every letter command (``sendcalc letter
representations``, ``sendcalc letter sent-home`` and any added later) gets the same layout and
the same escaping.

Every text field of a :class:`Letter` (subject, addressee, greeting, paragraphs, facts, closing,
sender, sources) is a *template* written by sendcalc: it may name a value the user typed as
``{key}``, and the value itself goes in ``Letter.typed[key]`` (write a literal brace as ``{{``).
:func:`render` makes each typed value safe for the format before putting it in place:

- Markdown: shown on one line, HTML (``<``, ``>``, ``&``) and Markdown punctuation escaped, so a
  typed value can never start a heading, a list, a link or a table cell (:func:`md_escape`);
- HTML: a whole, minimal, valid document; every text (sendcalc's too) escaped with html.escape;
- text: shown on one line, any control character shown visibly as ``\\x1b`` (core/safe_text.py).

Use :func:`slot` while building a letter: it stores a typed value and hands back the ``{key}`` that
stands for it, or a placeholder in brackets for the parent to fill in when nothing was typed.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from sendcalc.core.safe_text import printable

__all__ = ["FORMATS", "Letter", "md_escape", "render", "slot"]

FORMATS = ("markdown", "html", "text")


@dataclass(frozen=True)
class Letter:
    """A plain, polite letter: what it says, the facts it states and the public sources it cites.

    ``paragraphs`` come before the list of ``facts`` (label, value) and ``requests`` after it; the
    letter then ends with ``closing`` and ``sender`` (a placeholder for the parent's name), and
    lists ``sources`` (public documents, by title). ``typed`` holds what the user typed, named by
    ``{key}`` in any of the texts (see the module's docstring).
    """

    subject: str
    to: str
    greeting: str
    paragraphs: tuple[str, ...]
    facts: tuple[tuple[str, str], ...] = ()
    facts_intro: str = "The facts:"
    requests: tuple[str, ...] = ()
    closing: str = "Yours sincerely,"
    sender: str = "[Your name]"
    sources: tuple[str, ...] = ()
    date: str = "[Date]"
    typed: Mapping[str, str] = field(default_factory=dict)


def slot(typed: dict[str, str], key: str, value: str | None, placeholder: str) -> str:
    """The ``{key}`` standing for a typed ``value`` (stored in ``typed``), or ``placeholder`` if none was typed."""
    if value is None or not value.strip():
        return placeholder
    typed[key] = value
    return "{" + key + "}"


def md_escape(text: str) -> str:
    """Text the user typed, inert in Markdown: no HTML, no formatting, no new line, table cell or list."""
    escaped = _MD_SPECIAL.sub(r"\\\g<0>", html.escape(printable(text), quote=False))
    return _ORDERED.sub(r"\1\\.", escaped)  # '1. Sam' would start a numbered list


_MD_SPECIAL = re.compile(r"[\\`*_{}\[\]()#+!|~>-]")
_ORDERED = re.compile(r"^(\d+)\.")


def render(letter: Letter, fmt: str) -> str:
    """The letter as a Markdown, HTML or plain-text document (ending with a new line)."""
    if fmt == "markdown":
        return _markdown(_Filled(letter, lambda s: s, lambda v: md_escape(printable(v).strip())))
    if fmt == "html":
        return _html(_Filled(letter, html.escape, lambda v: html.escape(printable(v).strip())))
    if fmt == "text":
        return _text(_Filled(letter, lambda s: s, lambda v: printable(v).strip()))
    raise ValueError(f"unknown letter format {fmt!r}; use one of {', '.join(FORMATS)}")


class _Filled:
    """The letter's texts with their typed values in place, each escaped for one format."""

    def __init__(self, letter: Letter, own: Callable[[str], str], typed: Callable[[str], str]) -> None:
        self.letter = letter
        self._own = own
        self._values = {key: typed(value) for key, value in letter.typed.items()}

    def __call__(self, template: str) -> str:
        return self._own(template).format_map(self._values)

    def all(self, templates: tuple[str, ...]) -> list[str]:
        return [self(t) for t in templates]

    def facts(self) -> list[tuple[str, str]]:
        return [(self(label), self(value)) for label, value in self.letter.facts]


def _markdown(f: _Filled) -> str:
    x = f.letter
    lines = [f"# {f(x.subject)}", "", f(x.to), "", f(x.date), "", f(x.greeting), ""]
    for paragraph in f.all(x.paragraphs):
        lines += [paragraph, ""]
    if x.facts:
        lines += [f(x.facts_intro), ""]
        lines += [f"- **{label}:** {value}" for label, value in f.facts()]
        lines.append("")
    for paragraph in f.all(x.requests):
        lines += [paragraph, ""]
    lines += [f(x.closing), "", f(x.sender), ""]
    if x.sources:
        lines += ["---", "", "Sources (public documents, by title):", ""]
        lines += [f"- {source}" for source in f.all(x.sources)]
        lines.append("")
    return "\n".join(lines)


def _text(f: _Filled) -> str:
    x = f.letter
    lines = [f"Subject: {f(x.subject)}", "", f(x.to), f(x.date), "", f(x.greeting), ""]
    for paragraph in f.all(x.paragraphs):
        lines += [paragraph, ""]
    if x.facts:
        lines.append(f(x.facts_intro))
        lines += [f"  - {label}: {value}" for label, value in f.facts()]
        lines.append("")
    for paragraph in f.all(x.requests):
        lines += [paragraph, ""]
    lines += [f(x.closing), "", f(x.sender)]
    if x.sources:
        lines += ["", "Sources (public documents, by title):"]
        lines += [f"  - {source}" for source in f.all(x.sources)]
    return "\n".join(lines) + "\n"


_STYLE = "body{max-width:42em;margin:2em auto;padding:0 1em;font-family:Georgia,serif;line-height:1.5}"


def _html(f: _Filled) -> str:
    x = f.letter
    subject = f(x.subject)
    lines = [
        "<!DOCTYPE html>",
        '<html lang="en-GB">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{subject}</title>",
        f"<style>{_STYLE}</style>",
        "</head>",
        "<body>",
        f"<h1>{subject}</h1>",
        f"<p>{f(x.to)}<br>\n{f(x.date)}</p>",
        f"<p>{f(x.greeting)}</p>",
    ]
    lines += [f"<p>{paragraph}</p>" for paragraph in f.all(x.paragraphs)]
    if x.facts:
        lines += [f"<p>{f(x.facts_intro)}</p>", "<ul>"]
        lines += [f"<li><strong>{label}:</strong> {value}</li>" for label, value in f.facts()]
        lines.append("</ul>")
    lines += [f"<p>{paragraph}</p>" for paragraph in f.all(x.requests)]
    lines += [f"<p>{f(x.closing)}</p>", f"<p>{f(x.sender)}</p>"]
    if x.sources:
        lines += ["<hr>", "<p>Sources (public documents, by title):</p>", "<ul>"]
        lines += [f"<li>{source}</li>" for source in f.all(x.sources)]
        lines.append("</ul>")
    lines += ["</body>", "</html>"]
    return "\n".join(lines) + "\n"
