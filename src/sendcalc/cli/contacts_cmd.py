"""`sendcalc contacts`: who can help a family, from the organisations two public documents name."""

from __future__ import annotations

from typing import Annotated

import typer

from sendcalc.cli.options import Output, new_app, output_options

app = new_app()


@app.command("contacts")
@output_options(explain=False, ics=False)
def contacts(
    area: Annotated[
        str | None,
        typer.Option(
            "--area",
            metavar="hertfordshire|derbyshire",
            help="Only that area's organisations, and the national ones. Default: every area.",
            show_default=False,
        ),
    ] = None,
    topic: Annotated[
        str | None,
        typer.Option(
            "--topic",
            metavar="exclusion|attendance|health|send",
            help="Only organisations that help with this. Default: every topic.",
            show_default=False,
        ),
    ] = None,
    *,
    out: Output,
) -> None:
    """Who can help: advice services, helplines and parent groups, with phone, hours, email and web page.

    Every detail is copied exactly as the public document that names the organisation prints it; a number
    that looks wrong there is shown as printed, with a note to check it before calling.

    Examples:

    \b
      sendcalc contacts --area hertfordshire --topic exclusion
      sendcalc contacts --topic health --json
    """
    from sendcalc.cli.output import deliver
    from sendcalc.readers.contacts import area_choice, find_contacts, topic_choice
    from sendcalc.render.contacts_view import contacts_view

    chosen_area, chosen_topic = area_choice(area), topic_choice(topic)
    deliver(out, contacts_view(find_contacts(chosen_area, chosen_topic), chosen_area, chosen_topic))
