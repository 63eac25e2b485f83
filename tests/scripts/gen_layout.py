# What a generator derives from its code and frame instead of storing it:
# names (until set), gi_code after closing, the state flags, and a
# suspended frame's locals, cells, value stack and handler blocks.
import asyncio
import gc
import sys


def counter(n):
    yield n


# __name__/__qualname__ come from the function at creation time, not later.
g = counter(1)
print(g.__name__, g.__qualname__)
counter.__name__ = 'renamed'
counter.__qualname__ = 'Renamed.q'
print(g.__name__, g.__qualname__)
h = counter(2)
print(h.__name__, h.__qualname__, repr(h).split(' at ')[0])
h.__name__ = 'n2'
print(h.__name__, h.__qualname__)
h.__qualname__ = 'Q2'
print(h.__name__, h.__qualname__, repr(h).split(' at ')[0])
for bad in (None, 3):
    for attr in ('__name__', '__qualname__'):
        try:
            setattr(h, attr, bad)
        except TypeError as e:
            print(type(e).__name__, e)
print(h.__name__, h.__qualname__)


class K:
    def meth(self):
        yield 1

    async def coro(self):
        return 1

    async def agen(self):
        yield 1


k = K()
m, c, a = k.meth(), k.coro(), k.agen()
for o in (m, c, a):
    print(type(o).__name__, o.__name__, o.__qualname__, repr(o).split(' at ')[0])
c.close()
a.__qualname__ = 'AG'
print(a.__name__, a.__qualname__)


# The code stays reachable after the generator finished and its frame died.
def finished():
    x = [1, 2, 3]
    yield x


g = finished()
print(next(g))
g.close()
del finished
gc.collect()
print(g.gi_code.co_name, g.gi_running, g.gi_suspended, g.gi_frame, g.gi_yieldfrom)


# State flags as seen from inside and outside.
def watcher():
    me = yield
    print('running inside:', me.gi_running, me.gi_suspended)
    yield 'x'


w = watcher()
print('created:', w.gi_running, w.gi_suspended)
next(w)
print('suspended:', w.gi_running, w.gi_suspended)
print(w.send(w))
w.close()
print('closed:', w.gi_running, w.gi_suspended)
try:
    next(w)
except StopIteration:
    print('StopIteration after close')


# A suspended frame keeps its locals, cells, deep value stack and blocks.
def nested(n):
    total = 0
    cell = []

    def add(v):
        cell.append(v)

    for i in range(n):
        try:
            with open(__file__) as f:
                try:
                    add(i)
                    total += (yield (i, len(cell), f.closed))
                finally:
                    add(-i)
        except ZeroDivisionError:
            total += 1000
    return total, cell


g = nested(3)
print(next(g))
print(g.send(10))
print(g.throw(ZeroDivisionError))
try:
    g.send(5)
except StopIteration as e:
    print('returned', e.value)


def deep():
    # the yield sits deep in the value stack
    return [1, 2, [3, (4, {5: (yield 'deep')})]]


d = deep()
print(next(d))
try:
    d.send('v')
except StopIteration as e:
    print(e.value)


# Generators that hold many locals and a big stack across yields.
def many_locals():
    a0, a1, a2, a3, a4, a5, a6, a7, a8, a9 = range(10)
    yield a0 + a9
    b = [a0, a1, a2, a3, a4, a5, a6, a7, a8, a9]
    yield sum(b) + (yield len(b))


ml = many_locals()
print(next(ml), next(ml), ml.send(100))


# Cells of a generator frame are shared with closures made inside it.
def make_closures():
    v = 1

    def get():
        return v

    yield get
    v = 2
    yield get


mc = make_closures()
f1 = next(mc)
print(f1())
f2 = next(mc)
print(f1(), f2())


# yield from and await delegate to the top of the suspended frame's stack.
def inner():
    try:
        yield 1
        yield 2
    finally:
        print('inner finally')


def outer():
    r = yield from inner()
    return r


o = outer()
print(next(o), o.gi_yieldfrom.__name__)
o.close()
print(o.gi_yieldfrom)


# Async generators: the finalizer hook slot lives after the frame.
finalized = []


def firstiter(agen):
    print('firstiter', agen.__qualname__)


def finalizer(agen):
    finalized.append(agen.__name__)


async def ticker(n):
    try:
        for i in range(n):
            yield i
    finally:
        print('ticker finally')


async def use_agen():
    sys.set_asyncgen_hooks(firstiter=firstiter, finalizer=finalizer)
    try:
        t = ticker(5)
        print(await t.__anext__(), t.ag_running)
        del t
        gc.collect()
        print('finalized', finalized)
        t2 = ticker(2)
        print([i async for i in t2])
        print(t2.ag_running, t2.ag_await, t2.ag_code.co_name)
    finally:
        sys.set_asyncgen_hooks(None, None)


asyncio.run(use_agen())


# A coroutine suspended in an await, and its frame's stack.
async def leaf():
    await asyncio.sleep(0)
    return 'leaf'


async def mid():
    x = 'keep'
    r = await leaf()
    return x + r


async def top():
    t = asyncio.ensure_future(mid())
    await asyncio.sleep(0)
    coro = t.get_coro()
    print(coro.cr_running, coro.cr_suspended, coro.cr_await.__qualname__, coro.cr_code.co_name)
    print(await t)
    print(coro.cr_suspended, coro.cr_await)


asyncio.run(top())
