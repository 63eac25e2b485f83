# Two tasks exchange 100 000 items through a pair of asyncio.Queue objects.
import asyncio

N = 100_000


async def pinger(out_q, in_q):
    total = 0
    for i in range(N):
        await out_q.put(i)
        total += await in_q.get()
    await out_q.put(None)
    return total


async def ponger(in_q, out_q):
    count = 0
    while True:
        item = await in_q.get()
        if item is None:
            return count
        count += 1
        await out_q.put(item + 1)


async def main():
    a, b = asyncio.Queue(), asyncio.Queue()
    total, count = await asyncio.gather(pinger(a, b), ponger(a, b))
    print("exchanged:", count)
    print("total ok:", total == N * (N + 1) // 2)


asyncio.run(main())
