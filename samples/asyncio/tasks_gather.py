"""Tasks run coroutines concurrently; gather() waits for several at once.

Run: build/gilpy samples/asyncio/tasks_gather.py
"""
import asyncio

log = []


async def fetch(name, delay):
    log.append(f"start {name}")
    await asyncio.sleep(delay)
    log.append(f"end {name}")
    return f"{name} ({delay} s)"


async def main():
    # create_task() schedules the coroutine now; it runs when main awaits.
    slow = asyncio.create_task(fetch("slow", 0.2), name="slow-task")
    fast = asyncio.create_task(fetch("fast", 0.1))
    print(slow.get_name(), "done yet:", slow.done())
    print(await slow, "|", await fast)
    # Both slept at the same time: "fast" ended while "slow" was still sleeping.
    print("order:", log)

    # gather() returns the results in the order of its arguments,
    # whichever finishes first.
    results = await asyncio.gather(fetch("a", 0.03), fetch("b", 0.01), fetch("c", 0.02))
    print("gather:", results)

    # With return_exceptions=True a failure is returned instead of raised.
    async def broken():
        raise KeyError("missing")
    results = await asyncio.gather(fetch("d", 0), broken(), return_exceptions=True)
    print("with an error:", [repr(r) for r in results])

    # Without it, the first exception propagates to the awaiting code.
    try:
        await asyncio.gather(fetch("e", 0), broken())
    except KeyError as e:
        print("gather raised KeyError", e)

    # A finished task keeps its result or exception.
    task = asyncio.create_task(broken())
    await asyncio.sleep(0)
    print("task done:", task.done(), "exception:", repr(task.exception()))


asyncio.run(main())
