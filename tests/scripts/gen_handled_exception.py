# The exception being handled inside a generator or coroutine is its own:
# it survives suspension, a bare `raise` after a yield re-raises it even when
# it is the very exception its caller is handling, and while the generator
# handles none, sys.exc_info() shows the caller's.
import sys


def show(tag):
    t, v, _ = sys.exc_info()
    print(tag, t.__name__ if t else None, repr(v))


def sees_caller():
    show('gen start:')
    yield
    show('gen resumed:')


g = sees_caller()
try:
    raise KeyError('outer')
except KeyError:
    next(g)
try:
    raise ValueError('other caller')
except ValueError:
    next(g, None)
next(sees_caller(), None)


def rethrower():
    try:
        yield 'ready'
    except Exception:
        show('gen handling:')
        yield 'handled once'
        show('gen after yield:')
        raise


shared = RuntimeError('shared')
g = rethrower()
next(g)
try:
    raise shared
except RuntimeError as exc:
    print(g.throw(exc))         # the generator handles the caller's own exception
show('caller after handler:')
try:
    next(g)
except RuntimeError as e:
    print('re-raised:', e is shared)


def nested_inner():
    try:
        raise IndexError('inner')
    except IndexError:
        yield
        show('inner resumed:')


def nested_outer():
    try:
        raise LookupError('outer')
    except LookupError:
        yield from nested_inner()
        show('outer after inner:')


g = nested_outer()
next(g)
next(g, None)


def chains():
    try:
        yield
    except ZeroDivisionError:
        raise TypeError('while handling')


g = chains()
next(g)
try:
    raise OSError('caller')
except OSError:
    try:
        g.throw(ZeroDivisionError('thrown'))
    except TypeError as e:
        print('context:', repr(e.__context__))


import asyncio


async def worker(log):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log.append('cleanup')
        await asyncio.sleep(0)
        log.append('re-raising')
        raise


async def main():
    log = []
    t = asyncio.create_task(worker(log))
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        log.append('main saw the cancellation')
    print(log, t.cancelled())


asyncio.run(main())
