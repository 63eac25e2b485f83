#!/usr/bin/env python3
"""Makes NAME.out for tests/scripts/NAME.py by running CPython (python3).

    regen.py [NAME ...]     (all scripts without a .out when no names given;
                             --all to remake every .out)
The expected output of a script test must always come from CPython.
"""
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from normalize import normalize, render  # noqa: E402


def regen(name):
    with tempfile.TemporaryDirectory() as cwd:
        p = subprocess.run([sys.executable, os.path.join(HERE, name + ".py")], cwd=cwd,
                           stdin=subprocess.DEVNULL, capture_output=True, timeout=120,
                           env=dict(os.environ, PYTHONHASHSEED="0"))
    # Stored normalised: no machine paths, no addresses.
    text = normalize(render(p.stdout.decode(), p.stderr.decode(), p.returncode), HERE)
    with open(os.path.join(HERE, name + ".out"), "w", encoding="utf-8") as f:
        f.write(text)


def main():
    if sys.implementation.name != "cpython":
        sys.exit("regen.py must run under CPython")
    args = sys.argv[1:]
    every = "--all" in args
    names = [a[:-3] if a.endswith(".py") else a for a in args if a != "--all"]
    if not names:
        names = sorted(f[:-3] for f in os.listdir(HERE)
                       if f.endswith(".py") and f not in ("regen.py", "normalize.py")
                       and not f.startswith("mod_")
                       and (every or not os.path.exists(os.path.join(HERE, f[:-3] + ".out"))))
    for n in names:
        regen(n)
        print("made", n + ".out")


if __name__ == "__main__":
    main()
