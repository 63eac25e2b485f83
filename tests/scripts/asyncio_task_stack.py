# Task.get_stack/print_stack, coroutine and generator frames, and the
# traceback module's stack functions.
import asyncio
import sys
import traceback


async def worker():
    await asyncio.sleep(10)


async def nested():
    await worker()


async def bad():
    raise ValueError("x")


def show(frames):
    return [(f.f_code.co_name, f.f_lineno, f.f_back) for f in frames]


async def main():
    t = asyncio.create_task(worker(), name="w")
    n = asyncio.create_task(nested(), name="n")
    b = asyncio.create_task(bad(), name="b")
    await asyncio.sleep(0)
    print(show(t.get_stack()), show(n.get_stack()), len(n.get_stack(limit=0)))
    t.print_stack(file=sys.stdout)
    n.print_stack(file=sys.stdout)
    b.print_stack(file=sys.stdout)
    b.print_stack(limit=0, file=sys.stdout)
    me = asyncio.current_task()
    print([f.f_code.co_name for f in me.get_stack()][-1:])
    t.cancel()
    n.cancel()
    await asyncio.sleep(0)
    print(t.get_stack(), t.cancelled())
    b.exception()


asyncio.run(main())

c = worker()
print(c.cr_frame.f_code.co_name, c.cr_frame.f_lineno, c.cr_frame.f_back, c.cr_frame.f_globals is globals())
c.close()
print(c.cr_frame)


def gen():
    yield sys._getframe().f_back.f_code.co_name
    yield it.gi_frame.f_back.f_code.co_name


it = gen()
print(it.gi_frame.f_lineno, next(it), it.gi_frame.f_lineno, next(it), it.gi_frame.f_back)
list(it)
print(it.gi_frame)


def a():
    b()


def b():
    traceback.print_stack(file=sys.stdout)
    print(traceback.format_stack(limit=2))
    print([tuple(x) for x in traceback.extract_stack()])
    print([(f.f_code.co_name, n) for f, n in traceback.walk_stack(None)])
    s = traceback.StackSummary.extract(traceback.walk_stack(sys._getframe()), limit=-1)
    print(s, [tuple(x) for x in s])
    print(traceback.extract_stack(limit=1)[0].name)


a()
