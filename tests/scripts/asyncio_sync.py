# Lock, Event, Semaphore, BoundedSemaphore, Condition and queues.
import asyncio


async def main():
    lock = asyncio.Lock()
    print(lock)
    log = []

    async def crit(name):
        async with lock:
            log.append(name + '+')
            await asyncio.sleep(0.001)
            log.append(name + '-')

    await asyncio.gather(*(crit(n) for n in 'abc'))
    print(log, lock.locked())

    ev = asyncio.Event()

    async def waiter(i):
        print('waiting', i)
        await ev.wait()
        print('released', i)

    ws = [asyncio.create_task(waiter(i)) for i in range(3)]
    await asyncio.sleep(0)
    print(ev.is_set(), ev)
    ev.set()
    await asyncio.gather(*ws)
    ev.clear()
    print(ev.is_set())

    sem = asyncio.Semaphore(2)
    active = []

    async def limited(i):
        async with sem:
            active.append(i)
            print('in', i, len(active))
            await asyncio.sleep(0.05 * (i + 1))
            active.remove(i)

    await asyncio.gather(*(limited(i) for i in range(5)))
    bs = asyncio.BoundedSemaphore(1)
    await bs.acquire()
    bs.release()
    try:
        bs.release()
    except ValueError as e:
        print(e)

    cond = asyncio.Condition()
    items = []

    async def consumer(i):
        async with cond:
            await cond.wait_for(lambda: items)
            print('consumer', i, 'got', items.pop())

    cs = [asyncio.create_task(consumer(i)) for i in range(2)]
    await asyncio.sleep(0)
    for x in ('x', 'y'):
        async with cond:
            items.append(x)
            cond.notify()
        await asyncio.sleep(0)
    await asyncio.gather(*cs)

    q = asyncio.Queue(maxsize=2)
    print(q.maxsize, q.empty(), q.full())

    async def producer():
        for i in range(5):
            await q.put(i)
            print('put', i)
        await q.put(None)

    async def cons():
        while True:
            item = await q.get()
            q.task_done()
            if item is None:
                break
            print('get', item)

    await asyncio.gather(producer(), cons())
    await q.join()
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print('QueueEmpty')
    q.put_nowait(1)
    q.put_nowait(2)
    try:
        q.put_nowait(3)
    except asyncio.QueueFull:
        print('QueueFull', q.qsize())
    pq = asyncio.PriorityQueue()
    for v in (5, 1, 3):
        pq.put_nowait(v)
    lq = asyncio.LifoQueue()
    for v in (5, 1, 3):
        lq.put_nowait(v)
    print([pq.get_nowait() for _ in range(3)], [lq.get_nowait() for _ in range(3)])

    q = asyncio.Queue()

    async def worker(name):
        while True:
            item = await q.get()
            await asyncio.sleep(item)
            print(name, 'did', item)
            q.task_done()

    for d in (0.05, 0.01, 0.02, 0.01):
        q.put_nowait(d)
    workers = [asyncio.create_task(worker(f'w{i}')) for i in range(2)]
    await q.join()
    for w in workers:
        w.cancel()
    res = await asyncio.gather(*workers, return_exceptions=True)
    print([type(r).__name__ for r in res])


asyncio.run(main())
