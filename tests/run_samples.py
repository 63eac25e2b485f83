#!/usr/bin/env python3
"""Runs the course scripts under samples/ with gilpy and checks them.

A sample TOPIC/NAME.py with TOPIC/NAME.out next to it must print what
CPython printed when the .out was made (stdout, then "--- stderr ---" and
stderr if stderr is not empty, then "--- exit N ---" if the status is not
0; normalised as tests/scripts/normalize.py does).  A sample without a .out
has timing-dependent output (its header says why); it must still exit with
status 0 and write nothing to stderr.

    run_samples.py GILPY [PATTERN] [--jobs N] [--timeout S]
    run_samples.py --regen NAME...     (CPython only; NAME is TOPIC/NAME)

--regen makes NAME.out by running the sample with CPython: /usr/bin/python3
(which has aiohttp and requests) for samples importing those, and samples
with top-level await through the seed suite's cpython_toplevel_await.py,
which runs the module body as asyncio.run() would (gilpy does this itself).

Samples in KNOWN_FAILURES are run but reported as "skipped (known
failure)"; one that passes is reported so it can leave the list.  Ends with
"N passed, M failed[, K skipped]" and exits 1 if M > 0.
"""
import argparse
import ast
import concurrent.futures
import difflib
import inspect
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
SAMPLES = os.path.join(REPO, "samples")
# Only --regen uses it: CPython refuses top-level await in a script.
TLA_SHIM = os.path.join(os.path.dirname(REPO), "shared", "seed-samples",
                        "cpython_toplevel_await.py")
# A CPython that has the real aiohttp and requests.
NETWORK_PYTHON = "/usr/bin/python3"

sys.path.insert(0, os.path.join(HERE, "scripts"))
from normalize import normalize, render  # noqa: E402

# TOPIC/NAME -> why gilpy does not match CPython yet.
KNOWN_FAILURES = {
}


def sample_names(pattern=""):
    names = []
    for topic in sorted(os.listdir(SAMPLES)):
        folder = os.path.join(SAMPLES, topic)
        if not os.path.isdir(folder):
            continue
        for f in sorted(os.listdir(folder)):
            name = topic + "/" + f[:-3]
            if f.endswith(".py") and re.search(pattern, name):
                names.append(name)
    return names


def run(cmd, timeout):
    """Runs cmd in a fresh empty directory; the rendered output, or None on timeout."""
    with tempfile.TemporaryDirectory() as cwd:
        try:
            p = subprocess.run(cmd, cwd=cwd, stdin=subprocess.DEVNULL,
                               capture_output=True, timeout=timeout,
                               env=dict(os.environ, PYTHONHASHSEED="0"))
        except subprocess.TimeoutExpired:
            return None, None, None
    return (p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace"),
            p.returncode)


def cpython_command(path):
    """How CPython runs the sample at path, as gilpy would run it."""
    with open(path, "rb") as f:
        source = f.read()
    tree = ast.parse(source, path)
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module.split(".")[0])
    python = NETWORK_PYTHON if imported & {"aiohttp", "requests"} else sys.executable
    code = compile(source, path, "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT,
                   dont_inherit=True)
    if code.co_flags & inspect.CO_COROUTINE:
        if not os.path.exists(TLA_SHIM):
            sys.exit(f"{path} uses top-level await: --regen needs {TLA_SHIM}")
        return [python, TLA_SHIM, path]
    return [python, path]


def regen(names):
    if sys.implementation.name != "cpython":
        sys.exit("--regen must run under CPython")
    for name in names:
        name = name[:-3] if name.endswith(".py") else name
        path = os.path.join(SAMPLES, name + ".py")
        out, err, status = run(cpython_command(path), 120)
        if out is None:
            sys.exit(name + ": timed out under CPython")
        with open(os.path.join(SAMPLES, name + ".out"), "w", encoding="utf-8") as f:
            f.write(normalize(render(out, err, status), SAMPLES))
        print("made", name + ".out")


def check(gilpy, name, timeout):
    """(passed, detail) for one sample."""
    path = os.path.join(SAMPLES, name + ".py")
    out, err, status = run([gilpy, path], timeout)
    if out is None:
        return False, "timed out"
    expected = os.path.join(SAMPLES, name + ".out")
    if not os.path.exists(expected):
        if status == 0 and not err:
            return True, ""
        return False, "exit %d, stderr:\n%s" % (status, err[-2000:])
    got = normalize(render(out, err, status), SAMPLES)
    want = normalize(open(expected, encoding="utf-8").read(), SAMPLES)
    if got == want:
        return True, ""
    diff = difflib.unified_diff(want.splitlines(), got.splitlines(),
                                "expected (python3)", "gilpy", lineterm="", n=2)
    return False, "\n".join(list(diff)[:40])


def main():
    if "--regen" in sys.argv[1:]:
        regen([a for a in sys.argv[1:] if a != "--regen"])
        return 0
    ap = argparse.ArgumentParser()
    ap.add_argument("gilpy")
    ap.add_argument("pattern", nargs="?", default="")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=60)
    args = ap.parse_args()
    gilpy = os.path.abspath(args.gilpy)

    passed = failed = skipped = 0
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        names = sample_names(args.pattern)
        for name, (ok, detail) in zip(names, pool.map(
                lambda n: check(gilpy, n, args.timeout), names)):
            if name in KNOWN_FAILURES:
                skipped += 1
                print(f"SKIP {name}: known failure, {KNOWN_FAILURES[name]}"
                      + (" (now passes: remove it from the list)" if ok else ""))
            elif ok:
                passed += 1
                print(f"PASS {name}")
            else:
                failed += 1
                print(f"FAIL {name}\n{detail}")
    summary = f"{passed} passed, {failed} failed"
    if skipped:
        summary += f", {skipped} skipped"
    print(summary)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
