"""Timeouts: asyncio.wait_for() and the 3.11 `async with asyncio.timeout()`.

Run: build/gilpy samples/asyncio/timeouts.py
"""
import asyncio


async def slow_operation(log):
    try:
        await asyncio.sleep(10)
        return "finished"
    except asyncio.CancelledError:
        log.append("slow_operation was cancelled")
        raise                       # always re-raise a cancellation


async def main():
    log = []
    # wait_for() cancels the awaited coroutine when the time is up.
    try:
        await asyncio.wait_for(slow_operation(log), timeout=0.05)
    except asyncio.TimeoutError:
        print("wait_for: TimeoutError;", log)

    # In time: the result comes back as usual.
    print("wait_for in time:", await asyncio.wait_for(asyncio.sleep(0.01, "ok"), 1))

    # asyncio.timeout() bounds a whole block, however many awaits it contains.
    log.clear()
    try:
        async with asyncio.timeout(0.05) as scope:
            await asyncio.sleep(0.01)
            log.append("first step done")
            await slow_operation(log)
    except TimeoutError:                      # the builtin: the same class in 3.11
        print("timeout block expired:", scope.expired(), log)

    # A deadline can be moved while the block runs.
    async with asyncio.timeout(None) as scope:
        scope.reschedule(asyncio.get_running_loop().time() + 1)
        await asyncio.sleep(0.01)
    print("rescheduled block finished, expired:", scope.expired())

    # shield() keeps the inner task running when the waiter times out.
    inner = asyncio.create_task(asyncio.sleep(0.1, "inner result"))
    try:
        await asyncio.wait_for(asyncio.shield(inner), timeout=0.01)
    except asyncio.TimeoutError:
        print("shielded wait timed out; inner cancelled:", inner.cancelled())
    print("inner still finishes:", await inner)
    print("asyncio.TimeoutError is TimeoutError:", asyncio.TimeoutError is TimeoutError)


asyncio.run(main())
