#!/usr/bin/env python3
"""Memory tests: the collector keeps peak RSS bounded.

    run_memory.py GILPY [--limit-mb 100]

Each workload allocates tens of millions of short-lived objects (or
reference cycles) and must finish with the expected output and a peak
resident set size under the limit.  Prints "N passed, M failed".
"""
import argparse
import os
import subprocess
import sys
import tempfile

WORKLOADS = {
    "50 million short-lived tuples": (
        "n = 0\n"
        "for i in range(50_000_000):\n"
        "    t = (i, n)\n"
        "    n = t[0] & 1\n"
        "print(n)\n", "1\n"),
    "5 million reference cycles": (
        "class Node:\n"
        "    pass\n"
        "for i in range(5_000_000):\n"
        "    a = Node(); b = Node()\n"
        "    a.other = b; b.other = a\n"
        "print('done')\n", "done\n"),
    "short-lived strings and lists": (
        "total = 0\n"
        "for i in range(3_000_000):\n"
        "    s = str(i) * 3\n"
        "    l = [s, s, i]\n"
        "    total += len(l[0])\n"
        "print(total)\n", None),
}


def run_measured(cmd, out_path):
    """Runs cmd with stdout to out_path; returns (exit status, peak RSS in MB)."""
    with open(out_path, "wb") as out:
        p = subprocess.Popen(cmd, stdout=out, stdin=subprocess.DEVNULL)
        _, status, usage = os.wait4(p.pid, 0)
        p.returncode = os.waitstatus_to_exitcode(status)
    return p.returncode, usage.ru_maxrss / 1024


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gilpy")
    ap.add_argument("--limit-mb", type=float, default=100)
    args = ap.parse_args()
    gilpy = os.path.abspath(args.gilpy)
    passed = failed = 0
    with tempfile.TemporaryDirectory() as d:
        for label, (src, want) in WORKLOADS.items():
            path = os.path.join(d, "w.py")
            with open(path, "w") as f:
                f.write(src)
            if want is None:
                want = subprocess.run([sys.executable, path], capture_output=True, text=True).stdout
            out_path = os.path.join(d, "out.txt")
            status, mb = run_measured([gilpy, path], out_path)
            got = open(out_path).read()
            ok = status == 0 and got == want and mb < args.limit_mb
            if ok:
                passed += 1
                print(f"PASS {label}: peak RSS {mb:.1f} MB")
            else:
                failed += 1
                print(f"FAIL {label}: status {status}, peak RSS {mb:.1f} MB (limit {args.limit_mb}), "
                      f"output {got[:80]!r}, expected {want[:80]!r}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
