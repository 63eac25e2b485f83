"""Executor.map(): like the builtin map(), but calls run in worker threads.

Run: build/gilpy samples/executors/map.py
"""
import concurrent.futures
import threading
import time


def measure(word):
    time.sleep(0.01 * (5 - len(word) % 5))   # some calls take longer than others
    return word, len(word), threading.current_thread().name.startswith("pool")


words = ["apple", "fig", "banana", "kiwi", "cherry", "plum", "date"]
with concurrent.futures.ThreadPoolExecutor(max_workers=3, thread_name_prefix="pool") as pool:
    # Results come back in the order of the inputs, not in finishing order.
    for word, length, in_pool in pool.map(measure, words):
        print(f"{word:7} {length}  ran in the pool: {in_pool}")

    # Several iterables are zipped, as with map().
    print("pow:", list(pool.map(pow, [2, 3, 4], [10, 3, 2])))

    # An exception is raised when its result is reached in the iteration;
    # the results before it have already been delivered.
    got = []
    try:
        for value in pool.map(lambda s: int(s), ["1", "2", "three", "4"]):
            got.append(value)
    except ValueError as e:
        print("got", got, "then ValueError:", e)

    # timeout bounds the whole iteration.
    try:
        list(pool.map(time.sleep, [0.5], timeout=0.05))
    except concurrent.futures.TimeoutError:
        print("map timed out")
