"""The working behind every attendance result, worded from the finished facts: each rule, its source, its result.

Registers and quick figures, health absence, part-time timetables and the sent-home log. Nothing
here computes a figure: each step reads what the attendance modules already decided.
"""

from __future__ import annotations

from sendcalc.attendance.codes import CODES_SOURCE
from sendcalc.attendance.figures import WTISA, AttendanceReport, QuickReport, Tally, percent_text
from sendcalc.attendance.health import HEALTH_GUIDANCE, S19, SICKNESS_RETURN, STATUS_WORDS, HealthAbsence, Trigger
from sendcalc.attendance.health import WTISA as HEALTH_WTISA
from sendcalc.attendance.part_time import C2_SOURCE, PartTimeResult, describe_slots
from sendcalc.attendance.part_time import WTISA as PART_TIME_WTISA
from sendcalc.attendance.penalty import FINES, PENALTY_SOURCE, RETURNS_SOURCE, PenaltyCheck
from sendcalc.attendance.sent_home import GUIDANCE, REGS, SentHomeReport
from sendcalc.calendar.engine import SchoolCalendar
from sendcalc.core.dates import in_words
from sendcalc.core.sources import HERTS_GUIDE, SCHOOL_AGE, SCHOOL_DAY, convention
from sendcalc.core.steps import Step
from sendcalc.core.units import days_text

# ----- registers and quick figures -------------------------------------------------------------------


def _persistent_step(t: Tally) -> Step:
    verdict = "severe absence" if t.severe else "persistent absence" if t.persistent else "neither"
    return Step(
        "persistent absence: absent from 10% or more of possible sessions (absent x 10 >= possible, so exactly "
        "90.0% attendance IS persistent absence); severe absence: 50% or more (absent x 2 >= possible)",
        f"{WTISA}; DfE pupil absence statistics methodology",
        f"{t.label}: absent {t.absent} of {t.possible}: {verdict}",
    )


def _without_e_step(t: Tally) -> Step:
    return Step(
        "rate without suspension: sessions coded E (suspended, no provision) are taken out of the possible "
        "sessions, so the rate shows attendance on the days the child was allowed in school",
        "sendcalc convention: the law is silent; parents need the rate with and without suspension sessions (E)",
        f"{t.label}: {t.attended} / {t.possible_without_e} = {percent_text(t.rate_without_e)} "
        f"(with E: {percent_text(t.rate)})",
        convention=True,
    )


def _rounding_step() -> Step:
    return Step(
        "percentages are rounded half up to 2 decimal places for printing only; every flag and threshold is "
        "decided on whole sessions",
        "sendcalc convention",
        "for example 364 / 380 = 95.789... -> 95.79%",
        convention=True,
    )


def register_steps(report: AttendanceReport) -> tuple[Step, ...]:
    """The working of `sendcalc attendance --register`: codes, rates, flags, the penalty window, the 10-day run."""
    years, penalty, continuous = report.years, report.penalty, report.continuous
    return (
        Step(
            "each session's code counts as attendance (/ \\ L, and K V P W B off site), authorised absence "
            "(C C1 C2 E I J1 M R S T), unauthorised absence (G N O U), or not a possible session "
            "(D X Y1-Y7 Q Z #)",
            CODES_SOURCE,
            "; ".join(f"{y.label}: {y.possible} possible, {y.not_possible} not possible" for y in years),
        ),
        *[
            Step(
                "attendance rate = sessions attended / possible sessions",
                WTISA,
                f"{y.label}: {y.attended} / {y.possible} = {percent_text(y.rate)}",
            )
            for y in years
        ],
        *[_persistent_step(y) for y in years],
        *[_without_e_step(y) for y in years],
        Step(
            "a penalty notice must be considered when a pupil has 10 sessions of unauthorised absence "
            "(G N O U) within a rolling period of 10 school weeks; a school week is any Monday-Sunday week "
            "with at least one session, so holiday weeks are skipped and the window can span terms and years",
            PENALTY_SOURCE,
            _penalty_words(penalty),
        ),
        Step("penalty notice amounts", PENALTY_SOURCE, "; ".join(FINES)),
        Step(
            "the school tells the local authority about a pupil with a continuous 10 school days of "
            "unauthorised absence. A day counts only if every session held that day is marked G, N, O or U; "
            "weekends and holidays do not break the run",
            f"{RETURNS_SOURCE}; which days count: sendcalc convention, the law is silent",
            (
                f"run of {continuous.days} school days from {in_words(continuous.first)}; "
                f"the 10th was {in_words(continuous.tenth)}"
            )
            if continuous
            else "no run of 10 school days",
            convention=True,
        ),
        _rounding_step(),
    )


