"""The words of each letter `sendcalc letter` drafts: pure functions from a finished result to a Letter.

Each function takes the domain's result (a suspension, a permanent exclusion, a sent-home log) and
the :class:`Names` the parent gave, and returns a :class:`sendcalc.render.letters.Letter`; the
letter's layout and escaping are letters.py's. Text the user typed is never put into a text
directly: it goes into ``Letter.typed`` and the text names it (``{child}``), so that every format
escapes it (see letters.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from sendcalc.attendance.illness_check import IllnessCheck
from sendcalc.attendance.part_time import PartTimeResult
from sendcalc.attendance.part_time_checks import Check
from sendcalc.attendance.sent_home import SentHomeReport
from sendcalc.core import sources
from sendcalc.core.dates import in_words, moment_in_words, short_words
from sendcalc.core.units import days_words
from sendcalc.exclusions.permanent import PermanentResult
from sendcalc.exclusions.suspension import SuspensionResult
from sendcalc.exclusions.thresholds import FIFTEEN_DAYS, BoardDecision
from sendcalc.render.letters import Letter, slot

__all__ = [
    "Names",
    "names",
    "part_time_letter",
    "permanent_letter",
    "recode_letter",
    "sent_home_letter",
    "suspension_letter",
]

EQUALITY_ACT = "Equality Act 2010"


@dataclass(frozen=True)
class Names:
    """Template words for a letter's texts, and the typed values they stand for (``Letter.typed``)."""

    typed: dict[str, str]
    child: str  # '{child}', or '[child's name]' when no name was given
    school: str  # '{school}', or '[school's name]'
    to: str  # the addressee line: '{to}, {school}'
    greeting: str = "Dear {dear},"


def names(child: str | None, school: str | None, to: str) -> Names:
    """The names a parent gave (each one line), as template words; 'The Chair, ...' is greeted 'Dear Chair,'."""
    typed: dict[str, str] = {}
    dear = to.split(",")[0].strip()
    typed["to"], typed["dear"] = to, dear[4:] if dear.lower().startswith("the ") else dear
    child_word = slot(typed, "child", child, "[child's name]")
    school_word = slot(typed, "school", school, "[school's name]")
    return Names(typed, child_word, school_word, f"{{to}}, {school_word}")


def suspension_letter(r: SuspensionResult, n: Names, reasons: list[str]) -> Letter:
    """Representations to the governing board about a suspension: its dates, length, totals and the board's duty."""
    s, board, c = r.suspension, r.governing_board, n.child
    total = f"{c}'s suspensions in the {r.board_term} term to {days_words(r.board_term_halves)}"
    if s.lunchtime:
        what, length = f"at lunchtime on {in_words(s.starts_at.date())}", "a lunchtime suspension (counts as 0.5 day)"
    else:
        what, length = f"for {days_words(s.halves)} from {moment_in_words(s.starts_at)}", days_words(s.halves)
    opening = (
        f"I am the parent of {c}, a pupil at {n.school}. {c} was suspended {what}. I am writing to make "
        "representations to the governing board about this suspension."
    )
    if board.duty == "consider-representations":
        duty = [
            f"This suspension brings {total}, 5 school days or fewer. The governing board is therefore not "
            f"required to meet, and it cannot direct that {c} be reinstated: the duty to consider reinstatement in "
            "regulation 6 of the School Discipline (Pupil Exclusions and Reviews) (England) Regulations 2012 "
            "applies only above 5 school days in a term. As the DfE guidance says, the board must still consider "
            "my representations, and I ask it to do so."
        ]
    elif board.duty == "if-parents-ask":
        duty = [
            f"This suspension brings {total}, more than 5 school days, so, as I am making representations, the "
            f"governing board must consider whether {c} should be reinstated.",
            _deadline(board, "my representations"),
        ]
    else:
        why = (
            f"{c} would miss a public exam or National Curriculum test because of this suspension, so the governing "
            f"board must consider whether {c} should be reinstated and, where reasonably practicable, do so before "
            "the exam."
            if r.exam and r.board_term_halves <= FIFTEEN_DAYS
            else f"This suspension brings {total}, more than 15 school days, so the governing board must meet to "
            f"consider whether {c} should be reinstated."
        )
        duty = [why, _deadline(board, "the suspension")]
    dates = ", ".join(short_words(d) for d in s.excluded_dates)
    if len(s.excluded_dates) > 8:
        dates = f"{short_words(s.excluded_dates[0])} to {short_words(s.excluded_dates[-1])}"
    facts = [
        ("Suspension", length),
        ("From", moment_in_words(s.starts_at)),
        ("Back at school", moment_in_words(s.returns_at)),
        ("Excluded on", f"{dates} ({len(s.excluded_dates)} school date{'s' if len(s.excluded_dates) > 1 else ''})"),
        (f"Days of suspension in the {r.board_term} term, this one included", days_words(r.board_term_halves)),
        (f"Days of suspension in school year {r.school_year}", days_words(r.year_total_halves)),
    ]
    if r.provision_from is not None:
        facts.append(
            ("Full-time education from day 6", f"{in_words(r.provision_from)}, arranged by the {r.provision_by}")
        )
    if board.deadline is not None:
        ask = (
            f"I ask the governing board to direct that {c} is reinstated or, if {c} is already back at school when "
            f"the board meets, to record on {c}'s school record that the suspension should not have happened and to "
            "have it removed from the record."
        )
    else:
        ask = (
            f"I ask the governing board to consider my representations and, if it agrees that the suspension should "
            f"not have happened, to record that on {c}'s school record and to ask that the suspension be removed "
            "from it."
        )
    subject = f"Representations to the governing board: the suspension of {c}"
    return _representations(n, subject, [opening, *duty], facts, board, [ask], reasons, "the suspension")


