# ProcessPoolExecutor.shutdown: cancel_futures cancels what no worker has
# taken, wait=False returns at once while the work still completes, and an
# executor never shut down finishes its work and stops its workers at exit.
import multiprocessing as mp
import os
import time
from concurrent.futures import ProcessPoolExecutor, wait

started = mp.Queue()


def slow(x):
    started.put(x)
    time.sleep(0.5)
    return x


def square(x):
    return x * x


def late_print(x):
    time.sleep(0.3 * x)
    print('worker finished', x, flush=True)
    return x


if __name__ == '__main__':
    ex = ProcessPoolExecutor(max_workers=1)
    first = ex.submit(slow, 'first')
    fs = [ex.submit(square, i) for i in range(20)]
    print(started.get(timeout=10))
    ex.shutdown(wait=True, cancel_futures=True)
    print(first.result(), first.done())
    cancelled = [f for f in fs if f.cancelled()]
    finished = [f for f in fs if not f.cancelled()]
    print(len(cancelled) >= 15, fs[-1].cancelled())
    print(all(f.done() and f.result() == i * i for i, f in enumerate(fs) if not f.cancelled()))
    print(ex._processes, mp.active_children())

    ex = ProcessPoolExecutor(max_workers=2)
    fs = [ex.submit(square, i) for i in range(6)]
    t = time.monotonic()
    ex.shutdown(wait=False)
    print(time.monotonic() - t < 0.3)
    done, not_done = wait(fs, timeout=10)
    print(len(done), len(not_done), [f.result() for f in fs])
    try:
        ex.submit(square, 1)
    except RuntimeError as e:
        print(e)

    # Never shut down: at exit the work is finished first.
    forgotten = ProcessPoolExecutor(max_workers=2)
    forgotten.submit(late_print, 1)
    forgotten.submit(late_print, 2).add_done_callback(lambda f: print('callback', f.result(), flush=True))
    print('main done', flush=True)
