"""Starting threads and waiting for them with join().

Run: build/gilpy samples/threads/start_join.py
"""
import threading


def square(n, results):
    # Each thread writes to its own slot, so no lock is needed here.
    results[n] = n * n


results = [None] * 5
threads = [threading.Thread(target=square, args=(n, results), name=f"worker-{n}")
           for n in range(5)]

# A Thread object does nothing until start(); before that it is "initial".
print(threads[0].name, "alive before start:", threads[0].is_alive())

for t in threads:
    t.start()

# join() blocks until the thread has finished; after it the results are ready.
for t in threads:
    t.join()

print("alive after join:", any(t.is_alive() for t in threads))
print("results:", results)


# Subclassing Thread and overriding run() is the other way to give it work.
class Counter(threading.Thread):
    def __init__(self, limit):
        super().__init__(name=f"counter-{limit}")
        self.limit = limit
        self.total = 0

    def run(self):
        for i in range(self.limit + 1):
            self.total += i


counters = [Counter(limit) for limit in (10, 100, 1000)]
for c in counters:
    c.start()
for c in counters:
    c.join()
for c in counters:
    print(c.name, "summed to", c.total)

# Only the main thread is left once every worker has been joined.
print("threads now:", threading.active_count(), threading.current_thread().name)
