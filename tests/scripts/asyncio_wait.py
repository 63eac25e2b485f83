# asyncio.wait with every return_when, timeouts and as_completed.
import asyncio


async def job(name, d, fail=False):
    await asyncio.sleep(d)
    if fail:
        raise RuntimeError(name)
    return name


def names(tasks):
    return sorted(t.get_name() for t in tasks)


async def main():
    ts = [asyncio.create_task(job(f'j{i}', 0.01 * i), name=f'j{i}') for i in (3, 1, 2)]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_COMPLETED)
    print(names(done), names(pending))
    done, pending = await asyncio.wait(ts)
    print(names(done), names(pending))

    ts = [asyncio.create_task(job('f', 0.01, True), name='f'),
          asyncio.create_task(job('s', 0.05), name='s')]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    print(names(done), names(pending))
    for t in done:
        print(repr(t.exception()))
    done, pending = await asyncio.wait(ts, timeout=0.001)
    print(names(done), names(pending))
    await asyncio.wait(ts)

    for coro in asyncio.as_completed([job('c', 0.03), job('a', 0.01), job('b', 0.02)]):
        print(await coro)

    try:
        await asyncio.wait([])
    except ValueError as e:
        print(e)
    c = job('x', 0)
    try:
        await asyncio.wait([c])
    except TypeError as e:
        print(e)
    c.close()


asyncio.run(main())
