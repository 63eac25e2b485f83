# Lock and RLock: acquire/release, timeouts, non-blocking, re-entrance,
# context managers, reprs, errors; a counter protected by a lock.
import threading
import time
import _thread

lock = threading.Lock()
print(type(lock).__name__, type(lock) is _thread.LockType)
print(repr(lock).split(" at ")[0])
print(lock.acquire(), lock.locked())
print(repr(lock).split(" at ")[0])
print(lock.acquire(False), lock.acquire(blocking=False))
t0 = time.monotonic()
print(lock.acquire(timeout=0.1))
print("waited", time.monotonic() - t0 >= 0.09)
lock.release()
print(lock.locked())
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    lock.acquire(False, 1)
except ValueError as e:
    print("ValueError:", e)
try:
    lock.acquire(timeout=-2)
except ValueError as e:
    print("ValueError:", e)
with lock:
    print("in with", lock.locked())
print("after with", lock.locked())
print(threading.TIMEOUT_MAX > 1e6)

r = threading.RLock()
print(type(r).__name__)
print(repr(r).split(" object ")[0], repr(r).split(" object ")[1].split(" at ")[0])
with r:
    with r:
        print("nested", r._is_owned())
        print(repr(r).split(" owner=")[0], "count=" + repr(r).split(" count=")[1].split(" ")[0])
print(r.acquire(), r.acquire(), r.acquire())
r.release(); r.release(); r.release()
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError:", e)

# Another thread cannot take an RLock we hold, nor release it.
r.acquire()
res = []


def other():
    res.append(r.acquire(timeout=0.05))
    try:
        r.release()
    except RuntimeError as e:
        res.append(str(e))


t = threading.Thread(target=other)
t.start()
t.join()
print(res)
r.release()

# A lock released by another thread wakes the waiter.
gate = threading.Lock()
gate.acquire()
order = []


def opener():
    time.sleep(0.05)
    order.append("open")
    gate.release()


t = threading.Thread(target=opener)
t.start()
gate.acquire()
order.append("passed")
t.join()
print(order)

counter = 0
clock = threading.Lock()


def add(n):
    global counter
    for _ in range(n):
        with clock:
            counter += 1


ts = [threading.Thread(target=add, args=(20000,)) for _ in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("counter", counter)