def quick_steps(report: QuickReport) -> tuple[Step, ...]:
    """The working of `sendcalc attendance --possible N --absent M`."""
    figures = report.figures
    steps = [
        Step(
            "attendance rate = sessions attended / possible sessions",
            WTISA,
            f"{figures.attended} / {figures.possible} = {percent_text(figures.rate)}",
        ),
        _persistent_step(figures),
        _rounding_step(),
    ]
    if figures.suspension:
        steps.insert(1, _without_e_step(figures))
    return tuple(steps)


def _penalty_words(p: PenaltyCheck) -> str:
    if p.met and p.met_on and p.window_first:
        return (
            f"met on {in_words(p.met_on)}: 10 unauthorised sessions from {in_words(p.sessions[0].day)} "
            f"within {p.school_weeks_spanned} school week(s) of the window starting {in_words(p.window_first)}"
        )
    return (
        f"not met: at most {p.most_in_any_window} unauthorised session(s) in any 10 school weeks "
        f"({p.unauthorised_total} in all)"
    )


# ----- part-time timetables ----------------------------------------------------------------------


def part_time_steps(result: PartTimeResult) -> tuple[Step, ...]:
    """The working of `sendcalc part-time`."""
    end, attends = result.end, result.attends
    total, so_far, to_year_end = result.total, result.so_far, result.to_year_end
    steps = [
        Step(
            "each week, the sessions missed are the sessions the school holds (two a school day, fewer on a "
            "closure) that are not on the timetable",
            "Pupil Registration Regs 2024 reg 10 (two sessions a day)",
            f"timetable: {describe_slots(attends)} ({len(attends)} of up to 10 sessions a week)",
        ),
    ]
    if total is not None:
        steps.append(
            Step(
                "sessions missed on the timetable are authorised absence, code C2; C2 is absence, so it lowers "
                "the attendance rate: with every timetabled session attended, the rate over this period can be "
                "at most attended / held",
                f"{C2_SOURCE}; {PART_TIME_WTISA}",
                f"{in_words(total.first)} to {in_words(total.last)}: {total.missed} of {total.held} sessions "
                f"missed ({days_text(total.missed)} school days); at most {percent_text(total.best_rate)}",
            )
        )
    if so_far is not None:
        steps.append(
            Step(
                "weeks on the timetable so far: school weeks (weeks with at least one session) from the start to today",
                convention("a school week is a week with a session, as for the penalty-notice window"),
                f"{so_far.school_weeks} school week(s) to {in_words(so_far.last)}",
                convention=True,
            )
        )
    steps.append(
        Step(
            "a part-time timetable needs the parents' agreement, must be temporary, with a time limit (an end "
            "date) and formal arrangements for regular review, and aim at a return to full-time education",
            PART_TIME_WTISA,
            "no end date: ask the school for one in writing, with the review dates"
            if end is None
            else f"end date {in_words(end)}",
        )
    )
    if to_year_end is not None:
        steps.append(
            Step(
                "with no end date, the projection runs to the last day of the school year",
                "sendcalc convention",
                f"{to_year_end.missed} more sessions would be missed from {in_words(to_year_end.first)} "
                f"to {in_words(to_year_end.last)}",
                convention=True,
            )
        )
    return tuple(steps)


# ----- the sent-home log --------------------------------------------------------------------------


def sent_home_steps(calendar: SchoolCalendar, report: SentHomeReport) -> tuple[Step, ...]:
    """The working of `sendcalc sent-home`: what each event counts as, and the totals against the lines."""
    events, crossings = report.events, report.crossings
    afternoon = any(e.when not in ("all day", "morning", "afternoon") and e.when >= _hhmm(calendar) for e in events)
    steps = [
        Step(
            "sending a child home, or telling parents to keep the child at home, without a formal exclusion is "
            "unlawful; each time counts in law as an exclusion",
            f"{GUIDANCE}; {HERTS_GUIDE}",
            f"{len(events)} event(s) in the log",
        ),
        Step(
            "equivalent exclusion: sent home before the afternoon session = 0.5 day (the afternoon); told to "
            "keep the child at home for the day = 1 day; kept at home for the morning only = 0.5 day",
            convention("an exclusion runs in half-day steps; the session the child was sent home from counts"),
            f"total {days_text(sum(e.halves for e in events))} school day(s)",
            convention=True,
        ),
        Step(
            "sent home after the afternoon session has begun = 0.5 day as well: the rest of the afternoon is "
            "an afternoon exclusion, and an exclusion is never shorter than half a school day",
            convention("exclusions run in half-day steps (2012 Regs), and the law says nothing of part sessions"),
            "applies to: "
            + ", ".join(
                f"{in_words(e.day)} at {e.when}"
                for e in events
                if e.when not in ("all day", "morning", "afternoon") and e.when >= _hhmm(calendar)
            )
            if afternoon
            else f"no event in the log was after {_hhmm(calendar)}",
            convention=True,
        ),
        Step(
            "totals are kept per term and per school year in half days; 'more than 5' means 5.5 or more",
            f"{REGS} reg 4-6",
            "; ".join(f"{t.scope} {t.period}: more than {t.line.days} on {in_words(t.date)}" for t in crossings)
            or "no line crossed",
        ),
    ]
    return tuple(steps)


