"""asyncio.Lock, Semaphore and Event: coordination between tasks on one loop.

Run: build/gilpy samples/asyncio/sync_primitives.py

Tasks switch only at an await, but an await in the middle of a
read-modify-write is enough to lose an update, just as with threads.
"""
import asyncio

balance = 0


async def deposit(amount, lock=None):
    global balance
    if lock is None:
        seen = balance
        await asyncio.sleep(0)          # every other task runs here
        balance = seen + amount
        return
    async with lock:                    # the others wait at this line
        seen = balance
        await asyncio.sleep(0)
        balance = seen + amount


async def download(name, limit, active, peak):
    async with limit:                   # at most 2 bodies run at once
        active.append(name)
        peak[0] = max(peak[0], len(active))
        await asyncio.sleep(0.01)
        active.remove(name)
    return name


async def main():
    global balance
    await asyncio.gather(*(deposit(10) for _ in range(5)))
    print("without a lock: 5 deposits of 10 give", balance)

    balance = 0
    lock = asyncio.Lock()
    await asyncio.gather(*(deposit(10, lock) for _ in range(5)))
    print("with a lock: 5 deposits of 10 give", balance, "| locked now:", lock.locked())

    # A Semaphore bounds how many tasks are inside a block at a time.
    limit, active, peak = asyncio.Semaphore(2), [], [0]
    names = await asyncio.gather(*(download(f"file{i}", limit, active, peak) for i in range(6)))
    print(names, "at most", peak[0], "at once")

    # An Event releases every waiter at once.
    ready = asyncio.Event()

    async def waiter(i):
        await ready.wait()
        return i

    waiters = [asyncio.create_task(waiter(i)) for i in range(3)]
    await asyncio.sleep(0)
    print("waiting:", [not w.done() for w in waiters])
    ready.set()
    print("released:", await asyncio.gather(*waiters))


asyncio.run(main())
