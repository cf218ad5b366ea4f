"""Cold start of sendcalc's commands next to a minimal one-command Typer app, run side by side.

Each round starts both programs as fresh processes, alternating so that machine noise hits
both alike; the figures are medians. The issue's target: sendcalc at most 1.3x the minimal app.

    python benchmarks/startup.py [--rounds 30]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MINIMAL_APP = """
import typer

app = typer.Typer()


@app.command()
def add(date: str, n: int) -> None:
    print(date, n)


if __name__ == "__main__":
    app()
"""


CASES = "case_id,date,time,days\n" + "".join(f"C{n},2025-11-{17 + n % 5},11:00,{1 + n % 3}\n" for n in range(10))


def wall(cmd: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one fresh process: CPU time is steadier on a busy machine."""
    start = time.perf_counter()
    process = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(process.pid, 0)
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        minimal = Path(folder) / "minimal_app.py"
        minimal.write_text(MINIMAL_APP, encoding="utf-8")
        cases = Path(folder) / "cases.csv"
        cases.write_text(CASES, encoding="utf-8")
        run = [sys.executable, "-m", "sendcalc"]
        commands = {
            "minimal Typer app": [sys.executable, str(minimal), "2025-12-18", "3"],
            "sendcalc days add": [*run, "days", "add", "2025-12-18", "3"],
            "sendcalc days between": [*run, "days", "between", "2025-12-01", "2026-01-09"],
            "sendcalc exclusion (table)": [*run, "exclusion", "--on", "2025-11-18", "--picked-up", "11:00"],
            "sendcalc exclusion --json": [*run, "exclusion", "--on", "2025-11-18", "--picked-up", "11:00", "--json"],
            "sendcalc check (10 rows)": [*run, "check", str(cases)],
        }
        for cmd in commands.values():  # warm the file cache and .pyc files
            wall(cmd)
        times: dict[str, list[float]] = {name: [] for name in commands}
        cpu: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.rounds):
            for name, cmd in commands.items():
                elapsed, used = wall(cmd)
                times[name].append(elapsed)
                cpu[name].append(used)
    base = statistics.median(times["minimal Typer app"])
    base_cpu = statistics.median(cpu["minimal Typer app"])
    print(f"python {sys.version.split()[0]}, {args.rounds} rounds, medians; wall clock, then CPU time")
    for name in commands:
        median, median_cpu = statistics.median(times[name]), statistics.median(cpu[name])
        print(
            f"{name:<28} {median * 1000:7.1f} ms {median / base:5.2f}x   "
            f"{median_cpu * 1000:7.1f} ms {median_cpu / base_cpu:5.2f}x the minimal app"
        )


if __name__ == "__main__":
    main()
