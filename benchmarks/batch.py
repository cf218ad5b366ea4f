"""`sendcalc check` on N generated cases, next to a bare standard-library floor, in one run.

The floor reads the same CSV with the csv module, does one school-day offset per row with
bisect over the calendar's school days, and writes a CSV: the least any checker must do.
Both run as child processes on the same file; the figures are wall time, rows per second,
their ratio and each process's peak memory (ru_maxrss from wait4).

    python benchmarks/batch.py --rows 100000 [--rows 1000000] [--keep DIR]

Run it from a plain (non-editable) install, as users have it.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FLOOR = r"""
import csv, datetime as dt, sys
from bisect import bisect_right
from sendcalc.calendar import load_calendar
cal = load_calendar("hertfordshire")
days = [d.toordinal() for y in cal.labels for d in cal.school_days_in_year(y)]
with open(sys.argv[1], newline="", encoding="utf-8-sig") as src, open(sys.argv[2], "w", newline="") as dst:
    reader = csv.reader(src)
    writer = csv.writer(dst)
    header = next(reader)
    col = [h.strip().lower() for h in header].index("date")
    writer.writerow(["case_id", "deadline"])
    for row in reader:
        text = row[col]
        if "/" in text:
            d, m, y = text.split("/")
            text = f"{y}-{m}-{d}"
        i = bisect_right(days, dt.date.fromisoformat(text).toordinal()) + 14
        writer.writerow([row[0], dt.date.fromordinal(days[i]).isoformat()])
"""

HEADER = [
    "Case ID",
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
]


def school_days() -> dict[str, list[dt.date]]:
    from sendcalc.calendar import load_calendar

    out = {}
    for name, years in (("hertfordshire", ("2024-25", "2025-26")), ("derbyshire", ("2024-25", "2025-26"))):
        cal = load_calendar(name)
        out[name] = [d for y in years for d in cal.school_days_in_year(y)]
    return out


def generate(path: Path, rows: int, seed: int = 7, unique: bool = False) -> None:
    """Cases shaped like a local authority's list: mostly suspensions of 1 to 3 days (most often 1),
    some lunchtimes and permanent exclusions, a collection time on a minority of rows, UK and ISO
    dates, some schools' INSET days, recorded dates that are sometimes late or missing, and a few
    bad rows (a Sunday). ``unique`` also gives each row a notice date and a number of days
    already this term, so that almost no two rows share their inputs: the worst case, with
    next to nothing for the checker's memo to reuse."""
    rng = random.Random(seed)
    days = school_days()
    lengths = ["1", "2", "3", "5", "1.5", "6", "10", "15", "16"]
    length_weights = [45, 20, 12, 6, 5, 5, 3, 2, 2]
    times = ["09:30", "10:15", "11:00", "12:00", "13:20", "14:05", "not collected"]
    inset_sets = ["", "2025-09-03;2025-11-03", "2024-09-02;2024-09-03"]
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(HEADER)
        for n in range(rows):
            calendar = "hertfordshire" if rng.random() < 0.7 else "derbyshire"
            day = rng.choice(days[calendar][:-40])  # leave room for day 6 and the board's deadline
            kind = rng.choices(["suspension", "lunchtime", "permanent"], [88, 8, 4])[0]
            length = ""
            if kind == "lunchtime":
                length = "0.5"
            elif kind == "suspension":
                length = rng.choices(lengths, length_weights)[0]
            date_text = day.isoformat() if rng.random() < 0.5 else day.strftime("%d/%m/%Y")
            if rng.random() < 0.001:
                date_text = "2025-11-23"  # a Sunday: a bad row
            provision = ""
            if kind == "permanent" or (length and float(length) > 5):
                provision = (day + dt.timedelta(days=rng.choice([7, 7, 8, 9, 12]))).isoformat()
            board = (day + dt.timedelta(days=rng.choice([10, 20, 30]))).isoformat() if rng.random() < 0.3 else ""
            returned = (day + dt.timedelta(days=rng.choice([1, 1, 2, 3, 4]))).isoformat() if kind != "permanent" else ""
            notice = (day + dt.timedelta(days=rng.randrange(7))).isoformat() if unique else ""
            previous = str(rng.randrange(60) / 2) if unique else ""
            writer.writerow([
                f"C{n:07d}", kind, date_text, rng.choice(times) if rng.random() < 0.25 else "", length, calendar,
                rng.choice(inset_sets) if calendar == "hertfordshire" else "", notice, previous, provision, board,
                returned,
            ])  # fmt: skip


def run(cmd: list[str], stdout: Path) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one child process."""
    with stdout.open("wb") as sink:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=sink, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1) or (proc.returncode == 1 and "floor" in str(cmd[1])):
        # check exits 1 when it finds breaches (expected here); the floor must exit 0
        raise SystemExit(f"{cmd[:4]} failed with exit code {proc.returncode}")
    return elapsed, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, action="append", help="rows to generate (repeatable)")
    parser.add_argument("--keep", type=Path, help="keep the generated files in this folder")
    parser.add_argument("--unique", action="store_true", help="worst case: almost no two rows share their inputs")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="sendcalc-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"python {sys.version.split()[0]}" + (f"; files in {folder}" if args.keep else ""))
    print(
        f"{'rows':>9}  {'floor s':>8} {'floor r/s':>10} {'floor MB':>9}  "
        f"{'check s':>8} {'check r/s':>10} {'check MB':>9}  {'ratio':>6}"
    )
    for rows in args.rows or [100_000]:
        cases = folder / f"cases-{rows}.csv"
        generate(cases, rows, unique=args.unique)
        floor_script = folder / "floor.py"
        floor_script.write_text(FLOOR, encoding="utf-8")
        floor_s, floor_mb = run(
            [sys.executable, str(floor_script), str(cases), str(folder / "floor-out.csv")], folder / "floor-stdout.txt"
        )
        check_s, check_mb = run([sys.executable, "-m", "sendcalc", "check", str(cases)], folder / f"checked-{rows}.csv")
        print(
            f"{rows:>9,}  {floor_s:>8.2f} {rows / floor_s:>10,.0f} {floor_mb:>9.1f}  "
            f"{check_s:>8.2f} {rows / check_s:>10,.0f} {check_mb:>9.1f}  {check_s / floor_s:>5.2f}x"
        )
    if not args.keep:
        for file in folder.iterdir():
            file.unlink()
        folder.rmdir()


if __name__ == "__main__":
    main()
