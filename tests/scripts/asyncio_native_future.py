# The native _asyncio.Future and Task: attributes, error messages, callback
# order, FutureIter, subclassing from Python code, the task registry.
import asyncio


def show(label, fn, *args, **kw):
    try:
        print(label, repr(fn(*args, **kw)))
    except BaseException as e:
        print(label, type(e).__name__, e)


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)

f = loop.create_future()
print(type(f), type(f).__module__, type(f).__name__, asyncio.Future is asyncio.futures.Future)
print(f._state, f._result, f._exception, f._callbacks, f._loop is loop, f._source_traceback)
print(f._asyncio_future_blocking, f._log_traceback, f._cancel_message)
show('result', f.result)
show('exception', f.exception)
show('log_tb True', setattr, f, '_log_traceback', True)
f._asyncio_future_blocking = 1
print(f._asyncio_future_blocking)
f._asyncio_future_blocking = False
show('set_exception StopIteration', f.set_exception, StopIteration())
show('set_exception int', f.set_exception, 3)
show('no loop kw', asyncio.Future, 1)
f.set_exception(ValueError)
print(f, f._state, repr(f._exception), f._log_traceback)
print(repr(f.exception()), f._log_traceback)
show('set twice', f.set_result, 1)
show('result again', f.result)

u = asyncio.Future.__new__(asyncio.Future)
show('uninit repr', repr, u)
show('uninit done', u.done)
show('uninit get_loop', u.get_loop)

# Callbacks: inline first one, then a list; removal by equality.
events = []
f = loop.create_future()
def cb(name):
    return lambda fut: events.append((name, fut.result()))
a, b, c = cb('a'), cb('b'), cb('c')
for fn in (a, b, a, c):
    f.add_done_callback(fn)
print(len(f._callbacks), f.remove_done_callback(a), len(f._callbacks), f.remove_done_callback(a))
f.add_done_callback(a, context=None)
f.set_result('r')
print(f._callbacks, events)
loop.run_until_complete(asyncio.sleep(0))
print(events)
f.add_done_callback(lambda fut: events.append('late'))
loop.run_until_complete(asyncio.sleep(0))
print(events[-1])

# cancel with a message
f = loop.create_future()
print(f.cancel('why'), f.cancel(), f.cancelled(), f._cancel_message, f)
try:
    f.result()
except asyncio.CancelledError as e:
    print('CancelledError', e.args)
show('exception of cancelled', f.exception)

# FutureIter: yields the future once, then returns its result.
f = loop.create_future()
it = f.__await__()
print(type(it).__name__, iter(it) is it, next(it) is f, f._asyncio_future_blocking)
show('next again', next, it)
f.set_result(7)
try:
    next(it)
except StopIteration as e:
    print('StopIteration', e.value)
show('exhausted', next, it)
it = f.__await__()
try:
    it.send(None)
except StopIteration as e:
    print('send StopIteration', e.value)
it = loop.create_future().__await__()
show('throw', it.throw, KeyError, 'k')
show('throw instance', it.throw, KeyError('j'))
show('throw both', it.throw, KeyError('j'), 'x')
print(it.close())


async def child(x):
    await asyncio.sleep(0)
    return x


async def main():
    t = asyncio.create_task(child(1))
    n = int(t.get_name().split('-')[1])
    t2 = loop.create_task(child(2))
    t3 = asyncio.Task(child(3))
    print([int(x.get_name().split('-')[1]) - n for x in (t2, t3)])
    t3.set_name(42)
    print(repr(t3.get_name()), hasattr(t, 'get_context'), t.get_coro().__qualname__)
    print(t._state, t._must_cancel, t._fut_waiter, hasattr(t, '_num_cancels_requested'), t._log_destroy_pending)
    print(asyncio.current_task() is asyncio.current_task(loop), t in asyncio.all_tasks(), t3 in asyncio.all_tasks())
    print(await t, await t2, await t3, t in asyncio.all_tasks())
    show('task set_exception', t.set_exception, ValueError())
    show('not a coroutine', asyncio.Task, 1)

    async def sleeper():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError as e:
            print('sleeper got', e.args, asyncio.current_task().cancelling())
            raise
    s = asyncio.create_task(sleeper(), name='sl')
    await asyncio.sleep(0)
    print(s._fut_waiter)
    print(s.cancel('stop'), s.cancel('again'), s.cancelling(), s)
    print(s.uncancel(), s.cancelling())
    try:
        await s
    except asyncio.CancelledError as e:
        print('awaited cancelled', e.args)
    print(s, s.cancel(), s.cancelled())

    # cancel before the first step
    s = asyncio.create_task(sleeper())
    print(s.cancel(), s._must_cancel)
    await asyncio.sleep(0)
    print(s.cancelled(), s._must_cancel)

    # bad yields, self-await, different loop
    class Bad:
        def __await__(self):
            yield 5
    async def bad():
        await Bad()
    r = asyncio.create_task(bad())
    try:
        await r
    except RuntimeError as e:
        print(e)

    async def me():
        await asyncio.current_task()
    r = asyncio.create_task(me(), name='self')
    try:
        await r
    except RuntimeError as e:
        print(e)

    other = asyncio.new_event_loop()
    foreign = other.create_future()
    async def wrong():
        await foreign
    r = asyncio.create_task(wrong(), name='wrong')
    try:
        await r
    except RuntimeError as e:
        print(type(e).__name__, str(e).split(' got ')[0])
    other.close()

    class Yields:
        def __await__(self):
            f = loop.create_future()
            yield f
    async def no_await():
        await Yields()
    r = asyncio.create_task(no_await(), name='yf')
    try:
        await r
    except RuntimeError as e:
        print(str(e).split(' in task ')[0])

    # done callbacks of a task run in registration order after the result
    order = []
    t = asyncio.create_task(child('x'))
    t.add_done_callback(lambda t: order.append(('first', t.result())))
    t.add_done_callback(lambda t: order.append('second'))
    await t
    await asyncio.sleep(0)
    print(order)

    # exception from a task; retrieved through await
    async def boom():
        raise KeyError('k')
    t = asyncio.create_task(boom())
    try:
        await t
    except KeyError as e:
        print('KeyError', e, t._log_traceback)
    print(t)

    print(asyncio._enter_task(loop, t) if False else 'enter/leave')
    try:
        asyncio.tasks._enter_task(loop, t)
    except RuntimeError as e:
        print(str(e).split(' while ')[0][:27])
    try:
        asyncio.tasks._leave_task(loop, t)
    except RuntimeError as e:
        print(str(e).split(' does ')[0][:12])


loop.run_until_complete(main())


# Subclasses from gilpy code: extra attributes, overridden methods.
class MyFuture(asyncio.Future):
    def __init__(self, *, loop=None, tag=''):
        super().__init__(loop=loop)
        self.tag = tag

    def set_result(self, value):
        super().set_result(('wrapped', value))


class MyTask(asyncio.Task):
    pass


mf = MyFuture(loop=loop, tag='T')
mf.set_result(1)
print(mf.tag, mf.result(), mf, isinstance(mf, asyncio.Future), type(mf).__mro__[1:])


async def use_subclasses():
    mf = MyFuture(loop=loop)
    loop.call_soon(mf.set_result, 5)
    print(await mf)
    mt = MyTask(child('sub'), loop=loop)
    mt.extra = 1
    print(await mt, mt.extra, mt)

loop.run_until_complete(use_subclasses())
loop.close()
print('Future[int]:', asyncio.Future[int])
