# Future outside a loop, callbacks, reprs, exceptions and task errors.
import asyncio

f = asyncio.Future()
print(type(f), f.done(), f.cancelled())
try:
    f.result()
except asyncio.InvalidStateError as e:
    print('InvalidStateError', e)
f.set_result(42)
print(f.result(), f.exception(), f)
try:
    f.set_result(1)
except asyncio.InvalidStateError as e:
    print('InvalidStateError', e)
f2 = asyncio.Future()
f2.set_exception(ValueError('bad'))
print(repr(f2.exception()), f2)
f3 = asyncio.Future()
print(f3.cancel(), f3.cancelled(), f3)
try:
    f3.result()
except asyncio.CancelledError:
    print('CancelledError from result()')
print(asyncio.isfuture(f), asyncio.isfuture(1))
print(issubclass(asyncio.CancelledError, BaseException), issubclass(asyncio.CancelledError, Exception))
print(asyncio.exceptions.CancelledError is asyncio.CancelledError)


async def coro():
    return 1


def plain():
    pass


print(asyncio.iscoroutinefunction(coro), asyncio.iscoroutinefunction(plain))
c = coro()
print(asyncio.iscoroutine(c), asyncio.iscoroutine(plain))
c.close()


async def setter(fut, v):
    await asyncio.sleep(0.01)
    fut.set_result(v)


async def raise_error():
    raise KeyError('k')


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.add_done_callback(lambda f: print('callback 1', f.result()))

    def cb2(f):
        print('callback 2')
    fut.add_done_callback(cb2)
    fut.add_done_callback(print)
    print(fut.remove_done_callback(print))
    asyncio.create_task(setter(fut, 'value'))
    print(await fut)
    await asyncio.sleep(0)

    t = asyncio.create_task(raise_error(), name='failing')
    print(t)
    await asyncio.sleep(0)
    print(t.done(), repr(t.exception()))
    print(t)
    try:
        await t
    except KeyError as e:
        print('KeyError', e)
    t.set_name('renamed')
    print(t.get_name(), t.get_coro().__qualname__)
    try:
        t.set_result(1)
    except RuntimeError as e:
        print(e)

    async def sleepy():
        await asyncio.sleep(1)
    t2 = asyncio.create_task(sleepy())
    await asyncio.sleep(0)
    print(t2)
    t2.cancel()
    print(t2)
    await asyncio.sleep(0)
    print(t2)
    try:
        asyncio.create_task(42)
    except TypeError as e:
        print(e)

asyncio.run(main())
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print(e)
