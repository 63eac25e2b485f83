"""Event (a one-shot signal) and Condition (wait until some state is true).

Run: build/gilpy samples/threads/condition_event.py
"""
import threading

# --- Event: workers wait at the start line until the main thread says go.
go = threading.Event()
arrived = []
arrived_lock = threading.Lock()


def runner(name):
    go.wait()                   # blocks (and drops the GIL) until go.set()
    with arrived_lock:
        arrived.append(name)


runners = [threading.Thread(target=runner, args=(f"runner-{i}",)) for i in range(3)]
for t in runners:
    t.start()
print("before set:", go.is_set(), "arrived:", arrived)
go.set()
for t in runners:
    t.join()
print("after set:", go.is_set(), "arrived:", sorted(arrived))
print("wait with a timeout on an unset event:", threading.Event().wait(0.01))

# --- Condition: a bounded stock; consumers wait for items, producers for space.
stock = []
changed = threading.Condition()
CAPACITY = 2


def produce(items):
    for item in items:
        with changed:
            changed.wait_for(lambda: len(stock) < CAPACITY)
            stock.append(item)
            changed.notify_all()


def consume(count, out):
    for _ in range(count):
        with changed:
            changed.wait_for(lambda: stock)   # releases the lock while waiting
            out.append(stock.pop(0))
            changed.notify_all()


eaten = []
workers = [threading.Thread(target=produce, args=(range(10),)),
           threading.Thread(target=consume, args=(10, eaten))]
for t in workers:
    t.start()
for t in workers:
    t.join()
# Only one producer, and stock is a FIFO: the consumer sees the items in order.
print("consumed:", eaten)
print("stock left:", stock)
