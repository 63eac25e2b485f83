# sys.set_asyncgen_hooks / get_asyncgen_hooks: firstiter is called on the
# first __anext__/asend/athrow/aclose, and finalizer (instead of closing)
# when an unfinished async generator that was first iterated with the hook
# set is collected.  Driven by hand, without an event loop.
import gc
import sys
import threading

events = []


def firstiter(agen):
    events.append(("firstiter", agen.__qualname__))


def finalizer(agen):
    events.append(("finalizer", agen.__qualname__))
    step = agen.aclose()   # what an event loop's finalizer schedules
    try:
        step.send(None)
    except StopIteration:
        events.append("closed by finalizer")


async def counter(name):
    try:
        yield 1
        yield 2
    finally:
        events.append(("finally", name))


def step(aw):
    try:
        aw.send(None)
    except StopIteration as e:
        return e.value


h = sys.get_asyncgen_hooks()
print(h, type(h).__name__, h.firstiter, h.finalizer, len(h), tuple(h))

sys.set_asyncgen_hooks(firstiter=firstiter, finalizer=finalizer)
h = sys.get_asyncgen_hooks()
print(h.firstiter is firstiter, h[1] is finalizer, h == (firstiter, finalizer))

g = counter("g")
print(events)
print(step(g.__anext__()), events)
print(step(g.asend(None)), events)
del g
gc.collect()
print(events)
events.clear()

# each method counts as the first iteration; firstiter runs once
for method in ("asend", "athrow", "aclose"):
    g = counter(method)
    if method == "asend":
        aw = g.asend(None)
    elif method == "athrow":
        aw = g.athrow(ValueError)
    else:
        aw = g.aclose()
    g.__anext__()
    print(method, events)
    events.clear()
    del aw, g
    gc.collect()
print(events)

# a finished generator is not handed to the finalizer
g = counter("done")
step(g.__anext__())
step(g.__anext__())
try:
    step(g.__anext__())
except StopAsyncIteration:
    print("exhausted")
events.clear()
del g
gc.collect()
print(events)

# the finalizer in force at the first iteration is the one used
g = counter("old")
step(g.__anext__())


def other_finalizer(agen):
    events.append("other finalizer")


sys.set_asyncgen_hooks(finalizer=other_finalizer)
print(sys.get_asyncgen_hooks().firstiter is firstiter)
events.clear()
del g
gc.collect()
print(events)
events.clear()

# without hooks an abandoned generator is closed: its finally runs
sys.set_asyncgen_hooks(firstiter=None, finalizer=None)
print(sys.get_asyncgen_hooks())
g = counter("nohooks")
step(g.__anext__())
del g
gc.collect()
print(events)
events.clear()

# firstiter errors propagate from __anext__


def bad_firstiter(agen):
    raise RuntimeError("firstiter failed")


sys.set_asyncgen_hooks(firstiter=bad_firstiter)
g = counter("bad")
try:
    g.__anext__()
except RuntimeError as e:
    print("RuntimeError", e)
print(step(g.__anext__()))   # hooks are consulted once only
sys.set_asyncgen_hooks(firstiter=None)
g = None
gc.collect()
events.clear()

# argument checking
for kwargs in ({"firstiter": 1}, {"finalizer": "x"}, {"firstiter": 1, "finalizer": finalizer}):
    try:
        sys.set_asyncgen_hooks(**kwargs)
    except TypeError as e:
        print("TypeError", e)
print(sys.get_asyncgen_hooks().finalizer is finalizer)
try:
    sys.set_asyncgen_hooks(1, 2, 3)
except TypeError as e:
    print("TypeError", e)

# the hooks are per thread
seen = []
t = threading.Thread(target=lambda: seen.append(sys.get_asyncgen_hooks()))
t.start()
t.join()
print(seen)


def set_in_thread():
    sys.set_asyncgen_hooks(firstiter=firstiter)
    seen.append(sys.get_asyncgen_hooks().firstiter is firstiter)


t = threading.Thread(target=set_in_thread)
t.start()
t.join()
print(seen[1], sys.get_asyncgen_hooks().firstiter)
sys.set_asyncgen_hooks(None, None)
