# Ten threads each sleep 5 x 0.2 s: sleeping releases the GIL, so they all
# finish together in about 1 s.
import threading
import time

done = []
lock = threading.Lock()


def sleeper(i):
    for _ in range(5):
        time.sleep(0.2)
    with lock:
        done.append(i)


t0 = time.perf_counter()
ts = [threading.Thread(target=sleeper, args=(i,)) for i in range(10)]
for t in ts:
    t.start()
for t in ts:
    t.join()
elapsed = time.perf_counter() - t0
print("all done:", sorted(done) == list(range(10)))
print("finished within 1.1 s:", elapsed <= 1.1)
