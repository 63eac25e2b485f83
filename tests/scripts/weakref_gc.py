# Weak references and the collector: cycles, callback order, references
# that die with their referent, __del__ and resurrection (CPython's cyclic
# collector rules: weak references are cleared before __del__ runs).
import gc
import weakref

log = []


class Node:
    def __init__(self, name):
        self.name = name
        self.other = None

    def __repr__(self):
        return "Node(%s)" % self.name


# a cycle is freed by the collector; the callbacks run newest first
a, b = Node("a"), Node("b")
a.other, b.other = b, a
ra = weakref.ref(a, lambda w: log.append("cb a1"))
ra2 = weakref.ref(a, lambda w: log.append("cb a2"))
plain = weakref.ref(a)
del a, b
print(ra() is not None, log)
gc.collect()
print(ra(), ra2(), plain(), log)
log.clear()

# a weak reference that is garbage together with its referent (in a cycle)
# never calls back
c = Node("c")
c.other = c
c.self_ref = weakref.ref(c, lambda w: log.append("never"))
watch = weakref.ref(c, lambda w: log.append("watched"))
del c
gc.collect()
print(log, watch())
log.clear()

# a callback may keep the object alive through nothing: the referent is gone
holder = []
d = Node("d")
rd = weakref.ref(d, lambda w: holder.append(w()))
del d
gc.collect()
print(holder)

# __del__ in a cycle: weak references are already dead when it runs


class WithDel:
    def __init__(self, name):
        self.name = name
        self.cycle = self

    def __del__(self):
        log.append(("__del__", self.name, wr() is None))


x = WithDel("x")
wr = weakref.ref(x, lambda w: log.append("cb x"))
del x
gc.collect()
gc.collect()
print(log)
log.clear()

# resurrection in __del__: the old reference stays dead, a new one works
saved = []


class Phoenix:
    def __init__(self):
        self.cycle = self

    def __del__(self):
        saved.append(self)


p = Phoenix()
rp = weakref.ref(p, lambda w: log.append("cb phoenix"))
del p
gc.collect()
print(rp(), len(saved), log)
again = weakref.ref(saved[0])
print(again() is saved[0], weakref.getweakrefcount(saved[0]))
log.clear()

# a callback that makes a new weak reference and creates garbage
out = []


def chain(w):
    n = Node("tmp")
    out.append(weakref.ref(n, lambda w2: out.append("inner")))


e = Node("e")
re = weakref.ref(e, chain)
del e
gc.collect()
gc.collect()
print(out[1:], out[0]())

# weak references to classes and functions


def make():
    class Local:
        pass

    def fn():
        pass
    return Local, fn


L, fn = make()
rl, rfn = weakref.ref(L), weakref.ref(fn)
print(rl() is L, rfn() is fn)
del L, fn
gc.collect()
print(rl(), rfn())

# many objects
objs = [Node(str(i)) for i in range(1000)]
refs = [weakref.ref(o) for o in objs]
del objs[::2]
gc.collect()
print(sum(r() is None for r in refs), sum(r() is not None for r in refs))
objs.clear()
gc.collect()
print(sum(r() is None for r in refs))
