#!/usr/bin/env python3
"""Feeds garbled versions of the script tests to gilpy: it must never crash.

For every tests/scripts/*.py: CUTS truncations at random offsets and
MUTATIONS random byte mutations (fixed seed).  Each run must end with status
0 or 1 (a clean SyntaxError or traceback), within the time limit, and
without a sanitizer report.  A mutation can make a legitimate program that
loops forever or exits with another status (sys.exit(3)): such a run passes
only if CPython does the same with that input.  A script that imports
aiohttp or requests is compared with a CPython that has them (python3 on
PATH, GILPY_REF_PYTHON or /usr/bin/python3); when none has, such a run
cannot be judged and is counted as skipped.  Prints "N passed, M failed,
K skipped".

    fuzz_scripts.py GILPY [--cuts 20] [--mutations 20] [--seed 1] [--jobs 2]
"""
import argparse
import concurrent.futures
import os
import random
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPTS = os.path.join(HERE, "scripts")
SANITIZER_MARKS = (b"AddressSanitizer", b"UndefinedBehaviorSanitizer", b"runtime error:",
                   b"ThreadSanitizer", b"LeakSanitizer")


def variants(src, rng, cuts, mutations):
    for _ in range(cuts):
        yield "cut", src[:rng.randrange(len(src) + 1)]
    for _ in range(mutations):
        b = bytearray(src)
        for _ in range(rng.randint(1, 4)):
            if not b:
                break
            i = rng.randrange(len(b))
            op = rng.randrange(3)
            if op == 0:
                b[i] = rng.randrange(256)
            elif op == 1:
                del b[i]
            else:
                b.insert(i, rng.choice(b"()[]{}:;,.'\"\\\n\t #=*@0x"))
        yield "mutation", bytes(b)


def run(interp, data, timeout):
    """(status, stderr) of running data as a script; status None on timeout."""
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "fuzz.py")
        with open(path, "wb") as f:
            f.write(data)
        try:
            p = subprocess.run([interp, path], cwd=d, stdin=subprocess.DEVNULL,
                               capture_output=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            return None, b""
    return p.returncode, p.stderr


THIRD_PARTY = ("aiohttp", "requests")


def reference_python(src):
    """A CPython that can import the third-party packages src imports, or None."""
    needed = [m for m in THIRD_PARTY
              if re.search(rb"^\s*(?:import|from)\s+" + m.encode() + rb"\b", src, re.M)]
    candidates = [sys.executable, os.environ.get("GILPY_REF_PYTHON"), "/usr/bin/python3"]
    for py in candidates:
        if py and os.path.exists(py) and subprocess.run(
                [py, "-c", "import " + ",".join(needed or ["sys"])],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0:
            return py
    return None


SKIPPED = "skipped"


def check(gilpy, data, timeout, reference_py):
    status, err = run(gilpy, data, timeout)
    if any(m in err for m in SANITIZER_MARKS):
        return "sanitizer report: " + err.decode("utf-8", "replace")[:2000]
    if status in (0, 1):
        return None
    if status is not None and status < 0:
        return f"killed by signal {-status}"
    if reference_py is None:
        return SKIPPED  # no CPython with the script's packages to compare with
    reference, _ = run(reference_py, data, timeout)
    if reference == status:
        return None  # CPython also loops forever / exits with this status
    return "timed out" if status is None else f"exit status {status} (python3: {reference})"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gilpy")
    ap.add_argument("--cuts", type=int, default=20)
    ap.add_argument("--mutations", type=int, default=20)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=20)
    args = ap.parse_args()
    gilpy = os.path.abspath(args.gilpy)
    rng = random.Random(args.seed)
    cases = []
    for name in sorted(os.listdir(SCRIPTS)):
        if not name.endswith(".py") or not os.path.exists(os.path.join(SCRIPTS, name[:-3] + ".out")):
            continue
        src = open(os.path.join(SCRIPTS, name), "rb").read()
        ref = reference_python(src)
        for i, (kind, data) in enumerate(variants(src, rng, args.cuts, args.mutations)):
            cases.append((f"{name} {kind} #{i}", data, ref))
    passed = failed = skipped = 0
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        futs = {pool.submit(check, gilpy, data, args.timeout, ref): (label, data) for label, data, ref in cases}
        for fut in concurrent.futures.as_completed(futs):
            label, data = futs[fut]
            problem = fut.result()
            if problem is None:
                passed += 1
            elif problem == SKIPPED:
                skipped += 1
                print(f"SKIP {label}: timed out or odd exit status, and no CPython with its packages to compare")
            else:
                failed += 1
                keep = os.path.join(tempfile.gettempdir(), "gilpy-fuzz-" + label.replace(" ", "_").replace("#", ""))
                with open(keep, "wb") as f:
                    f.write(data)
                print(f"FAIL {label}: {problem} (input kept in {keep})")
    print(f"{passed} passed, {failed} failed, {skipped} skipped")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
