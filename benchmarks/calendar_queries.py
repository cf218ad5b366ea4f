"""Throughput of the calendar engine's queries (all binary searches over precomputed ordinals).

python benchmarks/calendar_queries.py [--n 200000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import time
from collections.abc import Callable

from sendcalc.calendar import load_calendar


def rate(name: str, n: int, fn: Callable[[int], object]) -> None:
    start = time.perf_counter()
    for i in range(n):
        fn(i)
    elapsed = time.perf_counter() - start
    print(f"{name:<34} {n / elapsed / 1000:9.0f} k/s   ({elapsed * 1e9 / n:6.0f} ns each)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200_000)
    args = parser.parse_args()
    started = time.perf_counter()
    cal = load_calendar("hertfordshire")
    print(f"load hertfordshire calendar: {(time.perf_counter() - started) * 1000:.1f} ms")
    rng = random.Random(1)
    days = cal.school_days_in_year("2024-25") + cal.school_days_in_year("2025-26")
    starts = [rng.choice(days) for _ in range(args.n)]
    any_dates = [dt.date(2024, 9, 1) + dt.timedelta(days=rng.randrange(600)) for _ in range(args.n)]
    moments = [dt.datetime.combine(d, dt.time(rng.randrange(8, 16), rng.randrange(60))) for d in starts]
    offsets = [rng.randrange(1, 60) for _ in range(args.n)]
    rate("is_school_day", args.n, lambda i: cal.is_school_day(any_dates[i]))
    rate("school_day_offset(d, 1..59)", args.n, lambda i: cal.school_day_offset(starts[i], offsets[i]))
    rate(
        "count_school_days(a, a+k)",
        args.n,
        lambda i: cal.count_school_days(starts[i], starts[i] + dt.timedelta(days=offsets[i])),
    )
    rate("term_of", args.n, lambda i: cal.term_of(any_dates[i]))
    rate("add_school_time(moment, 1..59 half)", args.n, lambda i: cal.add_school_time(moments[i], offsets[i]))


if __name__ == "__main__":
    main()
