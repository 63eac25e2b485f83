"""Top-level await: the module body itself is the main task, like a notebook cell.

Run: build/gilpy samples/asyncio/toplevel_await.py

gilpy runs a module that uses `await`, `async with` or `async for` at top
level as asyncio.run() would run it (see README, "Top-level await").
CPython refuses this in a script; it needs asyncio.run(main()) instead.
"""
import asyncio


async def greet(name, delay):
    await asyncio.sleep(delay)
    return f"hello {name}"


# The module body is a coroutine running as Task-1 of a fresh event loop.
print("main task:", asyncio.current_task().get_name())

print(await greet("world", 0.01))

results = await asyncio.gather(greet("a", 0.02), greet("b", 0.01))
print(results)


class Resource:
    async def __aenter__(self):
        print("acquired")
        return self

    async def __aexit__(self, *exc):
        print("released")


async with Resource():
    await asyncio.sleep(0)


async def countdown(n):
    while n:
        yield n
        n -= 1


async for n in countdown(3):
    print("countdown", n)

# A task still pending when the body ends is cancelled, as asyncio.run() does.
background = asyncio.create_task(asyncio.sleep(10))
print("leaving with a pending task:", not background.done())
