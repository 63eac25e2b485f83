#!/usr/bin/env python3
"""Command-line tests: gilpy's modes against CPython's where both exist.

    run_cli.py GILPY

Each case runs the same arguments under gilpy and python3 (in a temporary
directory holding a small module and a script) and compares stdout, stderr
and the exit status; gilpy-only options (--version, --dis) are checked for
their documented shape.  Prints "N passed, M failed".
"""
import os
import re
import subprocess
import sys
import tempfile

SCRIPT = """import sys
print("argv:", sys.argv[1:])
print("name:", __name__)
"""
MODULE = """print("module running as", __name__)
if __name__ == "__main__":
    import sys
    print("args", sys.argv[1:])
"""


def run(cmd, cwd, stdin=None, env=None):
    p = subprocess.run(cmd, cwd=cwd, input=stdin, capture_output=True, timeout=60,
                       env=None if env is None else {**os.environ, **env})
    return p.returncode, p.stdout.decode(), p.stderr.decode()


def main():
    gilpy = os.path.abspath(sys.argv[1])
    passed = failed = 0

    def check(label, ok, detail=""):
        nonlocal passed, failed
        if ok:
            passed += 1
            print("PASS", label)
        else:
            failed += 1
            print("FAIL", label, detail)

    with tempfile.TemporaryDirectory() as d:
        with open(os.path.join(d, "script.py"), "w") as f:
            f.write(SCRIPT)
        with open(os.path.join(d, "clitool.py"), "w") as f:
            f.write(MODULE)
        same_as_python = [
            ("script with args", ["script.py", "a", "b c"], None),
            ("-c code", ["-c", "import sys; print(sys.argv, 6 * 7)"], None),
            ("-c with args", ["-c", "import sys; print(sys.argv[1:])", "x", "y"], None),
            ("-c exit status", ["-c", "raise SystemExit(4)"], None),
            ("-c globals", ["-c", "print(sorted(globals()), type(__builtins__))"], None),
            ("-c uncaught exception", ["-c", "1/0"], None),
            ("-c syntax error", ["-c", "x = = 1"], None),
            ("-m module", ["-m", "clitool", "q"], None),
            ("-m missing module", ["-m", "no_such_module_xyz"], None),
            ("missing script", ["no_such_script.py"], None),
            ("script from stdin-less run", ["script.py"], b""),
            ("-W error", ["-W", "error", "-c", "import warnings; warnings.warn('boom')"], None),
            ("-W options and sys.warnoptions",
             ["-Wignore::UserWarning", "-W", "always::DeprecationWarning", "-c",
              "import sys, warnings; print(sys.warnoptions); warnings.warn('hidden'); "
              "warnings.warn('d', DeprecationWarning); warnings.warn('d', DeprecationWarning)"], None),
            ("-W before a script", ["-W", "error::UserWarning", "script.py", "-W", "x"], None),
            ("-W ignore silences a never-awaited coroutine",
             ["-W", "ignore::RuntimeWarning", "-c", "async def f(): pass\nf()\nprint('done')"], None),
            ("PYTHONWARNINGS", ["-W", "default", "-c",
                                "import sys, warnings; print(sys.warnoptions); warnings.warn('x', UserWarning)"],
             None, {"PYTHONWARNINGS": " error::RuntimeWarning ,,ignore::UserWarning"}),
        ]
        for label, args, stdin, *env in same_as_python:
            env = env[0] if env else None
            want = run([sys.executable] + args, d, stdin, env)
            got = run([gilpy] + args, d, stdin, env)
            # CPython names itself in a few messages; gilpy names itself.
            norm = [(c, o, e.replace(sys.executable, "PY").replace(gilpy, "PY").replace("python3", "PY").replace("gilpy", "PY"))
                    for c, o, e in (want, got)]
            check(label, norm[0] == norm[1], f"\n  python3: {want!r}\n  gilpy:   {got!r}")

        code, out, _ = run([gilpy, "--version"], d)
        check("--version", code == 0 and re.match(r"gilpy \d+\.\d+\.\d+ \(Python 3\.11", out) is not None, repr(out))

        code, out, err = run([gilpy, "--dis", "script.py"], d)
        check("--dis", code == 0 and "LOAD_NAME" in out and "CALL" in out and "RETURN_VALUE" in out, repr(out[:300] + err))

        code, out, err = run([gilpy], d, b"x = 6\nprint(x * 7)\nx * 2\ndef f():\n    return 'ok'\n\nf()\n")
        check("REPL on piped stdin", code == 0 and out == "42\n12\n'ok'\n", repr((out, err)))

    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
