"""`sendcalc check` on N generated cases, next to a bare standard-library floor, in one run.

The cases are shaped like a county's list over the school years 2024-25 and 2025-26: suspensions
(mostly short, 0.5 to 20 days), lunchtimes and permanent exclusions, on the Hertfordshire (70%) or
Derbyshire (30%) calendar, each row on a school day of its own calendar; a collection time on a
minority of rows; UK, ISO and a few '18 Nov 2025' dates; recorded dates sometimes blank, late or
before the exclusion; pass-through columns (child name, notes); about 0.1% bad rows (a Sunday, or
the row's own INSET day). The INSET column comes in three shapes:

    (default)      3 fixed INSET sets on Hertfordshire rows, none on Derbyshire rows
    --schools N    N schools, each with its own 5 INSET days a school year and its own calendar
    --own-inset    a fresh set of 5-10 INSET days on every row: the worst case for calendar caching
                   (with --schools, the rows keep their school's base calendar)

The floor reads the same CSV with the csv module, builds each row's calendar (the base calendar's
school days minus the row's INSET days, kept in a dict by INSET text, emptied past 4,096 entries so
that --own-inset does not grow it without end), places the date with bisect and writes the return
and day-6 dates: the least any checker must do. Both run as child processes on the same file (check
as a user runs it, with --as-of 2026-09-01 when check has that option); the figures are wall time,
rows per second, check's microseconds per row, the ratio check/floor, and each process's peak memory
(ru_maxrss from wait4). With --runs R both run R times, alternating; times are medians, memory the
largest peak, and the ratio's range over the runs is shown.

    python benchmarks/batch.py [--rows 100000 [--rows 1000000 ...]] [--schools N] [--own-inset]
                               [--unique] [--runs R] [--keep DIR]

--unique also gives each row a notice date and a number of days already this term, so that almost
no two rows share their inputs. Run it from a plain (non-editable) install, as users have it.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import itertools
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

AS_OF = "2026-09-01"

FLOOR = r"""
import csv, datetime as dt, math, sys
from bisect import bisect_left
from sendcalc.calendar import load_calendar


def parse(text):
    text = text.strip()
    if "/" in text:
        d, m, y = text.split("/")
        return dt.date(int(y), int(m), int(d))
    if " " in text:
        return dt.datetime.strptime(text, "%d %b %Y").date()
    return dt.date.fromisoformat(text)


bases = {}  # base calendar name -> its school days (ordinals)
calendars = {}  # (calendar, INSET text) -> the school days of that row's calendar


def school_days(name, inset):
    days = calendars.get((name, inset))
    if days is None:
        base = bases.get(name)
        if base is None:
            cal = load_calendar(name)
            base = bases[name] = [d.toordinal() for y in cal.labels for d in cal.school_days_in_year(y)]
        skip = {parse(text).toordinal() for text in inset.split(";") if text.strip()}
        days = [d for d in base if d not in skip] if skip else base
        if len(calendars) >= 4096:  # keeps memory flat when every row has its own INSET days
            calendars.clear()
        calendars[(name, inset)] = days
    return days


with open(sys.argv[1], newline="", encoding="utf-8-sig") as src, open(sys.argv[2], "w", newline="") as dst:
    reader = csv.reader(src)
    writer = csv.writer(dst)
    col = {name.strip().lower(): i for i, name in enumerate(next(reader))}
    case_id, date, length, calendar, inset = (col[k] for k in ("case id", "date", "days", "calendar", "inset"))
    writer.writerow(["case_id", "returns", "day_six"])
    for row in reader:
        days = school_days(row[calendar] or "hertfordshire", row[inset])
        i = bisect_left(days, parse(row[date]).toordinal())
        n = math.ceil(float(row[length])) if row[length] else 0
        last = len(days) - 1  # a deliberately bad row may fall past the data: the floor does not stop for it
        writer.writerow(
            [row[case_id], dt.date.fromordinal(days[min(i + n, last)]).isoformat(),
             dt.date.fromordinal(days[min(i + 5, last)]).isoformat()]
        )
