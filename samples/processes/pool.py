"""multiprocessing.Pool: a fixed set of worker processes for many calls.

Run: build/gilpy samples/processes/pool.py
"""
import multiprocessing


def collatz_steps(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


def describe(word, times):
    return f"{word} x{times} = {word * times}"


def fail(n):
    raise ValueError(f"no good: {n}")


if __name__ == "__main__":
    with multiprocessing.Pool(processes=2) as pool:
        # map(): results in input order.
        print("steps:", pool.map(collatz_steps, range(1, 11)))

        # starmap(): each item is an argument tuple.
        print(pool.starmap(describe, [("ab", 2), ("c", 3)]))

        # apply_async(): one call, a result object to collect later.
        pending = [pool.apply_async(collatz_steps, (n,)) for n in (27, 97, 871)]
        print("async results:", [r.get(timeout=10) for r in pending])

        # imap() yields results lazily, still in order.
        print("imap:", list(pool.imap(collatz_steps, [7, 8, 9])))

        # An exception in a worker is raised again by get().
        result = pool.apply_async(fail, (3,))
        try:
            result.get(timeout=10)
        except ValueError as e:
            print("ValueError:", e, "| successful:", result.successful())

        # Callbacks run in the parent when a result arrives.
        got = []
        pool.map_async(collatz_steps, [3, 6], callback=got.append).wait()
        print("callback got:", got)
