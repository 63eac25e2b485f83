"""multiprocessing.Lock: one lock shared by several processes.

Run: build/gilpy samples/processes/shared_lock.py

Each child appends a two-line block to the same file, pausing in the middle.
Holding the shared lock around the block keeps the blocks whole; each child
inherits the same lock from the parent when it is created.
"""
import multiprocessing
import os
import time


def write_block(lock, path, name):
    with lock:
        with open(path, "a") as f:
            f.write(f"{name} begins\n")
            f.flush()
            time.sleep(0.05)            # another process would write here
            f.write(f"{name} ends\n")


if __name__ == "__main__":
    path = os.path.abspath("blocks.txt")
    open(path, "w").close()
    lock = multiprocessing.Lock()
    children = [multiprocessing.Process(target=write_block, args=(lock, path, f"child{i}"))
                for i in range(3)]
    for c in children:
        c.start()
    for c in children:
        c.join()

    with open(path) as f:
        lines = f.read().split("\n")[:-1]
    pairs = [lines[i:i + 2] for i in range(0, len(lines), 2)]
    whole = all(a.split()[0] == b.split()[0] and a.endswith("begins") and b.endswith("ends")
                for a, b in pairs)
    print(len(lines), "lines; every block whole:", whole)
    print("children in the file:", sorted(pair[0].split()[0] for pair in pairs))
    os.remove(path)

    # A lock can also be taken without waiting, or with a timeout.
    with lock:
        print("acquire(block=False) while held:", lock.acquire(False))
        print("acquire(timeout=0.01) while held:", lock.acquire(timeout=0.01))
