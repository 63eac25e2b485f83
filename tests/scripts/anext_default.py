# anext(aiterator, default): the default instead of StopAsyncIteration, for
# async generators and for class-based async iterators whose __anext__
# returns a coroutine or an object with __await__.
import asyncio


async def agen():
    yield 'first'
    await asyncio.sleep(0)
    yield 'second'


class Countdown:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        await asyncio.sleep(0)
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n


class Step:
    def __init__(self, value):
        self.value = value

    def __await__(self):
        if False:
            yield
        if self.value is None:
            raise StopAsyncIteration
        return self.value


class Manual:
    def __init__(self):
        self.items = [1, 2]

    def __anext__(self):
        return Step(self.items.pop(0) if self.items else None)


async def main():
    g = agen()
    print(await anext(g, 'dflt'), await anext(g, 'dflt'), await anext(g, 'dflt'))
    print(await anext(g, None))
    try:
        await anext(g)
    except StopAsyncIteration:
        print('no default: StopAsyncIteration')
    c = Countdown(2)
    print([await anext(c, 'end') for _ in range(4)])
    m = Manual()
    print([await anext(m, 'done') for _ in range(3)])
    aw = anext(agen(), 0)
    print(type(aw).__name__, aw.__await__() is aw)
    print(await aw)

    async def failing():
        raise ValueError('inside')
        yield
    try:
        await anext(failing(), 'unused')
    except ValueError as e:
        print('other errors pass through:', e)
    for bad in ((), (1,), (agen(), 1, 2)):
        try:
            anext(*bad)
        except TypeError as e:
            print('TypeError:', e)


asyncio.run(main())
