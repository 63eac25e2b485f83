# multiprocessing Lock, RLock, Semaphore, BoundedSemaphore and Event: shared
# with forked children, timeouts, reprs, ownership and over-release errors.
import multiprocessing
import os
import threading
import time


def hold(lock, seconds, q):
    with lock:
        q.put(repr(lock))
        time.sleep(seconds)


def append(path, mark):
    with open(path, "a") as f:
        f.write(mark)


def count_in(sem, path):
    with sem:
        append(path, "+")           # entered
        time.sleep(0.05)
        append(path, "-")           # about to leave


def wait_then_set(go, done, q):
    q.put(("child waited", go.wait(10)))
    done.set()


if __name__ == "__main__":
    lock = multiprocessing.Lock()
    print(repr(lock))
    with lock:
        print(repr(lock), lock.acquire(False), lock.acquire(timeout=0.01))
        seen = []
        t = threading.Thread(target=lambda: seen.append(repr(lock)))
        t.start()
        t.join()
        print(seen)
    try:
        lock.release()
    except ValueError as e:
        print("ValueError:", e)

    # A child holds the lock: the parent waits for it.
    q = multiprocessing.Queue()
    p = multiprocessing.Process(target=hold, args=(lock, 0.2, q))
    p.start()
    print("child:", q.get())
    print("parent sees:", repr(lock))
    print("parent try:", lock.acquire(timeout=0.05))
    print("parent waits:", lock.acquire())
    lock.release()
    p.join()

    r = multiprocessing.RLock()
    print(repr(r))
    with r:
        with r:
            print(repr(r))
        print(repr(r))
    print(repr(r))
    try:
        r.release()
    except AssertionError as e:
        print("AssertionError:", e)

    # At most two children inside at once.
    sem = multiprocessing.Semaphore(2)
    print(repr(sem), sem.get_value())
    path = os.path.abspath("sem.txt")
    open(path, "w").close()
    children = [multiprocessing.Process(target=count_in, args=(sem, path)) for _ in range(4)]
    for c in children:
        c.start()
    for c in children:
        c.join()
    with open(path) as f:
        marks = f.read()
    depth = deepest = 0
    for m in marks:
        depth += 1 if m == "+" else -1
        deepest = max(deepest, depth)
    print("all 4 got in:", marks.count("+") == 4, "at most 2 at once:", deepest <= 2)
    os.remove(path)

    b = multiprocessing.BoundedSemaphore(2)
    b.acquire()
    print(repr(b))
    b.release()
    try:
        b.release()
    except ValueError as e:
        print("ValueError:", e)
    print(repr(b))

    # An Event set in one process is seen by the other.
    go, done = multiprocessing.Event(), multiprocessing.Event()
    print(repr(go), go.is_set(), go.wait(0.01))
    p = multiprocessing.Process(target=wait_then_set, args=(go, done, q))
    p.start()
    go.set()
    go.set()
    print(repr(go), q.get(), done.wait(10))
    p.join()
    go.clear()
    go.clear()
    print(go.is_set(), done.is_set())
