"""Table, JSON and CSV for `sendcalc contacts`: who can help, with every detail as its document prints it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sendcalc.core.dates import in_words
from sendcalc.readers.contacts import Contact, Document, documents_of
from sendcalc.render.emit import csv_text, json_text
from sendcalc.render.text import paint
from sendcalc.render.view import View, view_of

CSV_HEADER = (
    "organisation",
    "service",
    "helps",
    "topics",
    "phone",
    "check",
    "hours",
    "email",
    "web",
    "note",
    "area",
    "source",
    "checked",
)
"""The columns of the CSV output, and the keys of each contact in the JSON output, in order."""


def _heading(contacts: Sequence[Contact], area: str | None, topic: str | None) -> str:
    where = f"in {area.capitalize()} (local, then national)" if area else "in every area"
    what = f"with {topic}" if topic else "with anything"
    count = f"{len(contacts)} organisation" + ("" if len(contacts) == 1 else "s")
    return f"Who can help {what} {where}: {count}"


def _block(contact: Contact, colour: bool) -> list[str]:
    lines = [paint(contact.name, "bold", colour), f"  helps with: {contact.helps}"]
    lines.append(f"  topics: {', '.join(contact.topics)}")
    for label, value in (
        ("phone", contact.phone),
        ("check", contact.check),
        ("note", contact.note),
        ("hours", contact.hours),
        ("email", contact.email),
        ("web", contact.web),
    ):
        if value:
            lines.append(f"  {label}: {paint(value, 'bold red', colour) if label == 'check' else value}")
    if not (contact.phone or contact.email or contact.web or contact.note):
        lines.append("  contact: none given in the source; see the source below")
    lines.append(f"  area: {contact.area}")
    return lines


def _document(document: Document) -> str:
    return f"{document.title} ({document.publisher}, {document.web})"


def sources_line(contacts: Sequence[Contact]) -> str:
    """One line naming the documents the contacts come from, and when they were checked."""
    checked = " and ".join(in_words(day) for day in sorted({c.checked for c in contacts}))
    documents = documents_of(contacts)
    label = "Source" if len(documents) == 1 else "Sources"
    return f"{label} (checked {checked}): " + "; ".join(_document(d) for d in documents)


def contacts_text(contacts: Sequence[Contact], area: str | None, topic: str | None, colour: bool = False) -> str:
    lines = [_heading(contacts, area, topic)]
    for contact in contacts:
        lines += ["", *_block(contact, colour)]
    if contacts:
        lines += ["", sources_line(contacts)]
    return "\n".join(lines) + "\n"


def contact_json(contact: Contact) -> dict[str, Any]:
    return {key: getattr(contact, key) for key in CSV_HEADER}


def contacts_json(contacts: Sequence[Contact], area: str | None, topic: str | None) -> str:
    return json_text(
        {
            "area": area,
            "topic": topic,
            "contacts": [contact_json(c) for c in contacts],
            "sources": [{"title": d.title, "publisher": d.publisher, "web": d.web} for d in documents_of(contacts)],
        }
    )


def contacts_csv(contacts: Sequence[Contact], area: str | None, topic: str | None) -> str:
    rows = [["; ".join(c.topics) if key == "topics" else getattr(c, key) for key in CSV_HEADER] for c in contacts]
    return csv_text(CSV_HEADER, rows)


def contacts_view(contacts: Sequence[Contact], area: str | None, topic: str | None) -> View:
    return view_of(contacts, area, topic, text=contacts_text, json=contacts_json, csv=contacts_csv)
