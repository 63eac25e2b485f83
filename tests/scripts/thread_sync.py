# Condition (wait, wait_for, notify, notify_all, timeouts), Semaphore,
# BoundedSemaphore, Event, Barrier (with BrokenBarrierError) and Timer.
import threading
import time

# ---- Condition: producer/consumer with wait_for
cond = threading.Condition()
items = []
got = []


def consumer():
    for _ in range(5):
        with cond:
            cond.wait_for(lambda: items)
            got.append(items.pop(0))


c = threading.Thread(target=consumer)
c.start()
for i in range(5):
    with cond:
        items.append(i)
        cond.notify()
    time.sleep(0.005)
c.join()
print("consumed", got)

# wait with a timeout returns False; wait_for returns the predicate's value
with cond:
    print("wait timeout:", cond.wait(0.05))
    print("wait_for timeout:", cond.wait_for(lambda: 0, timeout=0.05))
try:
    cond.wait()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    cond.notify()
except RuntimeError as e:
    print("RuntimeError:", e)
print(repr(cond).split(" object")[0])

# notify_all wakes everyone
woken = []
ready = threading.Semaphore(0)
go = threading.Condition(threading.Lock())
flag = [False]


def waiter(i):
    with go:
        ready.release()
        go.wait_for(lambda: flag[0])
        woken.append(i)


ws = [threading.Thread(target=waiter, args=(i,)) for i in range(4)]
for w in ws:
    w.start()
for _ in ws:
    ready.acquire()
with go:
    flag[0] = True
    go.notify_all()
for w in ws:
    w.join()
print("woken", sorted(woken))

# ---- Semaphore limits concurrency
sem = threading.Semaphore(2)
inside = [0]
peak = [0]
mlock = threading.Lock()


def limited():
    with sem:
        with mlock:
            inside[0] += 1
            peak[0] = max(peak[0], inside[0])
        time.sleep(0.02)
        with mlock:
            inside[0] -= 1


ts = [threading.Thread(target=limited) for _ in range(6)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("peak", peak[0])
print(sem.acquire(blocking=False), sem.acquire(timeout=0.01), sem.acquire(timeout=0.01))
try:
    threading.Semaphore(-1)
except ValueError as e:
    print("ValueError:", e)
bs = threading.BoundedSemaphore(1)
bs.acquire()
bs.release()
try:
    bs.release()
except ValueError as e:
    print("ValueError:", e)
print(repr(bs).split(" at ")[0], repr(bs).split(": ")[1])

# ---- Event
ev = threading.Event()
print(ev.is_set(), ev.wait(0.01))
seen = []


def setter():
    time.sleep(0.02)
    seen.append("set")
    ev.set()


t = threading.Thread(target=setter)
t.start()
print("wait:", ev.wait(), seen)
t.join()
ev.clear()
print(ev.is_set(), repr(ev).split(": ")[1])

# ---- Barrier
order = []
blk = threading.Lock()


def action():
    order.append("action")


b = threading.Barrier(3, action=action)
idx = []


def party(i):
    with blk:
        order.append("arrive")
    k = b.wait()
    with blk:
        idx.append(k)


ts = [threading.Thread(target=party, args=(i,)) for i in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(order, sorted(idx), b.parties, b.n_waiting, b.broken)

b2 = threading.Barrier(2, timeout=0.05)
try:
    b2.wait()
except threading.BrokenBarrierError:
    print("BrokenBarrierError", b2.broken)
b2.reset()
print("reset", b2.broken)
b2.abort()
try:
    b2.wait()
except threading.BrokenBarrierError as e:
    print("broken again", type(e).__mro__[1].__name__)

# ---- Timer
fired = []
tm = threading.Timer(0.02, fired.append, args=["fired"])
tm.start()
tm.join()
tc = threading.Timer(10, fired.append, args=["never"])
tc.start()
tc.cancel()
tc.join()
print(fired)
