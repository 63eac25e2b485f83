"""CPU-bound threads give no speed-up: only the thread holding the GIL runs bytecode.

Run: build/gilpy samples/gil/cpu_bound.py

No .out file: the output is timings, which depend on the machine.
"""
import threading
import time

WORK = 8_000_000


def count_down(n):
    while n > 0:
        n -= 1


# The same total work, once in one thread and once split over 4 threads.
start = time.perf_counter()
count_down(WORK)
one_thread = time.perf_counter() - start

start = time.perf_counter()
threads = [threading.Thread(target=count_down, args=(WORK // 4,)) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
four_threads = time.perf_counter() - start

print(f"1 thread : {one_thread:.3f} s")
print(f"4 threads: {four_threads:.3f} s")
# Expect a ratio near 1 (or a bit below: threads add switching work), not 4.
print(f"speed-up : {one_thread / four_threads:.2f}x")
