# Reprs of Futures (abbreviated results), Tasks waiting on futures, handles.
import asyncio
async def child(fut):
    await fut
async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    t = asyncio.create_task(child(fut), name='kid')
    await asyncio.sleep(0)
    print(t)
    print(fut)
    def cb(f): pass
    fut.add_done_callback(cb)
    print(fut)
    fut.set_result([1] * 20)
    print(fut)
    await t
    print(t)
    h = loop.call_later(10, cb, 1)
    print(h.cancelled())
    h2 = loop.call_soon(cb, 2)
    print(h2)
    h2.cancel()
    print(h2)
asyncio.run(main())
for v in ([1]*20, [1,2], (1,), (1,2,3,4,5,6,7), {'a': 1, 'b': 2, 'c': 3, 'd': 4, 'e': 5}, 'x'*50, 'short', 10**50, {3,1,2}, {1: [1]*10}, None, 3.5, [[[[[[[[1]]]]]]]], object):
    f = asyncio.Future(loop=asyncio.new_event_loop())
    f.set_result(v)
    print(f)
