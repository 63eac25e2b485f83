"""RLock: a lock the same thread may take again, unlike Lock.

Run: build/gilpy samples/threads/rlock.py
"""
import threading

# A plain Lock is not re-entrant: a second acquire by its owner would block
# forever.  acquire(blocking=False) shows it without hanging.
lock = threading.Lock()
with lock:
    print("Lock taken twice by one thread:", lock.acquire(blocking=False))


class Account:
    """Both methods take the lock; transfer() calls withdraw() while holding it."""

    def __init__(self, balance):
        self.balance = balance
        self.lock = threading.RLock()

    def withdraw(self, amount):
        with self.lock:
            if amount > self.balance:
                raise ValueError(f"cannot withdraw {amount} from {self.balance}")
            self.balance -= amount

    def transfer(self, other, amount):
        with self.lock:                 # first acquire
            self.withdraw(amount)       # second acquire by the same thread: fine
            with other.lock:
                other.balance += amount


a, b = Account(100), Account(0)


def move_money():
    for _ in range(10):
        a.transfer(b, 5)


threads = [threading.Thread(target=move_money) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("a:", a.balance, "b:", b.balance)

try:
    a.transfer(b, 1000)
except ValueError as e:
    print("refused:", e)


def try_from_another_thread(rlock):
    got = []

    def attempt():
        if rlock.acquire(timeout=0.05):
            got.append(True)
            rlock.release()
        else:
            got.append(False)
    t = threading.Thread(target=attempt)
    t.start()
    t.join()
    return got[0]


# An RLock counts its acquires: other threads get it only after as many releases.
with a.lock:
    with a.lock:
        print("other thread, held twice:", try_from_another_thread(a.lock))
    print("other thread, held once:", try_from_another_thread(a.lock))
print("other thread, released:", try_from_another_thread(a.lock))
