# The event loop's scheduling core: call_soon FIFO order and iteration
# boundaries, timer order (equal deadlines as heapq orders them), cancelled
# timer cleanup, Handle/TimerHandle API and reprs, errors in callbacks,
# KeyboardInterrupt leaving the rest of the queue, call_soon_threadsafe.
import asyncio
import threading

loop = asyncio.new_event_loop()
log = []


def cb(*args):
    log.append(args)


# Callbacks scheduled by a callback run in the next iteration.
def first():
    log.append('first')
    loop.call_soon(log.append, 'scheduled-by-first')


loop.call_soon(first)
loop.call_soon(cb, 1)
loop.call_soon(cb, 1, 2)
h3 = loop.call_soon(cb, 1, 2, 3)
print(h3._args, loop.call_soon(cb, 'one')._args, loop.call_soon(cb)._args)
loop.call_soon(loop.stop)
loop.run_forever()
print('iteration 1:', log)
log.clear()
loop.call_soon(loop.stop)
loop.run_forever()
print('iteration 2:', log)

# Timers with equal deadlines come out in heapq's order, later ones after.
log.clear()
t0 = loop.time() + 0.01
for i in range(12):
    loop.call_at(t0 + (i % 3) * 0.001, log.append, i)
loop.call_at(t0 + 0.01, loop.stop)
loop.run_forever()
print('timers:', log)

# call_later with int and float delays; when() is the deadline given.
h = loop.call_at(5, cb)
print(type(h).__name__, h.when(), repr(h).startswith('<TimerHandle when=5 cb() at '))
print(h.cancelled(), h.cancel(), h.cancelled(), repr(h))
h2 = loop.call_later(0, cb, 'x', 2)
print(isinstance(h2.when(), float), h2._args, h2._callback is cb)
h2.cancel()
print(repr(h2).startswith('<TimerHandle cancelled when='))

# Many cancelled timers: dropped when they are over half of over 100.
hs = [loop.call_later(100 + i, cb) for i in range(150)]
print('cancelled count before:', loop._timer_cancelled_count)
for x in hs[:120]:
    x.cancel()
print('cancelled count after cancel:', loop._timer_cancelled_count)
loop.call_soon(loop.stop)
loop.run_forever()
print('cancelled count after iteration:', loop._timer_cancelled_count)
print('scheduled flags:', hs[0]._scheduled, hs[149]._scheduled)
for x in hs:
    x.cancel()

# Handle API and reprs.
h = asyncio.Handle(cb, (1, 'a'), loop)
print(repr(h).startswith('<Handle cb(1, \'a\') at '), h.cancelled())
h._run()
print(log[-1])
h.cancel()
print(repr(h), h._callback, h._args)
print(repr(asyncio.Handle(print, (), loop)))
print(repr(asyncio.Handle(len, ([1],), loop)))
a = asyncio.TimerHandle(1.5, cb, (), loop)
b = asyncio.TimerHandle(2.5, cb, (), loop)
c = asyncio.TimerHandle(1.5, cb, (), loop)
print(a < b, a <= b, a > b, a >= b, a == c, a != c, a == b, hash(a) == hash(1.5))
print(a.__eq__(1), sorted([b, a])[0] is a)
print(isinstance(a, asyncio.Handle), asyncio.TimerHandle.__mro__[1].__name__)
import weakref
print(weakref.ref(a)() is a, weakref.ref(h)() is h)
print(asyncio.Handle.__module__, asyncio.TimerHandle.__qualname__)


class MyHandle(asyncio.Handle):
    def __init__(self, cb):
        super().__init__(cb, ('sub',), loop)
        self.extra = 1

    def _run(self):
        log.append('MyHandle._run')
        super()._run()


mh = MyHandle(cb)
print(repr(mh).startswith('<MyHandle cb('), mh.extra)