def permanent_letter(r: PermanentResult, n: Names, reasons: list[str]) -> Letter:
    """Representations to the governing board about a permanent exclusion: its start, days 1-5, the deadline."""
    c, board = n.child, r.governing_board
    paragraphs = [
        f"I am the parent of {c}, a pupil at {n.school}. {c} was permanently excluded from "
        f"{moment_in_words(r.start.starts_at)}. I am writing to make representations to the governing board about "
        "the permanent exclusion.",
        f"Because the exclusion is permanent, the governing board must meet to consider whether {c} should be "
        "reinstated.",
        _deadline(board, "the permanent exclusion"),
    ]
    facts = [
        ("Permanently excluded from", moment_in_words(r.start.starts_at)),
        ("Days 1 to 5", ", ".join(short_words(d) for d in r.first_five_days)),
    ]
    if r.provision_from is not None:
        facts.append(
            ("Full-time education from day 6", f"{in_words(r.provision_from)}, arranged by the local authority")
        )
    asks = [
        f"I ask the governing board to direct that {c} is reinstated, and that the permanent exclusion is removed "
        f"from {c}'s school record.",
        f"If the board does not reinstate {c}, please tell me in writing how to apply for an independent review, "
        "and that I may ask for a SEN expert to be appointed to it.",
    ]
    subject = f"Representations to the governing board: the permanent exclusion of {c}"
    return _representations(n, subject, paragraphs, facts, board, asks, reasons, "the permanent exclusion")


def _deadline(board: BoardDecision, what: str) -> str:
    """'The governing board must consider ... within 15 school days of receiving notice: by <date>.'"""
    assert board.deadline is not None  # only the duties with a deadline say it
    return (
        f"The governing board must consider {what} within {board.school_days} school days of receiving notice: by "
        f"{in_words(board.deadline)}."
    )


