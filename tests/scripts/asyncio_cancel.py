# Cancellation: cancel(msg), gather children, wait_for timeouts, shield.
import asyncio


async def sleeper(name, d):
    try:
        await asyncio.sleep(d)
        print(name, 'woke')
        return name
    except asyncio.CancelledError as e:
        print(name, 'cancelled', e.args)
        raise


async def main():
    t = asyncio.create_task(sleeper('a', 10))
    await asyncio.sleep(0)
    print(t.cancel('stop it'), t.cancelling())
    try:
        await t
    except asyncio.CancelledError as e:
        print('caught', type(e).__name__, e.args)
    print(t.cancelled(), t.done(), t.cancel())

    # Cancelling gather cancels the children.
    g = asyncio.gather(sleeper('g1', 10), sleeper('g2', 10))
    await asyncio.sleep(0.01)
    g.cancel()
    try:
        await g
    except asyncio.CancelledError:
        print('gather cancelled')

    # A child exception propagates; the siblings keep running.
    async def boom():
        await asyncio.sleep(0.01)
        raise ValueError('boom')
    s = asyncio.create_task(sleeper('sib', 0.03))
    try:
        await asyncio.gather(boom(), s)
    except ValueError as e:
        print('gather raised', e)
    print(await s)

    print(await asyncio.gather(boom(), sleeper('ok', 0.02), return_exceptions=True))

    # wait_for
    try:
        await asyncio.wait_for(sleeper('wf', 1), timeout=0.01)
    except asyncio.TimeoutError:
        print('timeout', asyncio.TimeoutError is TimeoutError)
    print(await asyncio.wait_for(sleeper('wf2', 0.01), timeout=1))
    print(await asyncio.wait_for(sleeper('wf3', 0.01), timeout=None))

    # shield
    inner = asyncio.create_task(sleeper('shielded', 0.03))
    outer = asyncio.shield(inner)
    await asyncio.sleep(0.01)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print('outer cancelled; inner cancelled?', inner.cancelled())
    print(await inner)

    # timeout context manager
    try:
        async with asyncio.timeout(0.01) as cm:
            await asyncio.sleep(1)
    except TimeoutError:
        print('timeout cm expired', cm.expired())
    async with asyncio.timeout(1) as cm:
        await asyncio.sleep(0.001)
    print('in time', cm.expired())

    # cancel a task that catches cancellation and finishes
    async def stubborn():
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            return 'ignored'
    t = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    t.cancel()
    print(await t, t.cancelled())


asyncio.run(main())
