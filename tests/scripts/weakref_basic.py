# weakref.ref: calling, callbacks, equality, hashing, reprs, errors, and
# which objects can be weakly referenced.
import gc
import weakref


class Foo:
    pass


def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


o = Foo()
r = weakref.ref(o)
print(r() is o, weakref.ref(o) is r, type(r) is weakref.ReferenceType)
print(weakref.getweakrefcount(o), weakref.getweakrefs(o) == [r])
print(repr(r).startswith("<weakref at 0x"), "; to 'Foo' at 0x" in repr(r))


def f():
    pass


rf = weakref.ref(f)
print(repr(rf).endswith("(f)>"), "to 'function'" in repr(rf))

# callbacks: with one, ref() makes a new reference each time
calls = []
r1 = weakref.ref(o, lambda w: calls.append(("cb1", w is r1, w())))
r2 = weakref.ref(o, lambda w: calls.append(("cb2", w is r2, w())))
print(r1 is not r2, r1 == r2, hash(r1) == hash(r2) == hash(o))
print(weakref.getweakrefcount(o), weakref.getweakrefs(o) == [r, r2, r1])
print(r1.__callback__ is not None, r.__callback__)
del o
gc.collect()
print(calls)
print(r(), r1(), r2(), r1.__callback__)
print(repr(r).endswith("; dead>"))
print(hash(r1) == hash(r2))  # cached while alive
o2 = Foo()
rd = weakref.ref(o2)
del o2
gc.collect()
show("hash dead", lambda: hash(rd))

# equality: alive refs compare their referents, dead ones identity
a, b = Foo(), Foo()
ra, rb = weakref.ref(a), weakref.ref(b)
print(ra == weakref.ref(a), ra == rb, ra != rb, ra == 3, ra != 3)
show("order", lambda: ra < rb)
del a
gc.collect()
print(ra == ra, ra == rb, ra != rb)


class Eq:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return self.v == other.v

    def __hash__(self):
        return hash(self.v)


e1, e2 = Eq(1), Eq(1)
print(weakref.ref(e1) == weakref.ref(e2), hash(weakref.ref(e1)) == hash(1))

# what can and cannot be weakly referenced


class I(int):
    pass


class S(str):
    pass


class T(tuple):
    pass


class Fl(float):
    pass


class L(list):
    pass


class Sl:
    __slots__ = ('a',)


class Sw:
    __slots__ = ('a', '__weakref__')


class Sub(Sl):
    pass


class Sub2(Sl):
    __slots__ = ()


class E(Exception):
    pass


def gen():
    yield 1


for v in [1, None, "s", (1,), b"x", 1.0, [], {}, set(), frozenset(), Foo, Foo(), len, f,
          I(1), S("a"), T(), Fl(1.0), L(), Sl(), Sw(), Sub(), Sub2(), object(), True,
          range(3), gen(), Foo().__init__, property(), weakref, Ellipsis, 2 ** 70, E(),
          rf, f.__code__]:
    try:
        weakref.ref(v)
        print(type(v).__name__, "ok")
    except TypeError as e:
        print(e)

# argument errors
show("no args", lambda: weakref.ref())
show("3 args", lambda: weakref.ref(f, None, 1))
show("kw", lambda: weakref.ref(f, callback=None))
show("call arg", lambda: rf(1))
show("call kw", lambda: rf(x=1))
show("count", lambda: weakref.getweakrefcount(1))
show("refs", lambda: weakref.getweakrefs(1))
print(weakref.ref, weakref.ref.__name__, weakref.ref.__module__)

# a callback that raises is reported and ignored


def bad(w):
    raise ValueError("boom")


o3 = Foo()
r3 = weakref.ref(o3, bad)
del o3
gc.collect()
print("after bad callback", r3())

# subclass of ref with extra attributes


class MyRef(weakref.ref):
    def __init__(self, ob, callback=None, tag=None):
        super().__init__(ob, callback)
        self.tag = tag

    def __new__(cls, ob, callback=None, tag=None):
        return super().__new__(cls, ob, callback)


o4 = Foo()
m = MyRef(o4, None, "t")
print(type(m).__name__, m.tag, m() is o4, isinstance(m, weakref.ref))
print(weakref.getweakrefcount(o4))
del o4
gc.collect()
print(m())

# __weakref__ is the first reference; ref[...] is a generic alias
o5 = Foo()
print(o5.__weakref__)
r5 = weakref.ref(o5, print)
r6 = weakref.ref(o5)
print(o5.__weakref__ is r6, weakref.ref[int], weakref.ref[Foo].__origin__ is weakref.ref)
s = Sw()
print(s.__weakref__, weakref.ref(s) is s.__weakref__)
r5 = None

# asyncio's native Future and Task can be weakly referenced, as in CPython
import asyncio


async def weak_task():
    t = asyncio.current_task()
    fut = asyncio.get_running_loop().create_future()
    print(weakref.ref(t)() is t, weakref.ref(fut)() is fut, t in weakref.WeakSet([t]))


asyncio.run(weak_task())
