#!/usr/bin/env python3
"""Runs the thread tests under ThreadSanitizer and AddressSanitizer builds.

    tests/run_thread_sanitizers.py [--sanitizers thread,address]
                                   [--stress-seconds 10] [--no-build]
                                   [--build-prefix build-san]

For each sanitizer it configures and builds BUILD_PREFIX-<sanitizer>
(cmake -DGILPY_SANITIZE=<sanitizer>, -j2) unless --no-build, then
  1. runs each group of SCRIPT_GROUPS through tests/run_scripts.py (outputs
     must match CPython's), failing on any sanitizer report: the thread
     tests, the thread and process pool tests (concurrent.futures,
     multiprocessing, asyncio.to_thread, other modules used from threads)
     and the network tests (sockets, selectors, requests, aiohttp), and
  2. runs tests/stress/thread_stress.py for --stress-seconds (8 threads
     mutating shared containers and allocating while the GC collects).
Exits 1 if anything failed.  The conservative stack scan reads other
threads' stacks by design; tests/tsan.supp tells TSan so.
"""
import argparse
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
# (name, tests/run_scripts.py pattern, searched in the file name) of the script
# tests run under each sanitizer.
SCRIPT_GROUPS = [
    ("thread", r"^thread_"),
    ("pool", r"^(futures_|procpool_|mp_pool\.|mp_process\.|\w+_threads\.)"),
    ("network", r"^(socket_|requests_|net_|aiohttp_)"),
]
REPORT_MARKERS = ("WARNING: ThreadSanitizer", "ERROR: AddressSanitizer",
                  "ERROR: LeakSanitizer", "runtime error:", "ThreadSanitizer: reported")


def sanitizer_env(san):
    env = dict(os.environ)
    supp = os.path.join(HERE, "tsan.supp")
    env["TSAN_OPTIONS"] = f"halt_on_error=0 second_deadlock_stack=1 suppressions={supp}"
    # Daemon threads are abandoned at exit by design: no leak report.
    env["ASAN_OPTIONS"] = "detect_leaks=0"
    env["UBSAN_OPTIONS"] = "print_stacktrace=1"
    return env


def build(san, bdir):
    subprocess.run(["cmake", "-S", ROOT, "-B", bdir, f"-DGILPY_SANITIZE={san}",
                    "-DCMAKE_BUILD_TYPE=Debug"], check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["cmake", "--build", bdir, "-j2", "--target", "gilpy"], check=True)


def run_checked(cmd, env, timeout):
    try:
        p = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return False, f"timeout after {timeout} s: {' '.join(cmd)}"
    out = p.stdout + p.stderr
    reported = any(m in out for m in REPORT_MARKERS)
    return p.returncode == 0 and not reported, out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sanitizers", default="thread,address")
    ap.add_argument("--stress-seconds", type=float, default=10.0)
    ap.add_argument("--no-build", action="store_true")
    ap.add_argument("--build-prefix", default=os.path.join(ROOT, "build-san"))
    args = ap.parse_args()
    ok = True
    for san in args.sanitizers.split(","):
        bdir = f"{args.build_prefix}-{san}"
        if not args.no_build:
            build(san, bdir)
        gilpy = os.path.join(bdir, "gilpy")
        env = sanitizer_env(san)
        for group, regex in SCRIPT_GROUPS:
            start = time.monotonic()
            good, out = run_checked([sys.executable, os.path.join(HERE, "run_scripts.py"), gilpy,
                                     regex, "--timeout", "300", "--jobs", "1"], env, 3600)
            took = time.monotonic() - start
            print(f"[{san}] {group} scripts ({took:.0f} s): {'ok' if good else 'FAILED'}")
            if not good:
                print(out)
            ok &= good
        good, out = run_checked([gilpy, os.path.join(HERE, "stress", "thread_stress.py"),
                                 str(args.stress_seconds)], env, args.stress_seconds * 20 + 120)
        expected = ("errors: []", "every thread ran: True", "locked total matches: True")
        good = good and all(e in out for e in expected)
        print(f"[{san}] stress ({args.stress_seconds:g} s): {'ok' if good else 'FAILED'}")
        if not good:
            print(out)
        ok &= good
    print("all ok" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
