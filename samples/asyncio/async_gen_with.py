"""Async generators (`async for`) and async context managers (`async with`).

Run: build/gilpy samples/asyncio/async_gen_with.py
"""
import asyncio
import contextlib


async def ticker(count, delay):
    """An async generator: it may await between the values it yields."""
    for i in range(count):
        await asyncio.sleep(delay)
        yield i


class Connection:
    """An async context manager: __aenter__ and __aexit__ are coroutines."""

    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        await asyncio.sleep(0)              # e.g. connect
        print(f"open {self.name}")
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0)              # e.g. flush and close
        print(f"close {self.name} (error: {exc_type.__name__ if exc_type else None})")
        return False                        # do not swallow the exception


@contextlib.asynccontextmanager
async def transaction(log):
    log.append("begin")
    try:
        yield log
        log.append("commit")
    except Exception:
        log.append("rollback")
        raise


async def main():
    async for n in ticker(3, 0.01):
        print("tick", n)

    # Async comprehensions.
    squares = [n * n async for n in ticker(5, 0)]
    evens = [n async for n in ticker(6, 0) if n % 2 == 0]
    print("squares:", squares, "evens:", evens)

    async with Connection("db") as conn:
        print("using", conn.name)
    try:
        async with Connection("cache"):
            raise RuntimeError("lost connection")
    except RuntimeError as e:
        print("RuntimeError:", e)

    log = []
    async with transaction(log):
        log.append("insert")
    try:
        async with transaction(log):
            raise ValueError("bad row")
    except ValueError:
        pass
    print(log)

    # Leaving an async for early: aclose() runs the generator's finally block.
    async def numbers():
        try:
            for i in range(100):
                yield i
        finally:
            print("numbers() cleaned up")
    gen = numbers()
    async for n in gen:
        if n == 2:
            break
    await gen.aclose()
    print("anext:", await anext(ticker(1, 0)), await anext(gen, "exhausted"))


asyncio.run(main())
