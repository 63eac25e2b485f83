"""ThreadPoolExecutor.submit(): a Future per call, and its result or exception.

Run: build/gilpy samples/executors/submit_result.py
"""
import concurrent.futures
import threading
import time


def slow_square(n):
    time.sleep(0.01)
    return n * n


def divide(a, b):
    return a / b


# The with block waits for all submitted work (shutdown(wait=True)) at its end.
with concurrent.futures.ThreadPoolExecutor(max_workers=4, thread_name_prefix="sq") as pool:
    futures = [pool.submit(slow_square, n) for n in range(8)]
    # result() blocks until that one call is finished.
    print("squares:", [f.result() for f in futures])

    # An exception in the worker is stored and raised again by result().
    bad = pool.submit(divide, 1, 0)
    try:
        bad.result()
    except ZeroDivisionError as e:
        print("result() raised ZeroDivisionError:", e)
    print("exception():", repr(bad.exception()))

    # Keyword arguments pass through submit() too.
    print("int('ff', base=16) =", pool.submit(int, "ff", base=16).result())

    # A callback runs when the future is done (here: in the worker thread).
    finished = threading.Event()
    seen = []

    def on_done(fut):
        seen.append(fut.result())
        finished.set()

    pool.submit(slow_square, 12).add_done_callback(on_done)
    finished.wait()
    print("callback saw:", seen)

    # result(timeout) gives up waiting, though the call keeps running.
    gate, started = threading.Event(), threading.Event()

    def wait_for_gate():
        started.set()
        return gate.wait()
    waiting = pool.submit(wait_for_gate)
    started.wait()
    try:
        waiting.result(timeout=0.02)
    except concurrent.futures.TimeoutError:
        print("TimeoutError; still running:", waiting.running())
    gate.set()
    print("then finished with:", waiting.result())

# After shutdown the pool accepts no more work.
try:
    pool.submit(slow_square, 1)
except RuntimeError as e:
    print("RuntimeError:", e)
