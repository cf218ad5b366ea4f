"""Whether a school year in a calendar looks whole: three terms, each with a half-term break, about 190 days.

A calendar typed from a letter or read from a feed can miss a term, and every date counted past it
would then be wrong without a word. These checks name what looks missing, so `calendar check` and
every command can say it, and an error at the end of the data can say which term to add.
"""

from __future__ import annotations

from sendcalc.calendar.model import SchoolYear

TERMS = ("autumn", "spring", "summer")
FEWEST_DAYS = 185
MOST_PUPIL_DAYS = 195
"""A school year has 190 pupil days; 185-195 allows for a one-off holiday or an extra day of closure."""
MOST_WINDOW_DAYS = 196
"""A council window that still holds the school's INSET days (Hertfordshire: 190 + 5 INSET + 1 occasional)."""


def missing_terms(year: SchoolYear) -> tuple[str, ...]:
    """The usual terms (autumn, spring, summer) a school year lacks, in order; none if it has three or more."""
    if len(year.terms) >= 3:
        return ()
    names = " ".join(term.name.lower() for term in year.terms)
    missing = tuple(name for name in TERMS if name not in names)
    return missing if missing else TERMS[len(year.terms) :]


def next_missing_term(year: SchoolYear) -> str | None:
    """The first usual term missing after the year's last term ('spring' for a file holding only autumn)."""
    missing = missing_terms(year)
    last = year.terms[-1].name.lower()
    position = next((i for i, name in enumerate(TERMS) if name in last), len(year.terms) - 1)
    return next((name for name in TERMS[position + 1 :] if name in missing), None)


def term_missing_after(year: SchoolYear) -> str | None:
    """'the end of the 2026-27 autumn term, and the 2026-27 spring term is not in this calendar', or None."""
    missing = next_missing_term(year)
    if missing is None:
        return None
    last = year.terms[-1].name
    return f"the end of the {year.label} {last} term, and the {year.label} {missing} term is not in this calendar"


def year_warnings(year: SchoolYear, school_days: int, *, lists_inset_days: bool) -> list[str]:
    """What looks missing or wrong in one school year, one sentence each (none for a whole year).

    ``lists_inset_days``: whether the school's INSET days are in the calendar; if not, the year is a
    council window that still holds them, and may have up to 196 days.
    """
    out = []
    missing = missing_terms(year)
    if missing:
        have = " and ".join(t.name for t in year.terms)
        out.append(
            f"the {year.label} school year has only {len(year.terms)} term(s) ({have}): the "
            f"{' and '.join(missing)} term(s) are not in this calendar"
        )
    for term in year.terms:
        if not term.breaks and (term.last_day - term.first_day).days > 35:
            out.append(f"the {year.label} {term.name} term has no half-term break")
    most = MOST_PUPIL_DAYS if lists_inset_days else MOST_WINDOW_DAYS
    if not missing and school_days < FEWEST_DAYS:
        out.append(f"the {year.label} school year has {school_days} school days, fewer than {FEWEST_DAYS}")
    elif school_days > most:
        what = "pupil days" if lists_inset_days else "days, even counting the school's INSET days"
        out.append(f"the {year.label} school year has {school_days} school days, more than {most} {what}")
    return out
