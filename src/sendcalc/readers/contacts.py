"""Who can help a family: the organisations named in two public documents, from the shipped contacts.toml.

Pure functions over frozen dataclasses: :func:`find_contacts` filters by area and topic (national
organisations are listed for every area), :func:`most_relevant` picks the one to suggest under a
result. The file is read once per process, with :mod:`tomllib`.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sendcalc.core.errors import InputError

__all__ = [
    "AREAS",
    "TOPICS",
    "Contact",
    "Directory",
    "Document",
    "area_choice",
    "documents_of",
    "find_contacts",
    "load_directory",
    "most_relevant",
    "topic_choice",
]

AREAS = ("hertfordshire", "derbyshire")
"""The areas with local organisations; every other contact is national."""
TOPICS = ("exclusion", "attendance", "health", "send")
_TOPIC_WORDS = {"suspension": "exclusion", "fixed-term": "exclusion"}  # the other names for an exclusion
_AREA_ORDER = {name: rank for rank, name in enumerate((*AREAS, "national"))}


@dataclass(frozen=True)
class Document:
    """A public document the contacts come from: its title as printed, who publishes it, where to find it."""

    title: str
    publisher: str
    web: str


@dataclass(frozen=True)
class Contact:
    """One organisation (or one service of it) that can help, with its details exactly as its document prints them.

    ``check`` is a doubt about a printed fact (a number with a digit missing), for the family to check before
    relying on it; ``note`` is how to use the number, as printed. Absent details are None.
    """

    organisation: str
    helps: str
    topics: tuple[str, ...]
    area: str
    source: str
    checked: dt.date
    service: str | None = None
    phone: str | None = None
    hours: str | None = None
    email: str | None = None
    web: str | None = None
    note: str | None = None
    check: str | None = None
    sendiass: bool = False
    first_for: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        """The organisation, and the service if it is one part of it."""
        return f"{self.organisation}: {self.service}" if self.service else self.organisation


@dataclass(frozen=True)
class Directory:
    """Every contact in the shipped file, in its order, and the documents they come from."""

    contacts: tuple[Contact, ...]
    documents: tuple[Document, ...]


_TEXT = ("organisation", "helps", "area", "source", "service", "phone", "hours", "email", "web", "note", "check")


def _contact(entry: dict[str, Any], titles: set[str]) -> Contact:
    """One [[contact]] table as a Contact; a mistake in the shipped file is a ValueError naming the entry."""
    name = entry.get("organisation", "?")
    unknown = set(entry) - {*_TEXT, "topics", "checked", "sendiass", "first_for"}
    if unknown:
        raise ValueError(f"contacts.toml: {name}: unknown field(s) {sorted(unknown)}")
    topics = tuple(entry.get("topics", ()))
    first_for = tuple(entry.get("first_for", ()))
    if not topics or not set(topics) <= set(TOPICS) or not set(first_for) <= set(topics):
        raise ValueError(f"contacts.toml: {name}: topics must be some of {TOPICS}, first_for some of its topics")
    if entry.get("area") not in _AREA_ORDER:
        raise ValueError(f"contacts.toml: {name}: area must be one of {tuple(_AREA_ORDER)}")
    if entry.get("source") not in titles:
        raise ValueError(f"contacts.toml: {name}: source must be the title of a [[document]]")
    if not isinstance(entry.get("checked"), dt.date):
        raise ValueError(f"contacts.toml: {name}: checked must be a date")
    return Contact(
        **{key: entry[key] for key in _TEXT if key in entry},
        topics=topics,
        checked=entry["checked"],
        sendiass=bool(entry.get("sendiass", False)),
        first_for=first_for,
    )


@functools.cache
def load_directory() -> Directory:
    """The shipped contacts.toml, read and checked once."""
    import tomllib

    from sendcalc.data import data_file

    with data_file("contacts.toml").open("rb") as stream:
        raw = tomllib.load(stream)
    documents = tuple(Document(d["title"], d["publisher"], d["web"]) for d in raw["document"])
    titles = {d.title for d in documents}
    return Directory(tuple(_contact(entry, titles) for entry in raw["contact"]), documents)


def area_choice(text: str | None) -> str | None:
    """An area typed by a person (any case), or None for every area; anything else is an InputError."""
    if text is None:
        return None
    area = text.strip().lower()
    if area not in AREAS:
        raise InputError(f"unknown area {text!r}; choose {' or '.join(AREAS)}")
    return area


def topic_choice(text: str | None) -> str | None:
    """A topic typed by a person (any case; 'suspension' means exclusion), or None for every topic."""
    if text is None:
        return None
    topic = text.strip().lower()
    topic = _TOPIC_WORDS.get(topic, topic)
    if topic not in TOPICS:
        raise InputError(f"unknown topic {text!r}; choose {', '.join(TOPICS[:-1])} or {TOPICS[-1]}")
    return topic


def find_contacts(area: str | None = None, topic: str | None = None) -> tuple[Contact, ...]:
    """The contacts for ``area`` (its own, then the national ones; every area's if None) that help with
    ``topic`` (every topic if None). Each area's SENDIASS comes first within it; otherwise the file's order."""
    area, topic = area_choice(area), topic_choice(topic)
    found = [
        c
        for c in load_directory().contacts
        if (area is None or c.area in (area, "national")) and (topic is None or topic in c.topics)
    ]
    return tuple(sorted(found, key=lambda c: (_AREA_ORDER[c.area], not c.sendiass)))


def most_relevant(area: str | None, topic: str) -> Contact | None:
    """The one organisation to suggest under a result: the area's SENDIASS if sendcalc knows the area (any
    calendar name, in any case; others count as unknown), else the national one to ask first about ``topic``."""
    topic = topic_choice(topic) or ""
    local = (area or "").strip().lower()
    contacts = load_directory().contacts
    for contact in contacts:
        if contact.sendiass and contact.area == local:
            return contact
    return next((c for c in contacts if c.area == "national" and topic in c.first_for), None)


def documents_of(contacts: Iterable[Contact]) -> tuple[Document, ...]:
    """The documents the given contacts come from, in the shipped file's order."""
    used = {c.source for c in contacts}
    return tuple(d for d in load_directory().documents if d.title in used)