def _hhmm(calendar: SchoolCalendar) -> str:
    return calendar.times.afternoon_starts.strftime("%H:%M")


# ----- health absence ------------------------------------------------------------------------------


def health_steps(r: HealthAbsence) -> tuple[Step, ...]:
    """The working of `sendcalc absence`: school days counted, the 15th school day, who should act."""
    first, last, pm_start, earlier = r.first_day, r.last_day, r.start_session == "pm", r.earlier
    consecutive, cumulative, holidays, one_session = r.consecutive, r.cumulative, r.holidays, r.one_session
    through = f"to {in_words(last)}" if last else f"so far (to {in_words(r.as_of)})"
    steps = []
    if r.start_kind:
        steps.append(
            Step(
                "only school days count; the absence is counted from the first school day on or after the date given",
                SCHOOL_DAY,
                f"{in_words(r.start)} is {r.start_kind}; the first school day missed is {in_words(first)}",
            )
        )
    steps += [
        Step(
            "the local authority's duty covers children of compulsory school age (from the 31 December, 31 March or "
            "31 August after the fifth birthday to the last Friday in June of Year 11)",
            f"{S19}; {SCHOOL_AGE}",
            r.school_age.reason,
            convention=r.school_age.compulsory == "assumed",
        ),
        Step(
            "count school days, not calendar weeks: the trigger is 15 school days, consecutive or cumulative "
            "over the school year; holidays, weekends, bank holidays and INSET days do not count",
            HEALTH_GUIDANCE,
            f"this absence: {days_text(r.run_halves)} school day(s) {through}",
        ),
    ]
    if pm_start:
        steps.append(
            Step(
                "an absence that begins at the afternoon session counts its first day as half a school day",
                convention("registers count sessions (Pupil Registration Regs 2024 reg 10)"),
                f"{in_words(first)} counts 0.5; the 15th whole school day is reached in the morning of school "
                f"day {consecutive.day_number}",
                convention=True,
            )
        )
    if one_session:
        steps.append(
            Step(
                "a school day with one session closed still counts as a whole school day missed",
                convention("Education Act 1996 s.579: a school day is any day with a session"),
                "applies to " + ", ".join(in_words(d) for d in one_session),
                convention=True,
            )
        )
    steps += [
        Step(
            "consecutive count: the 15th school day of this absence, counting its first school day as day 1",
            HEALTH_GUIDANCE,
            trigger_words(consecutive),
        ),
        Step(
            "cumulative count: earlier health absence this school year plus this absence",
            HEALTH_GUIDANCE,
            f"earlier {days_text(earlier.halves)} ({earlier.source}) + this absence = "
            f"{days_text(r.year_halves)} in {r.school_year}; 15th: {trigger_words(cumulative)}",
        ),
        Step(
            "15 school days is three calendar weeks only when no holiday intervenes",
            f"{HEALTH_GUIDANCE}; {HERTS_GUIDE} ('longer than 3 weeks')",
            f"three calendar weeks from {in_words(first)} end on {in_words(r.three_weeks_last)}; "
            + (
                "not school days in between: " + "; ".join("; ".join(h.reasons) for h in holidays)
                if holidays
                else "no holiday intervenes"
            ),
        ),
        Step(
            "the school must tell the local authority about a pupil off sick (code I) whom it has reasonable "
            "grounds to believe will miss 15 school days, consecutive or cumulative",
            SICKNESS_RETURN,
            "the school's duty; ask the school whether it has made the return",
        ),
        Step(
            "the local authority must arrange suitable (normally full-time) education for a child who cannot "
            "attend because of health needs, as soon as it is clear the child will miss 15 school days; "
            "it need not wait for the 15th day",
            f"{S19}; {HEALTH_GUIDANCE}",
            "write to the local authority's medical needs / health needs team",
        ),
        Step(
            "absence because of illness should be authorised (code I) unless the school has genuine doubt; "
            "schools should need medical evidence only in a minority of cases",
            f"{HEALTH_WTISA}; {HERTS_GUIDE}",
            "code I is authorised absence",
        ),
    ]
    return tuple(steps)


def trigger_words(t: Trigger) -> str:
    """When the 15th school day is reached, in words."""
    if t.date is None:
        return STATUS_WORDS[t.status]
    day = f" (school day {t.day_number} of this absence)" if t.day_number else ""
    return f"{in_words(t.date)}{day}: {STATUS_WORDS[t.status]}"
