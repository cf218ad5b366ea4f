"""The illness cross-check of `sendcalc attendance --illness`: its section of the text, its JSON, and the
drafted request to re-code the sessions as illness (code I)."""

from __future__ import annotations

import json
from typing import Any

from sendcalc.attendance.illness_check import IllnessCheck
from sendcalc.core import sources
from sendcalc.core.dates import in_words
from sendcalc.render.emit import json_text
from sendcalc.render.view import View

_SESSION = {"am": "morning", "pm": "afternoon"}


def with_illness(view: View, check: IllnessCheck) -> View:
    """The register's view with the cross-check added after its text and under ``illness_check`` in its JSON."""
    return View(
        text=lambda colour: view.text(colour) + "\n" + illness_text(check),
        json=lambda: json_text({**json.loads(view.json()), "illness_check": illness_json(check)}),
        csv=view.csv,
        steps=view.steps,
    )


_THRESHOLD = "the penalty-notice threshold"
_WINDOW = "(10 unauthorised sessions within 10 school weeks)"
_REACH = {
    "alone": f"these sessions alone reach {_THRESHOLD} {_WINDOW}",
    "drops": f"with them coded I, the register would no longer reach {_THRESHOLD}",
    "stays": f"the register reaches {_THRESHOLD} even with them coded I",
    "counts": f"they count toward {_THRESHOLD} {_WINDOW}",
}


def _reach(check: IllnessCheck) -> str:
    """What the wrongly coded sessions do to the penalty-notice threshold (10 in 10 school weeks)."""
    return _REACH[check.effect]


def draft_request(check: IllnessCheck) -> str:
    """A plain request to the school to re-code the sessions as I (the parent adds names and signs)."""
    lines = [
        "Dear Attendance Officer,",
        "",
        "I told the school that my child was absent through illness on the sessions below. The register records "
        "them as unauthorised absence. Illness should be recorded as authorised absence (code I) unless the school "
        "has a genuine doubt about it and tells me so. Please correct these sessions to code I, or tell me in "
        "writing why the illness was not accepted.",
        "",
        *(
            f"- {in_words(m.day)}, {_SESSION[m.session]}: coded {m.code.code} ({m.code.meaning})"
            for m in check.unauthorised
        ),
        "",
        f"There are {len(check.unauthorised)} of them; {_reach(check)}.",
        "",
        f"Source: {sources.ILLNESS_CODE}.",
        "",
        "Yours sincerely,",
    ]
    return "\n".join(lines) + "\n"


def illness_text(check: IllnessCheck) -> str:
    out = [f"Illness cross-check: {check.reported} session(s) reported as illness."]
    if not check.unauthorised:
        out.append("  None of them is coded as unauthorised absence.")
    else:
        out.append(
            f"  {len(check.unauthorised)} of them are coded as unauthorised absence (G, N, O or U): {_reach(check)}."
        )
        out += [f"  {in_words(m.day)} {_SESSION[m.session]}: {m.code.code}" for m in check.unauthorised]
    out += [f"  {in_words(m.day)} {_SESSION[m.session]}: coded {m.code.code}, not I" for m in check.other]
    out += [f"  {in_words(d)} {_SESSION[s]}: not in the register" for d, s in check.not_in_register]
    if check.unauthorised:
        out += ["", "Draft request to the school:", "", draft_request(check).rstrip("\n")]
    return "\n".join(out) + "\n"


def illness_json(check: IllnessCheck) -> dict[str, Any]:
    session = [{"date": m.day, "session": m.session, "code": m.code.code} for m in check.unauthorised]
    return {
        "reported_sessions": check.reported,
        "coded_unauthorised": session,
        "coded_other": [{"date": m.day, "session": m.session, "code": m.code.code} for m in check.other],
        "not_in_register": [{"date": d, "session": s} for d, s in check.not_in_register],
        "alone_reach_threshold": check.alone.met,
        "threshold_now": check.now.met,
        "threshold_if_recoded": check.if_recoded.met,
        "draft_request": draft_request(check) if check.unauthorised else None,
    }
