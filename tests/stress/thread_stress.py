# Stress test for the GIL and the collector: 8 threads mutate shared
# lists, dicts and sets and allocate garbage for DURATION seconds (argv[1],
# default 10) while collections happen on whichever thread holds the GIL.
# Prints only deterministic checks.
import sys
import threading
import time

DURATION = float(sys.argv[1]) if len(sys.argv) > 1 else 10.0
NTHREADS = 8

shared_list = []
shared_dict = {}
shared_set = set()
lock = threading.Lock()
counts = [0] * NTHREADS
locked_total = [0]
errors = []


class Node:
    def __init__(self, value, nxt):
        self.value = value
        self.next = nxt


def worker(me):
    deadline = time.monotonic() + DURATION
    n = 0
    try:
        while time.monotonic() < deadline:
            for k in range(200):
                key = (me, k % 50)
                shared_list.append(key)
                shared_dict[key] = [k, str(k), {"k": k}]
                shared_set.add(key)
                if len(shared_list) > 500:
                    try:
                        shared_list.pop(0)
                    except IndexError:
                        pass
                shared_dict.pop((me, (k + 25) % 50), None)
                shared_set.discard((me, (k + 10) % 50))
                chain = None
                for j in range(20):
                    chain = Node(j, chain)
                garbage = [str(j) * 3 for j in range(10)]
                del garbage
            with lock:
                locked_total[0] += 1
            n += 1
            if n % 7 == 0:
                time.sleep(0.001)
    except Exception as e:  # any exception is a bug
        errors.append(repr(e))
    counts[me] = n


threads = [threading.Thread(target=worker, args=(i,)) for i in range(NTHREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("errors:", errors)
print("every thread ran:", all(c > 0 for c in counts))
print("locked total matches:", locked_total[0] == sum(counts))
print("dict keys are tuples:", all(type(k) is tuple for k in list(shared_dict)))
print("list bounded:", len(shared_list) <= 500 + NTHREADS)
