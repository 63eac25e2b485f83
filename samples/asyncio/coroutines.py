"""Coroutines: `async def` makes a coroutine function; `await` runs one to its end.

Run: build/gilpy samples/asyncio/coroutines.py
"""
import asyncio


async def add(a, b):
    await asyncio.sleep(0)          # a point where the event loop may run others
    return a + b


# Calling a coroutine function runs nothing yet: it makes a coroutine object.
coro = add(1, 2)
print(type(coro).__name__, asyncio.iscoroutine(coro), asyncio.iscoroutinefunction(add))
coro.close()                        # never awaited: close it to say so on purpose


async def chain():
    # Each await suspends chain() until the awaited coroutine has finished.
    x = await add(1, 2)
    y = await add(x, 10)
    return [x, y]


# asyncio.run() makes an event loop, runs the coroutine to its end, returns its value.
print("chain:", asyncio.run(chain()))


async def fails():
    await asyncio.sleep(0)
    raise ValueError("bad input")


async def main():
    # Exceptions travel through await like through an ordinary call.
    try:
        await fails()
    except ValueError as e:
        print("caught:", e)
    # Awaiting sleeps one after another adds their durations up.
    loop = asyncio.get_running_loop()
    start = loop.time()
    await asyncio.sleep(0.05)
    await asyncio.sleep(0.05)
    print("two awaited sleeps took about 0.1 s:", loop.time() - start > 0.09)
    return "main done"


print(asyncio.run(main()))

# Outside asyncio.run() there is no running loop.
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print("RuntimeError:", e)
