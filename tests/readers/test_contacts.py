"""The shipped contacts: every entry well formed, facts as printed, filters by area and topic, the one to suggest."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest

from sendcalc.core.errors import InputError
from sendcalc.readers.contacts import (
    Contact,
    _contact,
    area_choice,
    documents_of,
    find_contacts,
    load_directory,
    most_relevant,
    topic_choice,
)

HERTS_GUIDE = "A brief guide for parents of children with SEND about exclusions and other attendance issues"
DERBYS_PAGE = "Exclusions and access"
SENDIASS = "SENDIASS (Special Educational Needs & Disabilities Information, Advice & Support Service)"
DIASS = "Derbyshire Information Advice and Support Service for SEND (DIASS)"
IPSEA = "IPSEA (Independent Parental Special Education Advice)"


def names(contacts: tuple[Contact, ...]) -> list[str]:
    return [c.name for c in contacts]


def by_name(name: str) -> Contact:
    return next(c for c in load_directory().contacts if c.name == name)


def test_the_shipped_file_has_every_organisation_and_both_documents() -> None:
    directory = load_directory()
    assert len(directory.contacts) == 35
    assert [(d.title, d.publisher) for d in directory.documents] == [
        (HERTS_GUIDE, "Herts Parent Carer Involvement"),
        (DERBYS_PAGE, "Derbyshire County Council"),
    ]
    counts = {area: sum(c.area == area for c in directory.contacts) for area in ("hertfordshire", "derbyshire")}
    assert counts == {"hertfordshire": 19, "derbyshire": 5}
    assert {c.checked for c in directory.contacts} == {dt.date(2026, 12, 2)}
    assert len({c.name for c in directory.contacts}) == 35


def test_hertfordshire_sendiass_is_shipped_exactly_as_printed() -> None:
    sendiass = by_name(SENDIASS)
    assert (sendiass.phone, sendiass.hours, sendiass.area, sendiass.source, sendiass.sendiass) == (
        "01992 555847",
        "Monday-Thursday 9.30am -3pm, Friday 9.30am -2pm",
        "hertfordshire",
        HERTS_GUIDE,
        True,
    )
    assert sendiass.web == "https://www.hertfordshire.gov.uk/microsites/local-offer/support/sendiaass.aspx"
    assert sendiass.topics == ("exclusion", "attendance", "health", "send")


def test_the_sos_sen_number_is_kept_as_printed_with_a_note_to_check_it() -> None:
    sos = by_name("SOS!SEN")
    assert sos.phone == "0300 302 373 or 0208 538 3731"
    assert sos.check == (
        "0300 302 373 has one digit too few in the source; check it before calling (the other number is complete)"
    )
    assert (sos.hours, sos.web, sos.area) == ("Term-time", "https://www.sossen.org.uk/", "national")


def test_every_other_number_has_eleven_digits() -> None:
    """A UK number has 11 digits: one that has not is shipped only with a check note."""
    for contact in load_directory().contacts:
        for number in re.findall(r"0[\d ]{9,}\d", contact.phone or ""):
            digits = len(re.sub(r"\D", "", number))
            assert digits == 11 or (contact.check and number in contact.check), (contact.name, number)
    assert [c.name for c in load_directory().contacts if c.check] == ["SOS!SEN"]


def test_national_ones_named_in_the_documents_are_there() -> None:
    national = {c.name for c in load_directory().contacts if c.area == "national"}
    assert national == {
        IPSEA,
        "SOS!SEN",
        "Contact",
        "National Autistic Society: Education Rights Service",
        "National Autistic Society: School Exclusions Service",
        "Child Law Advice",
        "Young Minds",
        "Child and Adolescent Mental Health Service (CAMHS)",
        "Mencap",
        "Education Otherwise",
        "Home Education Advisory Service",
    }
    assert by_name("Contact").phone == "0808 808 3555" and by_name("Contact").hours == "Mon- Fri 9.30am-5pm"
    assert by_name(IPSEA).phone == "01799 582030"
    assert by_name("Young Minds").phone == "Parents Helpline: 0808 802 5544"


def test_the_derbyshire_page_gives_the_exclusions_email() -> None:
    council = by_name("Derbyshire County Council: exclusion queries")
    assert (council.email, council.area, council.source) == (
        "cs.exclusionandaccessteam@derbyshire.gov.uk",
        "derbyshire",
        DERBYS_PAGE,
    )


def test_no_entry_cites_a_file_or_working_note() -> None:
    for contact in load_directory().contacts:
        for value in dataclasses.astuple(contact):
            assert not re.search(r"seed|rules\.md|\.txt\b", str(value), re.IGNORECASE), (contact.name, value)


def test_an_area_lists_its_own_then_the_national_ones() -> None:
    herts = find_contacts("hertfordshire", "exclusion")
    assert names(herts) == [
        SENDIASS,
        "Hertfordshire County Council Elective Home Education team",
        "YC Hertfordshire",
        IPSEA,
        "SOS!SEN",
        "Contact",
        "National Autistic Society: School Exclusions Service",
        "Child Law Advice",
        "Education Otherwise",
        "Home Education Advisory Service",
    ]
    derbys = find_contacts("Derbyshire", "health")
    assert names(derbys) == [
        DIASS,
        "All Children Receiving Education (ACRE)",
        "Young Minds",
        "Child and Adolescent Mental Health Service (CAMHS)",
    ]


def test_no_area_and_no_topic_list_everything_local_first() -> None:
    everything = find_contacts()
    assert len(everything) == 35
    assert [c.area for c in everything] == ["hertfordshire"] * 19 + ["derbyshire"] * 5 + ["national"] * 11
    assert everything[0].name == SENDIASS and everything[19].name == DIASS
    assert all("attendance" in c.topics for c in find_contacts(topic="attendance"))
    assert "Hertfordshire Attendance Team" in names(find_contacts(topic="attendance"))
    assert "Hertfordshire Attendance Team" not in names(find_contacts("derbyshire", "attendance"))


def test_suspension_is_another_word_for_exclusion() -> None:
    assert topic_choice(" Suspension ") == "exclusion"
    assert find_contacts("hertfordshire", "suspension") == find_contacts("hertfordshire", "exclusion")


@pytest.mark.parametrize(
    ("area", "topic", "message"),
    [
        ("essex", None, "unknown area 'essex'; choose hertfordshire or derbyshire"),
        ("national", None, "unknown area 'national'; choose hertfordshire or derbyshire"),
        (None, "housing", "unknown topic 'housing'; choose exclusion, attendance, health or send"),
    ],
)
def test_an_unknown_area_or_topic_names_the_choices(area: str | None, topic: str | None, message: str) -> None:
    with pytest.raises(InputError) as caught:
        find_contacts(area, topic)
    assert str(caught.value) == message
    assert caught.value.exit_code == 2


def test_choices_are_read_in_any_case() -> None:
    assert area_choice("  HERTFORDSHIRE ") == "hertfordshire"
    assert area_choice(None) is None and topic_choice(None) is None
    assert topic_choice("SEND") == "send"


@pytest.mark.parametrize(
    ("area", "topic", "expected"),
    [
        ("hertfordshire", "exclusion", SENDIASS),
        ("Hertfordshire", "health", SENDIASS),
        ("derbyshire", "attendance", DIASS),
        (None, "exclusion", IPSEA),
        (None, "send", IPSEA),
        ("surrey", "attendance", "Contact"),
        ("leeds", "health", "Young Minds"),
        (None, "suspension", IPSEA),
    ],
)
def test_most_relevant_is_the_local_sendiass_else_a_national_one(area: str | None, topic: str, expected: str) -> None:
    found = most_relevant(area, topic)
    assert found is not None and found.name == expected


def test_most_relevant_refuses_an_unknown_topic() -> None:
    with pytest.raises(InputError, match="unknown topic 'x'"):
        most_relevant("hertfordshire", "x")


def test_documents_of_names_only_the_documents_used() -> None:
    assert [d.title for d in documents_of(find_contacts("hertfordshire", "exclusion"))] == [HERTS_GUIDE]
    assert [d.title for d in documents_of(find_contacts("derbyshire", "exclusion"))] == [HERTS_GUIDE, DERBYS_PAGE]
    assert documents_of(()) == ()


def test_a_mistake_in_the_file_is_an_error_naming_the_entry() -> None:
    good = {
        "organisation": "X",
        "helps": "h",
        "topics": ["send"],
        "area": "national",
        "source": HERTS_GUIDE,
        "checked": dt.date(2026, 12, 2),
    }
    assert _contact(good, {HERTS_GUIDE}).name == "X"
    for change, words in (
        ({"topics": ["housing"]}, "topics must be"),
        ({"first_for": ["health"]}, "first_for some of its topics"),
        ({"area": "essex"}, "area must be"),
        ({"source": "contacts.txt"}, "source must be the title"),
        ({"checked": "2026-12-02"}, "checked must be a date"),
        ({"phone_number": "1"}, "unknown field(s) ['phone_number']"),
    ):
        with pytest.raises(ValueError) as caught:
            _contact({**good, **change}, {HERTS_GUIDE})
        assert str(caught.value).startswith("contacts.toml: X: ") and words in str(caught.value)
