"""`sendcalc guide`: the reference guides, readable from any installed copy."""

from __future__ import annotations

from typing import Annotated

import typer

app = typer.Typer(add_completion=False, rich_markup_mode=None, context_settings={"help_option_names": ["-h", "--help"]})


@app.command("guide")
def guide(
    topic: Annotated[
        str | None,
        typer.Argument(metavar="[TOPIC]", help="exclusions, attendance, calendars or check; none lists them."),
    ] = None,
) -> None:
    """Read a reference guide: every option, file format and JSON key, with examples.

    In a terminal the guide is formatted; piped or redirected, it is the plain Markdown text.

    Examples:

    \b
      sendcalc guide
      sendcalc guide calendars
      sendcalc guide exclusions | less
    """
    import sys

    from sendcalc.guide import TOPICS, guide_text

    if topic is None:
        typer.echo("Guides (read one with: sendcalc guide TOPIC):")
        for name, about in TOPICS.items():
            typer.echo(f"  {name:<11} {about}")
        return
    text = guide_text(topic.strip().lower())
    if not sys.stdout.isatty():
        typer.echo(text, nl=False)
        return
    from rich.console import Console
    from rich.markdown import Markdown

    Console().print(Markdown(text))
