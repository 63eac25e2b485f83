# Interleaving of many tasks, call_soon/call_later ordering, sleep(0) round robin.
import asyncio


async def worker(name, n, log):
    for i in range(n):
        log.append(f'{name}{i}')
        await asyncio.sleep(0)
    return name


async def main():
    log = []
    tasks = [asyncio.create_task(worker(c, 3, log)) for c in 'abc']
    print(await asyncio.gather(*tasks))
    print(' '.join(log))
    loop = asyncio.get_running_loop()
    order = []
    loop.call_soon(order.append, 1)
    loop.call_later(0.02, order.append, 'late')
    loop.call_later(0.01, order.append, 'early')
    loop.call_soon(order.append, 2)
    h = loop.call_soon(order.append, 'cancelled')
    h.cancel()
    loop.call_at(loop.time() + 0.015, order.append, 'mid')
    await asyncio.sleep(0.05)
    print(order)
    print(h.cancelled(), isinstance(h, asyncio.Handle))

    async def chatty(name, delay):
        print('start', name)
        await asyncio.sleep(delay)
        print('end', name)
        return delay

    res = await asyncio.gather(chatty('x', 0.03), chatty('y', 0.01), chatty('z', 0.02))
    print(res)
    print(await asyncio.sleep(0.001, result='slept'))
    t = asyncio.current_task()
    print(t.get_name(), type(t).__name__)
    print(len(asyncio.all_tasks()))


asyncio.run(main())


async def nested():
    return 'nested'

loop = asyncio.new_event_loop()
print(loop.run_until_complete(nested()))
print(loop.is_running(), loop.is_closed())
loop.close()
print(loop.is_closed())
c = nested()
try:
    loop.run_until_complete(c)
except RuntimeError as e:
    print('RuntimeError', e)
c.close()
