"""Producer/consumer with queue.Queue: the queue does all the locking.

Run: build/gilpy samples/threads/producer_consumer.py
"""
import queue
import threading

jobs = queue.Queue(maxsize=3)      # put() blocks while 3 jobs are waiting
results = queue.Queue()
STOP = None                        # a sentinel tells a consumer to leave


def producer(words):
    for word in words:
        jobs.put(word)


def consumer():
    while True:
        word = jobs.get()
        try:
            if word is STOP:
                return
            results.put((word, len(word)))
        finally:
            jobs.task_done()       # lets jobs.join() know this item is handled


text = "the quick brown fox jumps over the lazy dog again and again".split()
consumers = [threading.Thread(target=consumer) for _ in range(3)]
for c in consumers:
    c.start()
producers = [threading.Thread(target=producer, args=(text[i::2],)) for i in range(2)]
for p in producers:
    p.start()
for p in producers:
    p.join()

jobs.join()                        # every job put so far has been task_done()
print("all jobs handled, queue empty:", jobs.empty())

for _ in consumers:
    jobs.put(STOP)
for c in consumers:
    c.join()

# Consumers finish in any order, so sort before printing.
counted = []
while not results.empty():
    counted.append(results.get_nowait())
print(len(counted), "words:", sorted(counted))

# get() with a timeout raises queue.Empty when nothing arrives.
try:
    results.get(timeout=0.01)
except queue.Empty:
    print("nothing more: queue.Empty")

# Other orders: LIFO and priority queues.
lifo, prio = queue.LifoQueue(), queue.PriorityQueue()
for n in (3, 1, 2):
    lifo.put(n)
    prio.put((n, f"task {n}"))
print("lifo:", [lifo.get() for _ in range(3)])
print("priority:", [prio.get()[1] for _ in range(3)])
