#!/usr/bin/env python3
"""Runs tests/scripts/*.py under gilpy and compares with CPython's output.

Each script NAME.py has NAME.out, made by tests/scripts/regen.py with python3
(never with gilpy): stdout, then "--- stderr ---" and stderr if stderr is not
empty, then "--- exit N ---" if the status is not 0.  Memory addresses and
the scripts' directory are normalised on both sides.

    run_scripts.py GILPY [PATTERN] [--jobs N] [--timeout S] [--wrap CMD]

Scripts listed in tests/scripts/known_failures.txt are run but reported as
"skipped (known failure)" and do not fail the run; one that passes is
reported so that it can leave the list.  Ends with "N passed, M failed,
K skipped" and exits 1 if M > 0.
"""
import argparse
import concurrent.futures
import difflib
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPTS = os.path.join(HERE, "scripts")

sys.path.insert(0, SCRIPTS)
from normalize import normalize, render  # noqa: E402


def known_failures():
    path = os.path.join(SCRIPTS, "known_failures.txt")
    names = set()
    if os.path.exists(path):
        for line in open(path, encoding="utf-8"):
            line = line.split("#", 1)[0].strip()
            if line:
                names.add(line)
    return names


def run_one(cmd, script, timeout):
    with tempfile.TemporaryDirectory() as cwd:
        try:
            p = subprocess.run(cmd + [script], cwd=cwd, stdin=subprocess.DEVNULL,
                               capture_output=True, timeout=timeout,
                               env=dict(os.environ, PYTHONHASHSEED="0"))
        except subprocess.TimeoutExpired:
            return None
    out = p.stdout.decode("utf-8", "replace")
    err = p.stderr.decode("utf-8", "replace")
    return render(out, err, p.returncode)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gilpy")
    ap.add_argument("pattern", nargs="?", default="")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=60)
    ap.add_argument("--wrap", default="", help="command prefix, e.g. 'valgrind -q'")
    args = ap.parse_args()
    cmd = args.wrap.split() + [os.path.abspath(args.gilpy)]
    names = sorted(f[:-3] for f in os.listdir(SCRIPTS)
                   if f.endswith(".py") and os.path.exists(os.path.join(SCRIPTS, f[:-3] + ".out"))
                   and re.search(args.pattern, f))
    known = known_failures()

    def job(name):
        got = run_one(cmd, os.path.join(SCRIPTS, name + ".py"), args.timeout)
        want = open(os.path.join(SCRIPTS, name + ".out"), encoding="utf-8").read()
        if got is None:
            return name, False, "timed out"
        got, want = normalize(got, SCRIPTS), normalize(want, SCRIPTS)
        if got == want:
            return name, True, ""
        diff = difflib.unified_diff(want.splitlines(), got.splitlines(), "expected (python3)", "gilpy", lineterm="", n=2)
        return name, False, "\n".join(list(diff)[:40])

    passed = failed = skipped = 0
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        for name, ok, detail in pool.map(job, names):
            if name in known:
                skipped += 1
                print(f"SKIP {name}: known failure" + (" (now passes: remove it from the list)" if ok else ""))
            elif ok:
                passed += 1
                print(f"PASS {name}")
            else:
                failed += 1
                print(f"FAIL {name}\n{detail}")
    print(f"{passed} passed, {failed} failed, {skipped} skipped")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
