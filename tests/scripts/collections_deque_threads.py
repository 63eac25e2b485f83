# collections.deque shared between threads (each method is atomic under
# the GIL), and the queues built on it: queue.Queue and asyncio.Queue.
import asyncio
import queue
import threading
from collections import deque

N = 20_000
shared = deque()
bounded = deque(maxlen=50)


def producer(tag):
    for i in range(N):
        shared.append((tag, i))
        bounded.append(i)


threads = [threading.Thread(target=producer, args=(t,)) for t in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(shared), len(bounded), bounded.maxlen)
per_tag = {}
for tag, i in shared:
    per_tag.setdefault(tag, []).append(i)
print(sorted(per_tag), all(v == list(range(N)) for v in per_tag.values()))

# consumers popping from both ends concurrently take every item exactly once
work = deque(range(40_000))
taken = [[] for _ in range(4)]


def consumer(k):
    out = taken[k]
    while True:
        try:
            out.append(work.popleft() if k % 2 else work.pop())
        except IndexError:
            return


threads = [threading.Thread(target=consumer, args=(k,)) for k in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
allv = sorted(v for part in taken for v in part)
print(len(allv), allv == list(range(40_000)), len(work))

# one thread rotates and appends while others iterate: an iterator either
# finishes or raises RuntimeError, never crashes
spin = deque(range(1000))
stop = threading.Event()
errors = []


def mutator():
    while not stop.is_set():
        spin.rotate(3)
        spin.append(spin.popleft())


def reader():
    done = 0
    while done < 200:
        try:
            s = 0
            for x in spin:
                s += x
            done += 1
        except RuntimeError as e:
            errors.append(str(e))
            done += 1


m = threading.Thread(target=mutator)
readers = [threading.Thread(target=reader) for _ in range(2)]
m.start()
for r in readers:
    r.start()
for r in readers:
    r.join()
stop.set()
m.join()
print(len(spin), sorted(spin) == list(range(1000)), set(errors) <= {"deque mutated during iteration"})

# queue.Queue between threads
q = queue.Queue(maxsize=100)
results = []


def qproducer():
    for i in range(5000):
        q.put(i)
    q.put(None)


def qconsumer():
    total = 0
    while True:
        item = q.get()
        if item is None:
            break
        total += item
    results.append(total)


threads = [threading.Thread(target=qproducer), threading.Thread(target=qconsumer)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(results, sum(range(5000)))


# asyncio.Queue
async def main():
    aq = asyncio.Queue(maxsize=10)

    async def prod():
        for i in range(1000):
            await aq.put(i)
        await aq.put(None)

    async def cons():
        got = []
        while (item := await aq.get()) is not None:
            got.append(item)
        return got

    _, got = await asyncio.gather(prod(), cons())
    return got == list(range(1000)), aq.qsize()


print(asyncio.run(main()))
