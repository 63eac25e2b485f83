#!/usr/bin/env python3
"""Memory tests: the collector keeps peak RSS bounded.

    run_memory.py GILPY [--limit-mb 100]

Each workload allocates tens of millions of short-lived objects (or
reference cycles) and must finish with the expected output and a peak
resident set size under the limit.  A workload that prints a line
"RSS_KB n" is measured by that reading instead (its resident set at a
point it chooses, such as while many tasks are pending); the line is not
part of the compared output.  Prints "N passed, M failed".
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
    "100 000 asyncio tasks awaiting a sleep (RSS while pending)": (
        "import asyncio\n"
        "def rss_kb():\n"
        "    with open('/proc/self/status') as f:\n"
        "        for line in f:\n"
        "            if line.startswith('VmRSS:'):\n"
        "                return int(line.split()[1])\n"
        "async def worker(i):\n"
        "    await asyncio.sleep(10)\n"
        "    return i\n"
        "async def main():\n"
        "    tasks = [asyncio.create_task(worker(i)) for i in range(100_000)]\n"
        "    await asyncio.sleep(0.2)\n"
        "    print('RSS_KB', rss_kb())\n"
        "    print(sum(not t.done() for t in tasks), 'pending')\n"
        "    for t in tasks:\n"
        "        t.cancel()\n"
        "    results = await asyncio.gather(*tasks, return_exceptions=True)\n"
        "    print(sum(isinstance(r, asyncio.CancelledError) for r in results), 'cancelled')\n"
        "asyncio.run(main())\n", "100000 pending\n100000 cancelled\n"),
}


def split_reading(output):
    """Removes the "RSS_KB n" line; returns (rest, n in MB or None)."""
    lines, mb = [], None
    for line in output.splitlines(keepends=True):
        if line.startswith("RSS_KB "):
            mb = int(line.split()[1]) / 1024
        else:
            lines.append(line)
    return "".join(lines), mb


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
            status, peak = run_measured([gilpy, path], out_path)
            got, reading = split_reading(open(out_path).read())
            what = f"peak RSS {peak:.1f} MB"
            mb = peak
            if reading is not None:
                what = f"RSS {reading:.1f} MB at its reading (peak {peak:.1f} MB)"
                mb = reading
            ok = status == 0 and got == want and mb < args.limit_mb
            if ok:
                passed += 1
                print(f"PASS {label}: {what}")
            else:
                failed += 1
                print(f"FAIL {label}: status {status}, {what} (limit {args.limit_mb}), "
                      f"output {got[:80]!r}, expected {want[:80]!r}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
