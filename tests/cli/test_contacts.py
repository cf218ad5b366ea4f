"""CLI: `sendcalc contacts` (CliRunner; the exact lines of a block, the check note, errors, JSON and CSV)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from typer.testing import CliRunner

from sendcalc.cli import app

HERTS_GUIDE = "A brief guide for parents of children with SEND about exclusions and other attendance issues"
SOURCES_HERTS = (
    f"Source (checked Wednesday 2 December 2026): {HERTS_GUIDE} (Herts Parent Carer Involvement, "
    "www.hertsparentcarers.org.uk)"
)
SOS_CHECK = "0300 302 373 has one digit too few in the source; check it before calling (the other number is complete)"
FIELDS = [
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
]


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["contacts", *args])
    return result.exit_code, result.stdout, result.stderr


def block(out: str, first_line: str) -> list[str]:
    """The lines of the block that starts with ``first_line``, up to the blank line after it."""
    lines = out.splitlines()
    start = lines.index(first_line)
    return lines[start : lines.index("", start)]


def test_hertfordshire_exclusion_starts_with_sendiass() -> None:
    code, out, err = run("--area", "hertfordshire", "--topic", "exclusion")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[:2] == ["Who can help with exclusion in Hertfordshire (local, then national): 10 organisations", ""]
    assert block(out, lines[2]) == [
        "SENDIASS (Special Educational Needs & Disabilities Information, Advice & Support Service)",
        "  helps with: Information, advice and support for parents of children with SEND in Hertfordshire: "
        "exclusions, attendance, health needs at school and EHC plans; call them too if reading letters and guidance "
        "is hard.",
        "  topics: exclusion, attendance, health, send",
        "  phone: 01992 555847",
        "  hours: Monday-Thursday 9.30am -3pm, Friday 9.30am -2pm",
        "  web: https://www.hertfordshire.gov.uk/microsites/local-offer/support/sendiaass.aspx",
        "  area: hertfordshire",
    ]
    assert lines[-1] == SOURCES_HERTS
    assert not any(line.startswith("Derbyshire") or "derbyshire" in line for line in lines)


def test_sos_sen_shows_its_number_as_printed_with_the_check_note() -> None:
    code, out, _ = run("--topic", "exclusion")
    assert code == 0
    assert block(out, "SOS!SEN") == [
        "SOS!SEN",
        "  helps with: An independent helpline for parents on special educational needs, in term time.",
        "  topics: exclusion, attendance, send",
        "  phone: 0300 302 373 or 0208 538 3731",
        f"  check: {SOS_CHECK}",
        "  hours: Term-time",
        "  web: https://www.sossen.org.uk/",
        "  area: national",
    ]


def test_an_organisation_with_no_details_says_so_and_a_note_is_shown() -> None:
    code, out, _ = run("--area", "derbyshire", "--topic", "exclusion")
    assert code == 0
    assert block(out, "Child Law Advice") == [
        "Child Law Advice",
        "  helps with: Information on the law about children's education, including special educational needs and "
        "managed moves.",
        "  topics: exclusion, send",
        "  contact: none given in the source; see the source below",
        "  area: national",
    ]
    assert block(out, "Derbyshire County Council: exclusion queries")[3:] == [
        "  email: cs.exclusionandaccessteam@derbyshire.gov.uk",
        "  area: derbyshire",
    ]
    assert block(out, "National Autistic Society: School Exclusions Service")[3:5] == [
        "  phone: 0808 800 4002",
        "  note: leave a message on the answer-phone",
    ]
    assert out.splitlines()[-1] == (
        f"{SOURCES_HERTS.replace('Source (', 'Sources (')}; Exclusions and access (Derbyshire County Council, "
        "https://derbyshire.gov.uk/education/attendance-missing-home-education/exclusion/exclusions-and-access.aspx)"
    )


def test_an_unknown_area_is_one_line_and_exit_2() -> None:
    assert run("--area", "essex") == (
        2,
        "",
        "sendcalc: error: unknown area 'essex'; choose hertfordshire or derbyshire\n",
    )


def test_an_unknown_topic_is_one_line_and_exit_2() -> None:
    assert run("--topic", "housing") == (
        2,
        "",
        "sendcalc: error: unknown topic 'housing'; choose exclusion, attendance, health or send\n",
    )


def test_json_shape_and_values() -> None:
    code, out, _ = run("--area", "Hertfordshire", "--topic", "exclusion", "--json")
    assert code == 0
    body = json.loads(out)
    assert list(body) == ["schema_version", "area", "topic", "contacts", "sources"]
    assert (body["schema_version"], body["area"], body["topic"]) == (1, "hertfordshire", "exclusion")
    assert len(body["contacts"]) == 10
    assert all(list(contact) == FIELDS for contact in body["contacts"])
    assert body["contacts"][0] == {
        "organisation": "SENDIASS (Special Educational Needs & Disabilities Information, Advice & Support Service)",
        "service": None,
        "helps": "Information, advice and support for parents of children with SEND in Hertfordshire: "
        "exclusions, attendance, health needs at school and EHC plans; call them too if reading letters and "
        "guidance is hard.",
        "topics": ["exclusion", "attendance", "health", "send"],
        "phone": "01992 555847",
        "check": None,
        "hours": "Monday-Thursday 9.30am -3pm, Friday 9.30am -2pm",
        "email": None,
        "web": "https://www.hertfordshire.gov.uk/microsites/local-offer/support/sendiaass.aspx",
        "note": None,
        "area": "hertfordshire",
        "source": HERTS_GUIDE,
        "checked": "2026-12-02",
    }
    sos = next(c for c in body["contacts"] if c["organisation"] == "SOS!SEN")
    assert (sos["phone"], sos["check"]) == ("0300 302 373 or 0208 538 3731", SOS_CHECK)
    assert body["sources"] == [
        {"title": HERTS_GUIDE, "publisher": "Herts Parent Carer Involvement", "web": "www.hertsparentcarers.org.uk"}
    ]


def test_json_with_no_filters_has_null_area_and_topic_and_every_contact() -> None:
    code, out, _ = run("--format", "json")
    body = json.loads(out)
    assert code == 0 and (body["area"], body["topic"], len(body["contacts"])) == (None, None, 35)
    assert [s["title"] for s in body["sources"]] == [HERTS_GUIDE, "Exclusions and access"]


def test_csv_header_and_a_row() -> None:
    code, out, _ = run("--topic", "health", "--format", "csv")
    assert code == 0
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == FIELDS
    assert [row[0] for row in rows[1:]] == [
        "SENDIASS (Special Educational Needs & Disabilities Information, Advice & Support Service)",
        "Derbyshire Information Advice and Support Service for SEND (DIASS)",
        "All Children Receiving Education (ACRE)",
        "Young Minds",
        "Child and Adolescent Mental Health Service (CAMHS)",
    ]
    young_minds = dict(zip(FIELDS, rows[4], strict=True))
    assert young_minds == {
        "organisation": "Young Minds",
        "service": "",
        "helps": "The children's mental health charity, with a helpline for parents worried about their child's "
        "mental health.",
        "topics": "health",
        "phone": "Parents Helpline: 0808 802 5544",
        "check": "",
        "hours": "",
        "email": "",
        "web": "https://youngminds.org.uk/",
        "note": "",
        "area": "national",
        "source": HERTS_GUIDE,
        "checked": "2026-12-02",
    }


def test_csv_carries_the_check_note() -> None:
    code, out, _ = run("--topic", "exclusion", "-f", "csv")
    row = next(r for r in csv.reader(io.StringIO(out)) if r[0] == "SOS!SEN")
    assert code == 0 and (row[4], row[5]) == ("0300 302 373 or 0208 538 3731", SOS_CHECK)


def test_output_to_a_file(tmp_path: Path) -> None:
    target = tmp_path / "help.txt"
    code, out, err = run("--area", "derbyshire", "--topic", "attendance", "-o", str(target))
    assert (code, out, err) == (0, "", "")
    text = target.read_text(encoding="utf-8")
    assert text.startswith("Who can help with attendance in Derbyshire (local, then national): 8 organisations\n\n")
    assert "Derbyshire Information Advice and Support Service for SEND (DIASS)\n" in text
    assert '  note: how to reach the service is on the source page, under "To access the service"\n' in text


def test_help_lists_the_choices() -> None:
    result = CliRunner().invoke(app, ["contacts", "-h"])
    assert result.exit_code == 0
    assert "--area hertfordshire|derbyshire" in result.stdout
    assert "--topic exclusion|attendance|health|send" in result.stdout
