# asyncio.Barrier (3.11): arrival indexes, draining, reset, abort, repr.
import asyncio
async def main():
    b = asyncio.Barrier(3)
    print(repr(b).split(' at ')[1].split(' ', 1)[1], b.parties, b.n_waiting, b.broken)
    async def party(i):
        await asyncio.sleep(0.01 * i)
        r = await b.wait()
        return r
    print(sorted(await asyncio.gather(*(party(i) for i in range(3)))))
    print(repr(b).split(' at ')[0], repr(b).split(' at ')[1].split(' ', 1)[1])
    t = [asyncio.create_task(b.wait()) for _ in range(2)]
    await asyncio.sleep(0.01)
    print(repr(b).split(' at ')[1].split(' ', 1)[1], b.n_waiting)
    await b.reset()
    for x in t:
        try: await x
        except asyncio.BrokenBarrierError as e: print('Broken', e)
    print(repr(b).split(' at ')[1].split(' ', 1)[1])
    t = asyncio.create_task(b.wait())
    await asyncio.sleep(0.01)
    await b.abort()
    try: await t
    except asyncio.BrokenBarrierError as e: print('Broken', e)
    try: await b.wait()
    except asyncio.BrokenBarrierError as e: print('Broken', e)
    print(repr(b).split(' at ')[1].split(' ', 1)[1], b.broken)
    async with asyncio.Barrier(1) as idx: print('idx', idx)
    try: asyncio.Barrier(0)
    except ValueError as e: print(e)
asyncio.run(main())


# TaskGroup failures caught with except*.
async def failing(n):
    await asyncio.sleep(0.01)
    if n % 2:
        raise ValueError(n)
    raise KeyError(n)


async def grouped():
    try:
        async with asyncio.TaskGroup() as tg:
            for n in range(4):
                tg.create_task(failing(n))
    except* ValueError as eg:
        print('values', sorted(e.args[0] for e in eg.exceptions))
    except* KeyError as eg:
        print('keys', sorted(e.args[0] for e in eg.exceptions))


asyncio.run(grouped())