"""

HEADER = [
    "Case ID",
    "Child name",
    "Kind",
    "Date",
    "Time",
    "Days",
    "Calendar",
    "INSET",
    "Notice date",
    "Previous",
    "Provision started",
    "Board met",
    "Returned",
    "Notes",
]
YEARS = ("2024-25", "2025-26")
# school days left free at the end of 2025-26, so that day 6 and every deadline stay inside it (a governing board
# may have 50 school days, and Derbyshire has no 2026-27 term dates to count on)
ROOM = 60
SUNDAY = dt.date(2025, 11, 23).toordinal()  # a bad row's date
OLD_INSET_SETS = ("", "2025-09-03;2025-11-03", "2024-09-02;2024-09-03")  # the default shape's INSET cells

# a suspension's length in days, weighted towards short ones by repetition
LENGTHS = (
    ["0.5"] * 6 + ["1"] * 30 + ["1.5"] * 6 + ["2"] * 14 + ["3"] * 10 + ["4"] * 5 + ["5"] * 6 + ["5.5"] * 2
    + ["6"] * 3 + ["8"] * 3 + ["10"] * 3 + ["15"] * 2 + ["15.5"] + ["20"]
)  # fmt: skip
WHOLE_DAYS = {length: int(float(length)) for length in LENGTHS}  # school days on, the child is back (a half: that noon)
OVER_FIVE = {length for length in LENGTHS if float(length) > 5}  # lengths that bring day-6 provision
TIMES = ["08:50", "09:30", "10:15", "11:00", "11:40", "13:20", "14:05", "14:50", "not collected", "not collected"]
LUNCH_TIMES = [f"12:{minute:02d}" for minute in range(0, 60, 5)]
FIRST_NAMES = [
    "Amelia", "Oliver", "Isla", "George", "Ava", "Noah", "Mia", "Arthur", "Ivy", "Leo", "Freya", "Oscar", "Lily",
    "Harry", "Florence", "Jack", "Grace", "Charlie", "Aisha", "Muhammad", "Zara", "Theo", "Ella", "Finley", "Evie",
    "Alfie", "Ruby", "Archie", "Sophie", "Jacob", "Poppy", "Reggie", "Maya", "Tommy", "Willow", "Kai",
]  # fmt: skip
SURNAMES = [
    "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel", "Robinson", "Wright",
    "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke", "Khan", "Hughes",
    "Edwards", "Turner", "Hill", "Moore", "Cooper", "Ward", "Morris", "Ali", "Kaur",
]  # fmt: skip
NOTES = [
    "parent phoned",
    "letter sent by email",
    "EHCP; SENCo informed",
    "awaiting letter from school",
    "mum says no work was set",
    "second this term",
    "reintegration meeting booked",
    "informal exclusion before this",
    "school says 'managed move' considered",
    "dad collected, no letter",
    "check dates with school",
    "SENDIASS adviser: K. Jones",
    "waiting for governors",
    "on part-time timetable, 3 mornings",
]


@dataclass(frozen=True)
class Base:
    """A shipped calendar's school days in the two school years, as ordinals."""

    name: str
    years: tuple[list[int], ...]  # the school days of each school year, in YEARS order
    every: list[int]  # both years
    usable: list[int]  # both years without the last ROOM days: where a row's date may fall
    index: dict[int, int]  # a school day -> its place in ``every``


@dataclass(frozen=True)
class School:
    """A school: its base calendar, its INSET cell and the dates its rows may fall on."""

    base: Base
    inset: str  # the INSET cell: ;-separated dates
    inset_days: tuple[int, ...]
    days: list[int]  # usable school days that are not its INSET days


@dataclass(frozen=True)
class Spellings:
    """Every date the generator writes, spelled once: ISO, UK (dd/mm/yyyy) and '18 Nov 2025'."""

    iso: dict[int, str]
    uk: dict[int, str]
    words: dict[int, str]

    @classmethod
    def between(cls, first: dt.date, last: dt.date) -> Spellings:
        days = [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]
        return cls(
            {d.toordinal(): d.isoformat() for d in days},
            {d.toordinal(): d.strftime("%d/%m/%Y") for d in days},
            {d.toordinal(): f"{d.day} {d:%b %Y}" for d in days},
        )


def load_bases() -> dict[str, Base]:
    from sendcalc.calendar import load_calendar

    bases = {}
    for name in ("hertfordshire", "derbyshire"):
        cal = load_calendar(name)
        years = tuple([d.toordinal() for d in cal.school_days_in_year(label)] for label in YEARS)
        every = [d for year in years for d in year]
        bases[name] = Base(name, years, every, every[:-ROOM], {d: i for i, d in enumerate(every)})
    return bases


def school(base: Base, inset_days: list[int], inset: str) -> School:
    skip = set(inset_days)
    return School(base, inset, tuple(sorted(inset_days)), [d for d in base.usable if d not in skip])


def year_inset(rng: random.Random, days: list[int]) -> list[int]:
    """5 INSET days in one school year: mostly its first days, the first day back after a half-term
    or in January, and the rest random school days."""
    after_breaks = [day for before, day in itertools.pairwise(days) if day - before > 5]
    january = next(d for d in after_breaks if dt.date.fromordinal(d).month == 1)
    picks = {days[0]} if rng.random() < 0.85 else set()
    if rng.random() < 0.5:
        picks.add(days[1])
    if rng.random() < 0.5:
        picks.add(january)
    picks.update(d for d in after_breaks if rng.random() < 0.3)
    while len(picks) < 5:
        picks.add(rng.choice(days))
    return rng.sample(sorted(picks), 5)


