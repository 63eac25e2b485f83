"""How a child process ends shows in Process.exitcode.

Run: build/gilpy samples/processes/exit_codes.py

0: returned normally; N: sys.exit(N); 1: an uncaught exception or
sys.exit("message"); -N: killed by signal N (terminate() sends SIGTERM).
"""
import multiprocessing
import os
import signal
import sys
import time


def returns():
    pass


def exits_with(code):
    sys.exit(code)


def exits_at_once():
    os._exit(42)                    # no cleanup, no flushing


def sleeps():
    time.sleep(30)


if __name__ == "__main__":
    cases = [("returns", returns, ()), ("sys.exit(3)", exits_with, (3,)),
             ("sys.exit(0)", exits_with, (0,)), ("sys.exit(None)", exits_with, (None,)),
             ("os._exit(42)", exits_at_once, ())]
    for label, target, args in cases:
        p = multiprocessing.Process(target=target, args=args)
        p.start()
        p.join()
        print(f"{label:15} -> exitcode {p.exitcode}")

    # terminate() sends SIGTERM; the exit code is minus the signal number.
    p = multiprocessing.Process(target=sleeps)
    p.start()
    p.terminate()
    p.join()
    print(f"{'terminate()':15} -> exitcode {p.exitcode} (SIGTERM is {int(signal.SIGTERM)})")

    # The same through os.fork and os.waitpid.
    pid = os.fork()
    if pid == 0:
        os._exit(5)
    _, status = os.waitpid(pid, 0)
    print("waitpid status:", os.waitstatus_to_exitcode(status))
