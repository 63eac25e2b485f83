"""Futures that have not started can be cancelled; running ones cannot.

Run: build/gilpy samples/executors/cancel_pending.py
"""
import concurrent.futures as cf
import threading

release = threading.Event()
started = threading.Event()


def blocker():
    started.set()
    release.wait()
    return "blocker done"


# One worker: the first job occupies it, the others wait in the queue.
pool = cf.ThreadPoolExecutor(max_workers=1)
running = pool.submit(blocker)
started.wait()
queued = [pool.submit(pow, 2, n) for n in range(4)]

print("running job state:", running.running(), "cancel:", running.cancel())
print("cancel queued #1 and #3:", queued[1].cancel(), queued[3].cancel())
print("cancelled flags:", [f.cancelled() for f in queued])

release.set()
print(running.result())
for i, f in enumerate(queued):
    try:
        print(f"job {i}:", f.result())
    except cf.CancelledError:
        print(f"job {i}: CancelledError")

# shutdown(cancel_futures=True) drops everything still queued (3.9+).
release.clear()
started.clear()
first = pool.submit(blocker)
started.wait()
rest = [pool.submit(pow, 3, n) for n in range(3)]
pool.shutdown(wait=False, cancel_futures=True)   # the queued ones never start
release.set()
print("after cancel_futures:", first.result(), [f.cancelled() for f in rest])
