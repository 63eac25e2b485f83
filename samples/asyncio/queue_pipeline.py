"""asyncio.Queue: producers and consumers as tasks on one event loop.

Run: build/gilpy samples/asyncio/queue_pipeline.py
"""
import asyncio


async def producer(queue, name, count):
    for i in range(count):
        await queue.put(f"{name}-{i}")      # waits while the queue is full
        await asyncio.sleep(0.001)


async def consumer(queue, name, done):
    while True:
        item = await queue.get()            # waits while the queue is empty
        await asyncio.sleep(0.002)          # "process" it
        done.append((item, name))
        queue.task_done()


async def main():
    queue = asyncio.Queue(maxsize=2)
    done = []
    consumers = [asyncio.create_task(consumer(queue, f"c{i}", done)) for i in range(3)]

    await asyncio.gather(producer(queue, "apples", 4), producer(queue, "pears", 3))
    await queue.join()                      # every item has been task_done()
    print("processed", len(done), "items:", sorted(item for item, _ in done))
    # Which consumer got which item depends on timing, so only items are shown.

    # The consumers loop forever: cancel them and wait until they have stopped.
    for c in consumers:
        c.cancel()
    results = await asyncio.gather(*consumers, return_exceptions=True)
    print("consumers stopped:", [type(r).__name__ for r in results])

    # get_nowait()/put_nowait() never wait: they raise instead.
    q = asyncio.Queue(maxsize=1)
    q.put_nowait("only")
    try:
        q.put_nowait("second")
    except asyncio.QueueFull:
        print("QueueFull; size", q.qsize())
    print(q.get_nowait())
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")

    # Priority and LIFO variants order what get() returns.
    pq = asyncio.PriorityQueue()
    for job in [(2, "write"), (1, "read"), (3, "close")]:
        pq.put_nowait(job)
    print("priority order:", [(await pq.get())[1] for _ in range(3)])


asyncio.run(main())
