"""The way around the GIL for CPU-bound work: processes instead of threads.

Run: build/gilpy samples/gil/threads_vs_processes.py

Each process has its own interpreter and its own GIL, so on a machine with
several cores, CPU-bound work split over processes does finish sooner, while
the same split over threads does not.
No .out file: the output is timings, which depend on the machine.
"""
import concurrent.futures
import os
import time


def sum_of_squares(n):
    total = 0
    for i in range(n):
        total += i * i
    return total


def timed(executor_class, parts, n):
    start = time.perf_counter()
    with executor_class(max_workers=parts) as pool:
        results = list(pool.map(sum_of_squares, [n] * parts))
    return time.perf_counter() - start, results


if __name__ == "__main__":
    parts, n = 2, 1_500_000
    start = time.perf_counter()
    expected = [sum_of_squares(n) for _ in range(parts)]
    alone = time.perf_counter() - start

    in_threads, r1 = timed(concurrent.futures.ThreadPoolExecutor, parts, n)
    in_processes, r2 = timed(concurrent.futures.ProcessPoolExecutor, parts, n)
    print("same results:", r1 == expected and r2 == expected)
    print(f"one after another: {alone:.3f} s")
    print(f"{parts} threads      : {in_threads:.3f} s")
    print(f"{parts} processes    : {in_processes:.3f} s  ({os.cpu_count()} cores)")
