"""Barrier: threads wait for each other between the phases of a computation.

Run: build/gilpy samples/threads/barrier.py
"""
import threading

N = 3
grid = [[i * N + j for j in range(N)] for i in range(N)]
row_sums = [0] * N
phase_log = []


def announce():
    # The action runs once per crossing, in one thread, when all N have arrived.
    phase_log.append(f"crossing {len(phase_log) + 1}: row sums {row_sums}")


barrier = threading.Barrier(N, action=announce)


def worker(i):
    for step in range(2):
        row_sums[i] = sum(grid[i])          # phase A: read my row
        barrier.wait()                      # nobody writes until all have read
        grid[i] = [x * 2 for x in grid[i]]  # phase B: double my row
        barrier.wait()


threads = [threading.Thread(target=worker, args=(i,)) for i in range(N)]
for t in threads:
    t.start()
for t in threads:
    t.join()
for line in phase_log:
    print(line)
print("grid:", grid)

# wait() returns a different index 0..N-1 to each thread.
indices = []
b = threading.Barrier(N)
threads = [threading.Thread(target=lambda: indices.append(b.wait())) for _ in range(N)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("indices:", sorted(indices))

# A thread waiting with a timeout breaks the barrier for everyone.
lonely = threading.Barrier(2)
try:
    lonely.wait(timeout=0.02)
except threading.BrokenBarrierError:
    print("BrokenBarrierError, broken:", lonely.broken)
