"""The .ics writer: UIDs stable across runs, unique per case (label) and per event; labelled titles."""

from __future__ import annotations

import datetime as dt
import uuid

from icalendar import Calendar

from sendcalc.render.ics import UID_NAMESPACE, Event, event_uids, ics_bytes

DAY = dt.date(2025, 11, 18)
EVENTS = [
    Event(DAY, dt.time(11, 0), "Suspension starts", "collected during school hours"),
    Event(DAY, None, "Suspended: day 1", "excluded from 11:00"),
    Event(dt.date(2025, 11, 19), dt.time(11, 0), "Back at school", "the suspension ends"),
]


def _parsed(data: bytes) -> tuple[str, list[tuple[str, str, str]]]:
    cal = Calendar.from_ical(data)
    rows = [(str(ev["uid"]), ev.decoded("dtstart").isoformat(), str(ev["summary"])) for ev in cal.walk("VEVENT")]
    return str(cal["x-wr-calname"]), rows


def test_uids_are_uuid5_in_a_fixed_namespace() -> None:
    assert uuid.uuid5(uuid.NAMESPACE_URL, "https://sendcalc/ics") == UID_NAMESPACE
    uids = event_uids(EVENTS, "Suspension dates (sendcalc)", "Sam")
    for uid in uids:
        text, domain = uid.split("@")
        assert domain == "sendcalc"
        assert uuid.UUID(text).version == 5
    # pinned: a changed scheme would make a phone add copies of every event a parent imported before
    assert uids[0] == "36a0c305-88e0-584a-89d7-10d5d25eda8d@sendcalc"
    key = "\x1f".join(("Sam", "Suspension dates (sendcalc)", "2025-11-18", "Suspension starts", "1"))
    assert uids[0] == f"{uuid.uuid5(UID_NAMESPACE, key)}@sendcalc"


def test_the_same_inputs_give_the_same_uids() -> None:
    first = _parsed(ics_bytes(EVENTS, "Suspension dates (sendcalc)", "Sam"))
    again = _parsed(ics_bytes(list(EVENTS), "Suspension dates (sendcalc)", "Sam"))
    assert first == again


def test_a_label_changes_every_uid_and_prefixes_every_title() -> None:
    name, sam = _parsed(ics_bytes(EVENTS, "Suspension dates (sendcalc)", "Sam"))
    other_name, alex = _parsed(ics_bytes(EVENTS, "Suspension dates (sendcalc)", "Alex"))
    _, plain = _parsed(ics_bytes(EVENTS, "Suspension dates (sendcalc)"))
    assert name == "Sam: Suspension dates (sendcalc)"
    assert other_name == "Alex: Suspension dates (sendcalc)"
    assert [title for _, _, title in sam] == [
        "Sam: Suspension starts (11:00)",
        "Sam: Suspended: day 1",
        "Sam: Back at school (11:00)",
    ]
    assert [title for _, _, title in plain] == [
        "Suspension starts (11:00)",
        "Suspended: day 1",
        "Back at school (11:00)",
    ]
    uids = [uid for rows in (sam, alex, plain) for uid, _, _ in rows]
    assert len(set(uids)) == 9


def test_the_calendar_name_is_part_of_the_uid() -> None:
    assert set(event_uids(EVENTS, "Suspension dates (sendcalc)")).isdisjoint(
        event_uids(EVENTS, "Permanent exclusion dates (sendcalc)")
    )


def test_two_events_with_the_same_date_and_title_get_their_own_uids() -> None:
    twice = [Event(DAY, None, "Suspension starts", "one"), Event(DAY, None, "Suspension starts", "another")]
    first, second = event_uids(twice, "sendcalc", "A1")
    assert first != second
    # the position counts among events of that date and title only: adding another event keeps both UIDs
    assert event_uids([Event(DAY, None, "Back at school", ""), *twice], "sendcalc", "A1")[1:] == [first, second]


def test_no_label_is_the_empty_label() -> None:
    assert event_uids(EVENTS, "sendcalc") == event_uids(EVENTS, "sendcalc", "")
