"""The national attendance and absence codes, and what each one means for the attendance figures.

Source: The School Attendance (Pupil Registration) (England) Regulations 2024 (SI 2024/208), reg 10 and its
tables of codes, in force 19 August 2024; DfE statutory guidance *Working together to improve school
attendance* (August 2024), chapter "Recording attendance and absence using the national codes" (the
*School attendance codes* table), which also says how each code counts in the DfE's statistics:

- present (``/`` ``\\`` ``L``) and attending an approved educational activity off site (K V P W B) count as
  attendance;
- authorised absence: leave of absence (C C1 C2 J1 M S T), and other authorised reasons (E I R);
- unauthorised absence: G N O U;
- not possible sessions (neither attendance nor absence): D (attending another school where dual
  registered), X (non-compulsory school age, not required to attend), Y1-Y7 (unable to attend because of
  exceptional circumstances), Q (unable to attend because of a lack of access arrangements), Z (prospective
  pupil not yet on the admission register) and # (planned whole-school closure).

Checked against the DfE School attendance codes table. H (agreed family holiday) and F (extended family
holiday) are not codes any more; a register that still uses them must be corrected by the school.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

CodeKind = Literal["present", "approved", "authorised", "unauthorised", "not_possible"]

CODES_SOURCE = (
    "School Attendance (Pupil Registration) (England) Regulations 2024 reg 10; "
    "WTISA 2024, School attendance codes table"
)

KIND_WORDS: dict[CodeKind, str] = {
    "present": "present",
    "approved": "attending approved education off site (counts as attendance)",
    "authorised": "authorised absence",
    "unauthorised": "unauthorised absence",
    "not_possible": "not a possible session (neither attendance nor absence)",
}


@dataclass(frozen=True)
class Code:
    code: str
    kind: CodeKind
    meaning: str

    @property
    def attended(self) -> bool:
        return self.kind in ("present", "approved")

    @property
    def absent(self) -> bool:
        return self.kind in ("authorised", "unauthorised")

    @property
    def possible(self) -> bool:
        return self.kind != "not_possible"


_TABLE: tuple[tuple[str, CodeKind, str], ...] = (
    ("/", "present", "present at morning registration"),
    ("\\", "present", "present at afternoon registration"),
    ("L", "present", "late, arrived before the register closed"),
    ("K", "approved", "attending education provision arranged by the local authority"),
    ("V", "approved", "attending an educational visit or trip"),
    ("P", "approved", "participating in an approved sporting activity"),
    ("W", "approved", "attending work experience"),
    ("B", "approved", "attending any other approved educational activity"),
    ("C", "authorised", "leave of absence for exceptional circumstances"),
    ("C1", "authorised", "leave of absence for a regulated performance or regulated employment abroad"),
    ("C2", "authorised", "leave of absence for a compulsory school age pupil on a part-time timetable"),
    ("E", "authorised", "suspended or permanently excluded, no alternative provision made"),
    ("I", "authorised", "illness (not medical or dental appointment)"),
    ("J1", "authorised", "leave of absence for an interview"),
    ("M", "authorised", "leave of absence for a medical or dental appointment"),
    ("R", "authorised", "religious observance"),
    ("S", "authorised", "leave of absence for study leave"),
    ("T", "authorised", "parent travelling for occupational purposes (mobile Traveller families)"),
    ("G", "unauthorised", "holiday not granted by the school"),
    ("N", "unauthorised", "reason for absence not yet established"),
    ("O", "unauthorised", "absent in other or unknown circumstances"),
    ("U", "unauthorised", "arrived in school after the register closed"),
    ("D", "not_possible", "dual registered: attending another school at which the pupil is registered"),
    ("X", "not_possible", "non-compulsory school age pupil not required to attend"),
    ("Y1", "not_possible", "unable to attend: transport normally provided not available"),
    ("Y2", "not_possible", "unable to attend: widespread disruption to travel"),
    ("Y3", "not_possible", "unable to attend: part of the school premises closed"),
    ("Y4", "not_possible", "unable to attend: whole school site unexpectedly closed"),
    ("Y5", "not_possible", "unable to attend: in criminal justice detention"),
    ("Y6", "not_possible", "unable to attend: public health guidance or law"),
    ("Y7", "not_possible", "unable to attend: any other unavoidable cause"),
    ("Q", "not_possible", "unable to attend: lack of access arrangements"),
    ("Z", "not_possible", "prospective pupil not on the admission register"),
    ("#", "not_possible", "planned whole-school closure"),
)

CODES: dict[str, Code] = {code: Code(code, kind, meaning) for code, kind, meaning in _TABLE}

_WITHDRAWN = {
    "H": "H (agreed family holiday) is no longer a national code; term-time leave is C if granted, G if not",
    "F": "F (agreed extended family holiday) is no longer a national code",
    "J": "J is now J1 (interview)",
    "Y": "Y is now split into Y1 to Y7; ask the school which one applies",
}


def lookup(text: str) -> Code | None:
    """The code for a register cell (letters in either case), or None if it is not a national code."""
    return CODES.get(text.strip().upper())


def unknown_code_hint(text: str) -> str:
    """Why a code is not accepted, in words, with the list of valid codes."""
    raw = text.strip().upper()
    hint = _WITHDRAWN.get(raw, "")
    valid = " ".join(CODES)
    return (f"{hint}. " if hint else "") + f"The national codes are: {valid}"


def codes_of(kind: CodeKind) -> tuple[str, ...]:
    return tuple(c.code for c in CODES.values() if c.kind == kind)
