"""A lost update between threads, and how a Lock prevents it.

Run: build/gilpy samples/threads/race.py

`balance = balance + amount` is three steps: read, add, write.  If another
thread runs between the read and the write, one of the two updates is lost.
The GIL does not help: it protects the interpreter, not your data.  A Barrier
makes the bad interleaving happen every time, so the output is deterministic.
"""
import threading
import time

N = 4
balance = 0
everyone_has_read = threading.Barrier(N)


def deposit_unsafely(amount):
    global balance
    seen = balance              # read
    everyone_has_read.wait()    # every thread has now read the same old value
    balance = seen + amount     # write: overwrites the others' deposits


threads = [threading.Thread(target=deposit_unsafely, args=(10,)) for _ in range(N)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(f"without a lock: {N} deposits of 10 give {balance}")

# With a lock the read-add-write is one step for every other thread that
# takes the same lock.  Even a voluntary switch in the middle is harmless.
balance = 0
lock = threading.Lock()


def deposit_safely(amount):
    global balance
    for _ in range(1000):
        with lock:
            seen = balance
            time.sleep(0)   # let other threads run: they wait for the lock
            balance = seen + amount


threads = [threading.Thread(target=deposit_safely, args=(10,)) for _ in range(N)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(f"with a lock: {N} x 1000 deposits of 10 give {balance}")
print("lock is free again:", not lock.locked())