# Exceptions in callbacks go to the exception handler with the handle.
def handler(lp, context):
    print('handler:', context['message'].split(' at ')[0], repr(context['exception']),
          type(context['handle']).__name__, sorted(context))


def bad(x):
    raise ValueError(x)


loop.set_exception_handler(handler)
loop.call_soon(bad, 'boom')
loop.call_later(0, bad, 'late')
loop.call_later(0.001, loop.stop)
loop.run_forever()
loop.set_exception_handler(None)

# KeyboardInterrupt escapes run_forever; the callbacks after it stay queued.
log.clear()


def interrupt():
    raise KeyboardInterrupt


loop.call_soon(cb, 'before')
loop.call_soon(interrupt)
loop.call_soon(cb, 'after')
try:
    loop.run_forever()
except KeyboardInterrupt:
    print('KeyboardInterrupt; ran', log)
loop.call_soon(loop.stop)
loop.run_forever()
print('then ran', log)

# call_soon_threadsafe wakes a loop blocked in its wait.
log.clear()


def from_thread():
    loop.call_soon_threadsafe(cb, 'threadsafe')
    loop.call_soon_threadsafe(loop.stop)


loop.call_later(0.01, lambda: threading.Thread(target=from_thread).start())
loop.run_forever()
print(log)

# Argument errors are worded as CPython's.
for call in [lambda: loop.call_later(None, cb), lambda: loop.call_at(None, cb),
             lambda: loop.call_soon(), lambda: loop.call_later(1),
             lambda: loop.call_soon(cb, spam=1), lambda: loop.call_at(1, cb, when=2)]:
    try:
        call()
    except TypeError as e:
        print('TypeError:', e)
print(loop.call_soon(callback=cb)._callback is cb)
print(loop.call_later(delay=1, callback=cb, context=None)._callback is cb)


# A loop subclass's own clock is used by call_later.
class Clock(asyncio.BaseEventLoop):
    def time(self):
        return 1000


cl = Clock()
print(cl.call_later(5, cb).when(), cl.time())
cl.close()

# The default loop and policy classes; a subclass's call_soon and _run_once
# are used by the loop itself and by futures and tasks.
calls = []


class CountingLoop(asyncio.SelectorEventLoop):
    def call_soon(self, callback, *args, context=None):
        name = getattr(callback, '__qualname__', type(callback).__name__)
        calls.append('task' if name.startswith('Task') else name)
        return super().call_soon(callback, *args, context=context)

    def _run_once(self):
        calls.append('iter')
        super()._run_once()


async def counted():
    lp = asyncio.get_running_loop()
    f = lp.create_future()
    f.add_done_callback(lambda f: calls.append('done-cb'))
    lp.call_soon(f.set_result, 1)
    await f
    return await asyncio.create_task(asyncio.sleep(0, 5))


cl = CountingLoop()
print(repr(cl).split()[0], type(asyncio.new_event_loop()).__name__,
      type(asyncio.get_event_loop_policy()).__name__)
print(cl.run_until_complete(counted()), calls)

# Readers: called when the fd is readable; removing one cancels its handle.
import socket
a, b = socket.socketpair()
got = []
cl.add_reader(a, lambda: got.append(a.recv(10)))
b.send(b'hi')
cl.call_later(0.05, cl.stop)
cl.run_forever()
print(got, cl.remove_reader(a), cl.remove_reader(a))
h = cl._add_writer(b.fileno(), got.append, 'writable')
cl.add_writer(b.fileno(), got.append, 'replaced')
print(h.cancelled())
cl.call_later(0.01, cl.stop)
cl.run_forever()
print(got[-1], cl.remove_writer(b))
a.close()
b.close()
cl.close()

loop.close()
print(loop.is_closed())
for call in [lambda: loop.call_soon(cb), lambda: loop.call_later(1, cb),
             lambda: loop.call_at(1, cb), lambda: loop.call_soon_threadsafe(cb)]:
    try:
        call()
    except RuntimeError as e:
        print('RuntimeError:', e)
