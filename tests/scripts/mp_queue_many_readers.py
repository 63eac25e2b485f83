# multiprocessing.Queue with several reading and writing processes: messages (some
# longer than a pipe writes atomically) arrive whole, each exactly once.
import multiprocessing, queue
def produce(q, k):
    for i in range(50):
        q.put((k, i, "x" * (10000 if i % 3 == 0 else 10)))
def consume(q, out, n):
    for _ in range(n):
        k, i, s = q.get()
        out.put((k, i, len(s)))
if __name__ == "__main__":
    q, out = multiprocessing.Queue(), multiprocessing.Queue()
    ps = [multiprocessing.Process(target=produce, args=(q, k)) for k in range(4)]
    cs = [multiprocessing.Process(target=consume, args=(q, out, 50)) for k in range(4)]
    for p in ps + cs: p.start()
    got = sorted(out.get(timeout=20) for _ in range(200))
    for p in ps + cs: p.join()
    print(len(got), len(set(got)), [p.exitcode for p in ps + cs])
    try:
        q.get(timeout=0.05)
    except queue.Empty:
        print("empty")
