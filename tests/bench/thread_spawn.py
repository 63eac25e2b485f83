# Start and join 2 000 short threads, a few at a time.
import threading

results = []
lock = threading.Lock()


def job(i):
    with lock:
        results.append(i * 2)


for base in range(0, 2000, 8):
    ts = [threading.Thread(target=job, args=(base + k,)) for k in range(8)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
print(len(results), sum(results))
print("active after joins:", threading.active_count())
