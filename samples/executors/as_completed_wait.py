"""as_completed() yields futures as they finish; wait() splits done and pending.

Run: build/gilpy samples/executors/as_completed_wait.py
"""
import concurrent.futures as cf
import threading

# Each job finishes only when the main thread opens its gate, so the finishing
# order is chosen here, not by the scheduler: the output is deterministic.
gates = {name: threading.Event() for name in ("red", "green", "blue")}


def job(name):
    gates[name].wait()
    return name.upper()


with cf.ThreadPoolExecutor(max_workers=3) as pool:
    futures = {pool.submit(job, name): name for name in gates}

    # as_completed(): handle each result as soon as it is ready.
    order = iter(["blue", "red", "green"])
    gates[next(order)].set()
    for fut in cf.as_completed(futures):
        print(f"{futures[fut]} finished -> {fut.result()}")
        opened = next(order, None)
        if opened:
            gates[opened].set()

    for g in gates.values():
        g.clear()
    futures = [pool.submit(job, name) for name in gates]

    # wait(FIRST_COMPLETED) returns as soon as one is done.
    gates["green"].set()
    done, pending = cf.wait(futures, return_when=cf.FIRST_COMPLETED)
    print("first completed:", [f.result() for f in done], "pending:", len(pending))

    # wait(timeout=...) returns what is done by then; the rest stay pending.
    done, pending = cf.wait(futures, timeout=0.02)
    print("after a timeout:", len(done), "done,", len(pending), "pending")

    # wait() with the default ALL_COMPLETED returns when all are done.
    gates["red"].set()
    gates["blue"].set()
    done, pending = cf.wait(futures)
    print("all completed:", sorted(f.result() for f in done), "pending:", len(pending))

    # FIRST_EXCEPTION stops waiting at the first failure.
    futures = [pool.submit(int, "x"), pool.submit(gates["green"].wait)]
    done, pending = cf.wait(futures, return_when=cf.FIRST_EXCEPTION)
    print("first exception:", [repr(f.exception()) for f in done if f.exception()])
