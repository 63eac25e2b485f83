#!/usr/bin/env python3
"""Runs the course's seed samples (../shared/seed-samples beside the checkout).

    run_seed_samples.py GILPY

Streams the seed runner's own output, including its summary line
"N passed, M failed, K skipped", and exits with its status, except for the
samples listed in tests/seed_timing_exceptions.txt: those may fail on wall
time alone (their output and exit status must still match), for the reason
written there.  Any other failure, or a listed sample failing for another
reason, fails the run.  GILPY_SEED_SAMPLES overrides the samples' location.
"""
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
EXCEPTIONS = os.path.join(HERE, "seed_timing_exceptions.txt")
WALL_ONLY = re.compile(r"^wall time [0-9.]+ s, expected [0-9.]+ \+- [0-9.]+ s$")


def timing_exceptions():
    names = {}
    with open(EXCEPTIONS, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                name, _, reason = line.partition(" ")
                names[name] = reason.strip()
    return names


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: run_seed_samples.py GILPY")
    gilpy = os.path.abspath(sys.argv[1])
    seeds = os.environ.get("GILPY_SEED_SAMPLES",
                           os.path.join(os.path.dirname(ROOT), "shared", "seed-samples"))
    runner = os.path.join(seeds, "run")
    if not os.path.exists(runner):
        print(f"seed samples not found at {seeds} (set GILPY_SEED_SAMPLES)")
        return 1
    allowed = timing_exceptions()
    p = subprocess.Popen(["bash", runner, gilpy], stdout=subprocess.PIPE, text=True)
    unexpected = []
    excused = []
    for line in p.stdout:
        sys.stdout.write(line)
        sys.stdout.flush()
        m = re.match(r"^FAIL (\S+): (.*)$", line.rstrip("\n"))
        if not m:
            continue
        name, reasons = m.groups()
        if name in allowed and WALL_ONLY.match(reasons):
            excused.append(name)
        else:
            unexpected.append(name)
    status = p.wait()
    for name in excused:
        print(f"note: {name} failed on wall time only: {allowed[name]}")
    if unexpected:
        print("seed samples failing:", ", ".join(unexpected))
        return 1
    if status != 0 and not excused:
        return status
    return 0


if __name__ == "__main__":
    sys.exit(main())
