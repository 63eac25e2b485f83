# Weak references made and dropped by several threads while collections
# happen in any of them: every callback runs once, every dead reference is
# cleared, and weak containers shared between threads stay consistent.
import gc
import threading
import weakref


class Item:
    def __init__(self, n):
        self.n = n
        self.cycle = self  # freed only by the collector


lock = threading.Lock()
called = []
shared = weakref.WeakValueDictionary()
shared_set = weakref.WeakSet()


def on_dead(w):
    with lock:
        called.append(1)


def worker(tid, results):
    refs = []
    keep = []
    for i in range(2000):
        it = Item(i)
        refs.append(weakref.ref(it, on_dead))
        shared[(tid, i)] = it
        shared_set.add(it)
        if i % 10 == 0:
            keep.append(it)
        if i % 500 == 0:
            gc.collect()
    del it
    gc.collect()
    results[tid] = (refs, keep)


results = {}
threads = [threading.Thread(target=worker, args=(t, results)) for t in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
gc.collect()
for tid, (refs, keep) in sorted(results.items()):
    print(tid, sum(r() is not None for r in refs), len(keep))
print(len(called), len(shared), len(shared_set))
for refs, keep in results.values():
    keep.clear()
gc.collect()
print(len(called), len(shared), len(shared_set))
