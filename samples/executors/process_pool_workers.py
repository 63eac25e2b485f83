"""ProcessPoolExecutor keeps max_workers processes and reuses them for every call.

Run: build/gilpy samples/executors/process_pool_workers.py

An initializer runs once in each worker process when it starts; state it
sets up (a cache, a connection) is then shared by all calls that worker runs.
"""
import concurrent.futures
import os

cache = None          # set in each worker by the initializer


def init_worker(table_size):
    global cache
    cache = [n * n for n in range(table_size)]


def lookup(n):
    # Uses the worker's cache; returns which process answered too.
    return cache[n], os.getpid()


if __name__ == "__main__":
    with concurrent.futures.ProcessPoolExecutor(max_workers=2, initializer=init_worker,
                                                initargs=(100,)) as pool:
        answers = list(pool.map(lookup, range(0, 100, 10)))
    print("squares:", [square for square, _ in answers])
    pids = {pid for _, pid in answers}
    print("answered by at most 2 processes:", len(pids) <= 2)
    print("the main process has no cache:", cache is None)