def _representations(
    n: Names,
    subject: str,
    paragraphs: list[str],
    facts: list[tuple[str, str]],
    board: BoardDecision,
    asks: list[str],
    reasons: list[str],
    what: str,
) -> Letter:
    """The parts a suspension and a permanent exclusion letter share: notice, deadline, reasons, SEN, meeting."""
    c = n.child
    notice = in_words(board.notice_date)
    if not board.notice_given:
        notice += f" (taken as the first day of {what}: the head teacher must give notice without delay)"
    deadline = "none: the board is not required to meet"
    if board.deadline is not None:
        deadline = f"{in_words(board.deadline)} ({board.school_days} school days after notice)"
    facts = [*facts, ("Notice to the governing board", notice), ("The governing board's deadline", deadline)]
    if board.deadline_passed:
        paragraphs = [
            *paragraphs,
            "That date has passed. A late decision is still valid, and I ask the board to consider my "
            "representations as soon as it can.",
        ]
    typed = dict(n.typed)
    given = [word for i, text in enumerate(reasons, start=1) if (word := slot(typed, f"reason{i}", text, ""))]
    mine = ["My reasons are these.", *given]
    if not given:
        mine = [f"[Your reasons: what happened, and why you think {what} was not justified.]"]
    sen = (
        f"{c} has special educational needs. I ask the board to consider whether the decision was lawful, "
        f"reasonable and fair, including whether the school took account of {c}'s needs and made the reasonable "
        "adjustments the Equality Act 2010 requires."
    )
    if board.deadline is not None:
        meeting = (
            "I would like to attend the meeting, with a friend or representative, and to see the papers the board "
            "will consider in good time before it. Please tell me the date of the meeting, and the board's decision "
            "in writing."
        )
    else:
        meeting = "Please tell me in writing what the board decides."
    return Letter(
        subject=subject,
        to=n.to,
        greeting=n.greeting,
        paragraphs=tuple(paragraphs),
        facts=tuple(facts),
        requests=(*mine, sen, *asks, meeting, "Thank you for considering this letter."),
        sources=(sources.REGS_2012, sources.DFE_SUSPENSION, EQUALITY_ACT),
        typed=typed,
    )


def sent_home_letter(report: SentHomeReport, n: Names) -> Letter:
    """To the head teacher: each time the child was sent home without a formal exclusion, and what to do now."""
    c, typed = n.child, dict(n.typed)
    facts = []
    for i, e in enumerate(report.events, start=1):
        note = slot(typed, f"note{i}", e.note, "")
        facts.append((in_words(e.day), f"{e.what} ({days_words(e.halves)})" + (f"; my note: {note}" if note else "")))
    for t in report.terms:
        times = f"{t.events} time{'s' if t.events > 1 else ''}"
        facts.append((f"In all, in the {t.label} term", f"{days_words(t.halves)} of school, {times}"))
    crossed = [
        f"Had the school recorded these as exclusions, {c}'s {x.scope} total for {x.period} would have gone above "
        f"{x.line.days} school days on {in_words(x.date)}."
        for x in report.crossings
    ]
    return Letter(
        subject=f"Times {c} was sent home without a formal exclusion",
        to=n.to,
        greeting=n.greeting,
        paragraphs=(
            f"I am the parent of {c}, a pupil at {n.school}. I am writing about the times listed below when the "
            f"school sent {c} home, or asked me to keep {c} at home, without a formal exclusion. I have kept a record "
            "of each one.",
            "The DfE guidance on suspension and permanent exclusion says that informal or unofficial exclusions, "
            "such as sending a pupil home to 'cool off', are unlawful, even for part of a day and even when the "
            "parents agree. Only the head teacher can exclude a pupil, and only formally: with written notice to "
            "the parents of the reasons and of their right to make representations to the governing board.",
        ),
        facts=tuple(facts),
        facts_intro="The times I have recorded:",
        requests=(
            *crossed,
            "Each of these was, in law, an exclusion. I ask the school either to record each one formally as the "
            f"exclusion it was, with the written notice the law requires, or to stop sending {c} home, or asking me "
            f"to keep {c} at home, without a formal exclusion. Please also tell me how each of these sessions was "
            "marked in the attendance register.",
            f"I would also like to meet you, with {c}'s SENCO, to talk about the support {c} needs to stay in school "
            f"for the whole day, and whether {c}'s SEN support or EHC plan should be reviewed. Please let me know "
            "some times that would suit you.",
            "I look forward to hearing from you.",
        ),
        sources=(sources.DFE_SUSPENSION, sources.REGS_2012),
        typed=typed,
    )


