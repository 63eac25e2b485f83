# except* inside functions, generators, coroutines and asyncio.TaskGroup.
import asyncio
import sys


def gen():
    """A generator that yields inside an except* clause."""
    try:
        yield "body"
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        yield "in V clause: " + repr(sys.exception())
        yield "still: " + repr(e)
    except* TypeError as e:
        yield "in T clause: " + repr(e)
    yield "after: " + repr(sys.exception())


for v in gen():
    print(v)
    print("  caller sees:", sys.exception())


def gen_reraise():
    try:
        yield 1
    except* KeyError:
        yield "handled"
        raise


g = gen_reraise()
print(next(g))
print(g.throw(KeyError("thrown")))
try:
    next(g)
except ExceptionGroup as e:
    print("generator re-raised", repr(e))


def gen_close():
    try:
        yield 1
    except* GeneratorExit:
        print("GeneratorExit as", repr(sys.exception()))
        raise


g = gen_close()
next(g)
try:
    g.close()
except BaseException as e:
    print("close:", type(e).__name__, repr(e))


# recursion through except* clauses
def depth(n):
    try:
        if n == 0:
            raise ExceptionGroup("bottom", [ValueError(0)])
        depth(n - 1)
    except* ValueError as e:
        if n < 3:
            raise
        print("caught at", n, repr(e))


depth(5)


async def failing(name, delay, exc):
    await asyncio.sleep(delay)
    raise exc


async def ok(name, delay):
    await asyncio.sleep(delay)
    return name


async def coro_clauses():
    try:
        await failing("a", 0, ExceptionGroup("eg", [ValueError("a"), KeyError("b")]))
    except* ValueError as e:
        print("coroutine V:", repr(e))
        await asyncio.sleep(0)
        print("  after await, sys.exception():", repr(sys.exception()))
    except* KeyError as e:
        print("coroutine K:", repr(e))


async def taskgroups():
    # two failures in a TaskGroup, handled per type
    try:
        async with asyncio.TaskGroup() as tg:
            t1 = tg.create_task(ok("fine", 0))
            tg.create_task(failing("v", 0, ValueError("bad value")))
            tg.create_task(failing("t", 0, TypeError("bad type")))
    except* ValueError as eg:
        print("TaskGroup V:", [repr(e) for e in eg.exceptions])
    except* TypeError as eg:
        print("TaskGroup T:", [repr(e) for e in eg.exceptions])
    print("fine task result:", t1.result())

    # a failure cancels the siblings; the cancelled ones are not in the group
    cancelled = []

    async def slow():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            cancelled.append("slow")
            raise

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(slow())
            tg.create_task(failing("k", 0.01, KeyError("boom")))
    except* KeyError as eg:
        print("TaskGroup K:", repr(eg), "cancelled:", cancelled)

    # unhandled parts go on to an outer handler
    try:
        try:
            async with asyncio.TaskGroup() as tg:
                tg.create_task(failing("v", 0, ValueError(1)))
                tg.create_task(failing("o", 0, OSError(2)))
        except* ValueError:
            print("inner took ValueError")
    except* OSError as eg:
        print("outer took", repr(eg))

    # a handler that raises while handling a TaskGroup failure
    try:
        try:
            async with asyncio.TaskGroup() as tg:
                tg.create_task(failing("v", 0, ValueError(1)))
        except* ValueError as eg:
            raise RuntimeError("translated") from eg
    except RuntimeError as r:
        print("translated:", repr(r), "cause:", repr(r.__cause__))

    await coro_clauses()


asyncio.run(taskgroups())
print("sys.exception() at the end:", sys.exception())


# the clause's name as a closure cell, in a class body, deleted by the clause
def closure():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError as e:
        def get():
            return e
        print("closure sees:", repr(get()))
    try:
        get()
    except NameError as n:
        print("NameError:", n)


closure()


class Body:
    try:
        raise ExceptionGroup("eg", [ValueError(1), KeyError(2)])
    except* ValueError as e:
        v = repr(e)
    except* KeyError as k:
        k_seen = repr(k)


print("class body:", Body.v, Body.k_seen, hasattr(Body, "e"), hasattr(Body, "k"))

try:
    raise ExceptionGroup("eg", [ValueError(1)])
except* ValueError as e:
    del e
print("deleting the name in the clause is fine")


async def agen():
    try:
        yield "first"
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError as e:
        yield "async generator clause: " + repr(e)


async def consume():
    async for v in agen():
        print(v)


asyncio.run(consume())