def make_schools(count: int, bases: dict[str, Base], spell: Spellings, seed: int) -> list[School]:
    """``count`` schools, each on Hertfordshire (70%) or Derbyshire (30%) with its own INSET days,
    spelled in ISO, UK or a mix of both."""
    rng = random.Random(f"schools-{seed}")
    schools = []
    for _ in range(count):
        base = bases["hertfordshire" if rng.random() < 0.7 else "derbyshire"]
        days = sorted(d for year in base.years for d in year_inset(rng, year))
        style = rng.choice(("iso", "uk", "mixed"))
        texts = [
            spell.iso[d] if style == "iso" or (style == "mixed" and rng.random() < 0.5) else spell.uk[d] for d in days
        ]
        schools.append(school(base, days, ";".join(texts)))
    return schools


def old_schools(bases: dict[str, Base]) -> list[School]:
    """The default shape as schools to draw from (70% Hertfordshire, shared among the 3 INSET sets)."""
    herts = [
        school(bases["hertfordshire"], [dt.date.fromisoformat(t).toordinal() for t in cell.split(";") if t], cell)
        for cell in OLD_INSET_SETS
    ]
    return herts * 7 + [school(bases["derbyshire"], [], "")] * 9


def generate(
    path: Path,
    rows: int,
    *,
    schools: int | None = None,
    own_inset: bool = False,
    unique: bool = False,
    seed: int = 7,
) -> None:
    """Write ``rows`` cases to ``path``, row by row (see the module docstring for their shape)."""
    rng = random.Random(seed)
    bases = load_bases()
    spell = Spellings.between(dt.date(2024, 8, 1), dt.date(2026, 12, 31))
    iso, uk, words = spell.iso, spell.uk, spell.words
    pool = make_schools(schools, bases, spell, seed) if schools else old_schools(bases)
    names = [f"{first} {last}" for first in FIRST_NAMES for last in SURNAMES]
    random_ = rng.random
    choice = rng.choice
    randint = rng.randint
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(HEADER)
        for n in range(rows):
            where = choice(pool)
            if own_inset:
                base = where.base if schools else bases["hertfordshire" if random_() < 0.7 else "derbyshire"]
                inset_days: tuple[int, ...] = tuple(sorted(rng.sample(base.every, randint(5, 10))))
                inset = ";".join(iso[d] if random_() < 0.5 else uk[d] for d in inset_days)
                day = choice(base.usable)
                while day in inset_days:
                    day = choice(base.usable)
            else:
                base, inset, inset_days = where.base, where.inset, where.inset_days
                day = choice(where.days)
            r = random_()
            kind = "suspension" if r < 0.88 else "lunchtime" if r < 0.96 else "permanent"
            if kind == "suspension":
                length, collected = choice(LENGTHS), choice(TIMES) if random_() < 0.25 else ""
            elif kind == "lunchtime":
                length, collected = "0.5", choice(LUNCH_TIMES) if random_() < 0.85 else ""
            else:
                length, collected = "", choice(TIMES) if random_() < 0.25 else ""
            r = random_()
            date_text = uk[day] if r < 0.47 else iso[day] if r < 0.95 else words[day]
            if random_() < 0.001:  # a bad row: a Sunday, or one of the row's own INSET days
                date_text = iso[choice(inset_days)] if inset_days and random_() < 0.5 else iso[SUNDAY]
            whole = WHOLE_DAYS[length] if kind == "suspension" else 0
            # recorded dates, on school days of the base calendar (``at`` school days after the first): mostly
            # on time, some late, a few (slips in the record) before the exclusion; sometimes blank
            every, at = base.every, base.index[day]
            provision = board = returned = ""
            if kind == "permanent" or length in OVER_FIVE:  # day-6 provision: due 5 school days on
                r = random_()
                if r < 0.65:
                    provision = iso[every[at + choice((4, 5, 5))]]
                elif r < 0.83:
                    provision = iso[every[at + randint(6, 12)]]
                elif r < 0.85:
                    provision = iso[every[max(at - randint(1, 3), 0)]]
            if random_() < 0.3:  # the governing board: due within 15 school days (50 for some suspensions)
                r = random_()
                met = at + choice((5, 10, 14)) if r < 0.83 else at + randint(16, 30) if r < 0.98 else max(at - 1, 0)
                board = (iso if random_() < 0.75 else uk)[every[met]]
            if kind != "permanent" and random_() < 0.85:  # back ``whole`` school days on
                r = random_()
                back = at + whole if r < 0.83 else at + whole + randint(1, 5) if r < 0.98 else max(at - 1, 0)
                returned = (iso if random_() < 0.75 else uk)[every[back]]
            writer.writerow([
                f"C{n:07d}", choice(names), kind, date_text, collected, length, base.name, inset,
                iso[day + randint(0, 6)] if unique else "", str(randint(0, 59) / 2) if unique else "",
                provision, board, returned, "" if random_() < 0.6 else choice(NOTES),
            ])  # fmt: skip


