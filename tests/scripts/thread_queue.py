# queue: Queue, LifoQueue, PriorityQueue, SimpleQueue; blocking and
# non-blocking put/get, timeouts, task_done/join, Empty/Full.
import queue
import threading
import time

q = queue.Queue()
for i in range(3):
    q.put(i)
print(q.qsize(), q.empty(), q.full(), [q.get() for _ in range(3)], q.empty())
try:
    q.get_nowait()
except queue.Empty as e:
    print("Empty", repr(e))
t0 = time.monotonic()
try:
    q.get(timeout=0.05)
except queue.Empty:
    print("Empty after timeout", time.monotonic() - t0 >= 0.04)
try:
    q.get(timeout=-1)
except ValueError as e:
    print("ValueError:", e)

b = queue.Queue(maxsize=2)
b.put(1)
b.put_nowait(2)
print(b.full())
try:
    b.put_nowait(3)
except queue.Full:
    print("Full")
try:
    b.put(3, timeout=0.02)
except queue.Full:
    print("Full after timeout")
try:
    b.put(3, block=False)
except queue.Full:
    print("Full non-blocking")

lq = queue.LifoQueue()
for x in "abc":
    lq.put(x)
print([lq.get() for _ in range(3)])
pq = queue.PriorityQueue()
for x in [(3, "c"), (1, "a"), (2, "b")]:
    pq.put(x)
print([pq.get() for _ in range(3)])
sq = queue.SimpleQueue()
sq.put(1)
sq.put(2)
print(sq.qsize(), sq.get(), sq.get_nowait(), sq.empty())
try:
    sq.get(timeout=0.01)
except queue.Empty:
    print("SimpleQueue Empty")

# Producer/consumer with task_done and join.
work = queue.Queue()
results = []
rlock = threading.Lock()


def worker():
    while True:
        item = work.get()
        if item is None:
            work.task_done()
            break
        with rlock:
            results.append(item * item)
        work.task_done()


ws = [threading.Thread(target=worker) for _ in range(3)]
for w in ws:
    w.start()
for i in range(20):
    work.put(i)
work.join()
print(sorted(results))
for _ in ws:
    work.put(None)
for w in ws:
    w.join()
try:
    work.task_done()
except ValueError as e:
    print("ValueError:", e)

# A bounded queue blocks the producer until the consumer catches up.
bq = queue.Queue(maxsize=1)
out = []


def slow_consumer():
    for _ in range(5):
        time.sleep(0.005)
        out.append(bq.get())


c = threading.Thread(target=slow_consumer)
c.start()
for i in range(5):
    bq.put(i)
c.join()
print(out)