def part_time_letter(result: PartTimeResult, checks: tuple[Check, ...], n: Names) -> Letter:
    """To the head teacher: the part-time timetable's facts, what the guidance asks of it, and what to do now."""
    c = n.child
    until = in_words(result.end) if result.end else "no end date given"
    facts = [("Started", in_words(result.start)), ("Ends", until),
             ("Sessions attended each week", f"{result.slots_per_week} of 10")]  # fmt: skip
    if result.so_far is not None:
        s = result.so_far
        facts.append((f"Missed so far (to {in_words(s.last)})", f"{s.missed} sessions ({days_words(s.missed)})"))
    missed = result.so_far.missed if result.so_far else 0
    weeks = result.total.school_weeks if result.total else 0
    wanted = {
        "agreement": "The guidance says a part-time timetable needs the parents' agreement, and I have not given "
        f"mine. Without it, each session {c} has been kept out ({missed} so far) is an exclusion that was not made "
        "formally. Please end the timetable now, or record those sessions as the exclusions they were.",
        "agreement-unknown": "The guidance says a part-time timetable needs the parents' agreement. Please tell me "
        "when, and how, my agreement was asked for.",
        "end": f"The timetable has no end date. Please give me a date for {c}'s return to full-time education.",
        "length": f"The timetable runs for {weeks} school weeks. Please explain why it needs to be this long, and "
        f"what support will bring {c} back to full time sooner.",
        "review": "The timetable has not been reviewed in the last six school weeks. Please arrange a review with me.",
        "local-authority": "Please tell me whether the school has told the local authority about the timetable, "
        "as the guidance asks, and if it has not, please do so.",
    }
    asks = [wanted[check.key] for check in checks if not check.ok and check.key in wanted]
    return Letter(
        subject=f"{c}'s part-time timetable",
        to=n.to,
        greeting=n.greeting,
        paragraphs=(
            f"I am the parent of {c}, a pupil at {n.school}. I am writing about the part-time timetable {c} has been "
            "on. The DfE's attendance guidance says a part-time timetable must be agreed with the parents, be for "
            "the shortest time necessary with a date to return to full time, be reviewed regularly, and that the "
            "school should tell the local authority about it. The sessions missed still count as absence.",
        ),
        facts=tuple(facts),
        facts_intro="The timetable:",
        requests=(
            *asks,
            f"I ask the school for a written plan to return {c} to full-time education, with the support {c} will "
            "have and a date for the next review, and to meet me to agree it.",
            "I look forward to hearing from you.",
        ),
        sources=(sources.WTISA,),
        typed=dict(n.typed),
    )


def recode_letter(check: IllnessCheck, n: Names) -> Letter:
    """To the school: sessions reported as illness that the register codes unauthorised; please code them I."""
    session = {"am": "morning", "pm": "afternoon"}
    facts = tuple(
        (f"{in_words(m.day)}, {session[m.session]}", f"coded {m.code.code} ({m.code.meaning})")
        for m in check.unauthorised
    )
    threshold = "the 10 unauthorised sessions in 10 school weeks at which a penalty notice must be considered"
    reach = {
        "alone": f"These sessions alone reach {threshold}.",
        "drops": f"With them coded as illness, the register would no longer reach {threshold}.",
    }.get(check.effect, f"They count toward {threshold}.")
    return Letter(
        subject=f"Sessions of illness recorded as unauthorised absence for {n.child}",
        to=n.to,
        greeting=n.greeting,
        paragraphs=(
            f"I told the school that {n.child} was absent through illness on the sessions listed below. The register "
            "records them as unauthorised absence. The DfE's guidance says that illness should be recorded as "
            "authorised absence (code I) unless the school has a genuine doubt about it, and then the school "
            "should tell me and may ask for evidence.",
        ),
        facts=facts,
        facts_intro=f"The sessions ({len(facts)}):",
        requests=(
            reach,
            "Please correct these sessions to code I, or tell me in writing why the illness was not accepted.",
            "I look forward to hearing from you.",
        ),
        sources=(sources.ILLNESS_CODE,),
        typed=dict(n.typed),
    )