def run(cmd: list[str], stdout: Path, ok: tuple[int, ...] = (0,)) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one child process; stops the benchmark if it fails."""
    stderr = stdout.with_name(stdout.stem + "-stderr.txt")
    with stdout.open("wb") as sink, stderr.open("wb") as errors:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=sink, stderr=errors)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in ok:
        tail = stderr.read_text(encoding="utf-8", errors="replace").strip().splitlines()[-5:]
        raise SystemExit(f"{' '.join(cmd[1:4])} failed with exit code {code}:\n" + "\n".join(tail))
    return elapsed, usage.ru_maxrss / 1024


def check_has_as_of() -> bool:
    """Whether this install's `sendcalc check` takes --as-of (it is being added)."""
    help_text = subprocess.run(
        [sys.executable, "-m", "sendcalc", "check", "--help"], capture_output=True, text=True, check=False
    ).stdout
    return "--as-of" in help_text


def shape(args: argparse.Namespace) -> str:
    """The INSET shape of the cases, in words, for the header line."""
    parts = [f"{args.schools:,} schools" + ("" if args.own_inset else " (own INSET days each)")] if args.schools else []
    if args.own_inset:
        parts.append("own INSET set per row")
    if not parts:
        parts.append(f"{len(OLD_INSET_SETS)} INSET sets")
    if args.unique:
        parts.append("unique inputs")
    return "; ".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, action="append", metavar="N", help="rows (repeatable; default 100000)")
    parser.add_argument("--schools", type=int, metavar="N", help="N schools, each with its own INSET days")
    parser.add_argument("--own-inset", action="store_true", help="worst case: every row has its own INSET days")
    parser.add_argument("--unique", action="store_true", help="worst case: almost no two rows share their inputs")
    parser.add_argument("--runs", type=int, default=1, metavar="R", help="run floor and check R times each (medians)")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="keep the generated files in this folder")
    args = parser.parse_args()
    if args.schools is not None and args.schools < 1:
        parser.error("--schools takes a number of schools, 1 or more")
    if args.runs < 1:
        parser.error("--runs takes 1 or more")
    folder = args.keep or Path(tempfile.mkdtemp(prefix="sendcalc-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    as_of = check_has_as_of()
    print(
        f"python {sys.version.split()[0]}; {shape(args)}"
        + (f"; medians of {args.runs} runs" if args.runs > 1 else "")
        + ("" if as_of else "; check has no --as-of yet")
        + (f"; files in {folder}" if args.keep else "")
    )
    print(
        f"{'rows':>9}  {'floor s':>8} {'floor r/s':>10} {'floor MB':>9}  "
        f"{'check s':>8} {'check r/s':>10} {'check MB':>9} {'check µs/row':>12}  {'ratio':>6}"
    )
    floor_script = folder / "floor.py"
    floor_script.write_text(FLOOR, encoding="utf-8")
    for rows in args.rows or [100_000]:
        cases = folder / f"cases-{rows}.csv"
        generate(cases, rows, schools=args.schools, own_inset=args.own_inset, unique=args.unique)
        floor_cmd = [sys.executable, str(floor_script), str(cases), str(folder / f"floor-{rows}.csv")]
        check_cmd = [sys.executable, "-m", "sendcalc", "check", str(cases), *(["--as-of", AS_OF] if as_of else [])]
        floors: list[tuple[float, float]] = []
        checks: list[tuple[float, float]] = []
        for _ in range(args.runs):
            floors.append(run(floor_cmd, folder / "floor-stdout.txt"))
            checks.append(run(check_cmd, folder / f"checked-{rows}.csv", ok=(0, 1)))  # 1: breaches found
        floor_s = statistics.median(s for s, _ in floors)
        check_s = statistics.median(s for s, _ in checks)
        floor_mb = max(mb for _, mb in floors)
        check_mb = max(mb for _, mb in checks)
        ratios = [c / f for (c, _), (f, _) in zip(checks, floors, strict=True)]
        spread = f" ({min(ratios):.2f}x-{max(ratios):.2f}x over {args.runs} runs)" if args.runs > 1 else ""
        print(
            f"{rows:>9,}  {floor_s:>8.2f} {rows / floor_s:>10,.0f} {floor_mb:>9.1f}  "
            f"{check_s:>8.2f} {rows / check_s:>10,.0f} {check_mb:>9.1f} {check_s / rows * 1e6:>12.1f}  "
            f"{check_s / floor_s:>5.2f}x{spread}"
        )
    if not args.keep:
        for file in folder.iterdir():
            file.unlink()
        folder.rmdir()


if __name__ == "__main__":
    main()
