#!/usr/bin/env python3
"""Benchmark harness: the same workloads under gilpy and python3, alternately.

    tests/bench/run.py GILPY [PATTERN] [--runs 3] [--python python3]

Each workload runs --runs times under each interpreter, alternating, and
its outputs must agree.  Prints the median wall times, the ratio
python3/gilpy (above 1.0: gilpy is faster) and their geometric mean.
"""
import argparse
import math
import os
import re
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def timed(cmd, timeout):
    """(seconds, CompletedProcess) — the process is None when it timed out."""
    t = time.perf_counter()
    try:
        p = subprocess.run(cmd, capture_output=True, stdin=subprocess.DEVNULL, timeout=timeout)
    except subprocess.TimeoutExpired:
        return time.perf_counter() - t, None
    return time.perf_counter() - t, p


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gilpy")
    ap.add_argument("pattern", nargs="?", default="")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--python", default="python3")
    ap.add_argument("--timeout", type=float, default=300, help="seconds per run")
    args = ap.parse_args()
    gilpy = os.path.abspath(args.gilpy)
    names = sorted(f for f in os.listdir(HERE)
                   if f.endswith(".py") and f != "run.py" and re.search(args.pattern, f))
    ratios = []
    print(f"{'workload':<22}{'python3 (s)':>12}{'gilpy (s)':>12}{'ratio':>8}")
    for name in names:
        path = os.path.join(HERE, name)
        tg, tp = [], []
        status = ""
        for _ in range(args.runs):
            dp, pp = timed([args.python, path], args.timeout)
            dg, pg = timed([gilpy, path], args.timeout)
            tp.append(dp)
            tg.append(dg)
            if pg is None:
                status = f"  (gilpy timed out after {args.timeout:.0f} s)"
            elif pp is None:
                status = f"  (python3 timed out after {args.timeout:.0f} s)"
            elif pg.returncode != 0 or pg.stdout != pp.stdout:
                status = "  (gilpy output differs)" if pg.returncode == 0 else f"  (gilpy failed: {pg.returncode})"
        mp, mg = statistics.median(tp), statistics.median(tg)
        if status:
            print(f"{name[:-3]:<22}{mp:>12.3f}{'-':>12}{'-':>8}{status}")
            continue
        r = mp / mg
        ratios.append(r)
        print(f"{name[:-3]:<22}{mp:>12.3f}{mg:>12.3f}{r:>8.2f}")
    if ratios:
        g = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
        print(f"geometric mean (python3/gilpy) over {len(ratios)} of {len(names)} workloads: {g:.2f}")
    else:
        print("geometric mean: no workload ran")


if __name__ == "__main__":
    sys.exit(main())
