"""ProcessPoolExecutor: CPU-bound work in separate processes, each with its own GIL.

Run: build/gilpy samples/executors/process_pool.py

Functions and arguments go to worker processes and results come back, so
they must be defined at module level.  The `if __name__ == "__main__"`
guard keeps the workers from running the main program again.
"""
import concurrent.futures
import os


def count_primes(limit):
    """Pure-Python CPU work: the kind threads cannot speed up."""
    count = 0
    for n in range(2, limit):
        d = 2
        while d * d <= n and n % d:
            d += 1
        if d * d > n:
            count += 1
    return limit, count


def worker_pid(_):
    return os.getpid()


def fail(x):
    raise ValueError(f"cannot handle {x}")


if __name__ == "__main__":
    limits = [10_000, 20_000, 30_000, 40_000]
    with concurrent.futures.ProcessPoolExecutor(max_workers=2) as pool:
        for limit, count in pool.map(count_primes, limits):
            print(f"primes below {limit}: {count}")

        # The work really ran in other processes.
        pids = set(pool.map(worker_pid, range(8)))
        print("ran outside the main process:", os.getpid() not in pids)

        # submit() and exceptions work as with threads.
        future = pool.submit(count_primes, 100)
        print("submit:", future.result())
        try:
            pool.submit(fail, 42).result()
        except ValueError as e:
            print("ValueError from a worker:", e)
