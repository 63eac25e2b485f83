# asyncio.TaskGroup (3.11): waits for its tasks, cancels the rest when one
# fails, raises the failures as an ExceptionGroup, and takes back the
# cancellation of its parent task.
import asyncio

log = []


async def work(name, delay, fail=None):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        log.append(f'{name} cancelled')
        raise
    if fail:
        raise fail
    log.append(f'{name} done')
    return name


async def main():
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(work('a', 0.02))
        b = tg.create_task(work('b', 0.01), name='bee')
        print(repr(tg))
    print(a.result(), b.result(), b.get_name(), repr(tg), log)
    log.clear()

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(work('slow', 1))
            tg.create_task(work('bad', 0.01, ValueError('boom')))
            await asyncio.sleep(2)
            log.append('body not interrupted')
    except ExceptionGroup as eg:
        print(type(eg).__name__, eg, eg.exceptions)
    print(log, asyncio.current_task().cancelling())
    log.clear()

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(work('x', 0.01, ValueError(1)))
            tg.create_task(work('y', 0.01, KeyError(2)))
    except ExceptionGroup as eg:
        print(sorted(map(repr, eg.exceptions)))

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(work('z', 1))
            raise RuntimeError('in body')
    except ExceptionGroup as eg:
        print(eg.exceptions, log)
    log.clear()

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(work('q', 0.01, SystemExit(3)))
            tg.create_task(work('r', 1))
    except SystemExit as e:
        print('SystemExit', e.code, log)
    log.clear()

    tg = asyncio.TaskGroup()
    for bad in (lambda: tg.create_task(work('n', 0)),):
        try:
            coro = work('n', 0)
            tg.create_task(coro)
        except RuntimeError as e:
            coro.close()
            print(e)
    async with tg:
        pass
    try:
        coro = work('late', 0)
        tg.create_task(coro)
    except RuntimeError as e:
        coro.close()
        print(e)
    try:
        async with tg:
            pass
    except RuntimeError as e:
        print(e)

    # Cancelling the parent from outside cancels the group's tasks and
    # propagates.
    async def parent():
        async with asyncio.TaskGroup() as g:
            g.create_task(work('child', 1))
            await asyncio.sleep(1)

    p = asyncio.create_task(parent())
    await asyncio.sleep(0.01)
    p.cancel()
    try:
        await p
    except asyncio.CancelledError:
        print('parent cancelled', log, p.cancelled())


asyncio.run(main())
