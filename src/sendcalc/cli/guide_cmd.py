"""`sendcalc guide`: the reference guides, readable from any installed copy."""

from __future__ import annotations

from typing import Annotated

import typer

from sendcalc.cli.options import new_app

app = new_app()


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

    from sendcalc.cli.output import write
    from sendcalc.guide import TOPICS, guide_text

    if topic is None:
        write(
            "Guides (read one with: sendcalc guide TOPIC):\n" + "".join(f"  {n:<11} {a}\n" for n, a in TOPICS.items())
        )
        return
    text = guide_text(topic.strip().lower())
    if not sys.stdout.isatty():
        write(text)
        return
    from rich.console import Console
    from rich.markdown import Markdown

    Console().print(Markdown(text))
