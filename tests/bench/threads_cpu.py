# The same CPU-bound work split over 1, 2 and 4 threads: under a GIL the
# wall time does not drop (and must not grow much either).
import threading
import time

TOTAL = 1_200_000


def work(lo, hi, out, i):
    s = 0
    for k in range(lo, hi):
        s += k * k % 7
    out[i] = s


def run(nthreads):
    out = [0] * nthreads
    per = TOTAL // nthreads
    ts = [threading.Thread(target=work, args=(i * per, (i + 1) * per, out, i))
          for i in range(nthreads)]
    t0 = time.perf_counter()
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return time.perf_counter() - t0, sum(out)


# Interleaved runs, best of each: load from other processes then affects
# the three variants alike, and the first round also warms caches up.
times = {1: [], 2: [], 4: []}
sums = {}
for _ in range(4):
    for n in (1, 2, 4):
        t, s = run(n)
        times[n].append(t)
        sums[n] = s
t1, t2, t4 = min(times[1]), min(times[2]), min(times[4])
s1, s2, s4 = sums[1], sums[2], sums[4]
print("sums agree:", s1 == s2 == s4)
print("2 threads not faster than 0.9x of 1:", t2 >= 0.9 * t1)
print("2 threads within 1.3x of 1:", t2 <= 1.3 * t1)
print("4 threads within 1.3x of 1:", t4 <= 1.3 * t1)
