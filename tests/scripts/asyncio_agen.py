# Async generators, async comprehensions, async context managers, __await__.
import asyncio


async def ticker(n, delay):
    try:
        for i in range(n):
            await asyncio.sleep(delay)
            yield i
    finally:
        print('ticker closed')


class Resource:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        await asyncio.sleep(0)
        print('acquire', self.name)
        return self

    async def __aexit__(self, et, ev, tb):
        await asyncio.sleep(0)
        print('release', self.name, et.__name__ if et else None)
        return et is KeyError


class Countdown:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        await asyncio.sleep(0)
        self.n -= 1
        return self.n


class Awaitable:
    def __await__(self):
        yield from asyncio.sleep(0.001).__await__()
        return 'awaited'


async def echo():
    received = []
    while True:
        x = yield len(received)
        if x is None:
            break
        received.append(x)


async def main():
    print([i async for i in ticker(3, 0.001)])
    print({i: i * i async for i in Countdown(3)})
    t = ticker(5, 0.001)
    async for i in t:
        if i == 1:
            break
    await t.aclose()
    async with Resource('r1') as r:
        print('using', r.name)
    async with Resource('r2'):
        raise KeyError('swallowed')
    try:
        async with Resource('r3'):
            raise ValueError('propagates')
    except ValueError as e:
        print('caught', e)
    print(await Awaitable())
    e = echo()
    print(await e.asend(None))
    print(await e.asend('a'))
    print(await e.asend('b'))
    await e.aclose()
    print([x for x in [await asyncio.sleep(0, r) for r in range(3)]])
    g = ticker(3, 0)
    print(await g.__anext__())
    await g.aclose()


asyncio.run(main())
