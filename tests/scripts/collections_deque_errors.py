# collections.deque: error paths and their messages, and mutation of a
# deque while it is iterated or compared (RuntimeError, never a crash).
from collections import deque


def t(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, type(e).__name__, e)
    else:
        print(label, "->", r)


d = deque([1, 2, 3])
t("pop empty", lambda: deque().pop())
t("popleft empty", lambda: deque().popleft())
t("index past", lambda: d[3])
t("index neg", lambda: d[-4])
t("index empty", lambda: deque()[0])
t("index big", lambda: d[10**30])
t("index str", lambda: d["a"])
t("index slice", lambda: d[1:2])
t("index float", lambda: d[1.0])
t("getitem method str", lambda: d.__getitem__("a"))
t("getitem method big", lambda: d.__getitem__(10**30))
t("setitem method big", lambda: d.__setitem__(-10**30, 1))
t("delitem method big", lambda: d.__delitem__(10**30))
t("delitem method past", lambda: d.__delitem__(3))
t("getitem method bool", lambda: d.__getitem__(True))
t("insert big", lambda: d.insert(10**30, 1))


def setitem(k, v):
    d[k] = v


def delitem(k):
    del d[k]


t("set past", lambda: setitem(3, 0))
t("set str", lambda: setitem("a", 0))
t("del past", lambda: delitem(-4))
t("del str", lambda: delitem("a"))
t("remove missing", lambda: d.remove(5))
t("index missing", lambda: d.index(5))
t("index missing range", lambda: d.index(1, 1))
t("index missing str", lambda: d.index("x"))
t("index no args", lambda: d.index())
t("index too many", lambda: d.index(1, 2, 3, 4))
t("index kw", lambda: d.index(1, start=2))
t("index bad start", lambda: d.index(1, "a"))
t("index none start", lambda: d.index(1, None))
t("insert one arg", lambda: d.insert(1))
t("insert three", lambda: d.insert(1, 2, 3))
t("insert str", lambda: d.insert("a", 2))
t("insert kw", lambda: d.insert(1, x=2))
t("insert full", lambda: deque([1], maxlen=1).insert(0, 1))
t("insert maxlen0", lambda: deque(maxlen=0).insert(0, 1))
t("rotate two", lambda: d.rotate(1, 2))
t("rotate kw", lambda: d.rotate(n=2))
t("rotate float", lambda: d.rotate(2.0))
t("rotate str", lambda: d.rotate("a"))
t("rotate big", lambda: d.rotate(10**30))
t("append none", lambda: d.append())
t("append two", lambda: d.append(1, 2))
t("append kw", lambda: d.append(x=1))
t("appendleft none", lambda: d.appendleft())
t("pop arg", lambda: d.pop(1))
t("pop kw", lambda: d.pop(x=1))
t("popleft arg", lambda: d.popleft(1))
t("clear arg", lambda: d.clear(1))
t("copy arg", lambda: d.copy(1))
t("__copy__ arg", lambda: d.__copy__(1))
t("reverse arg", lambda: d.reverse(1))
t("count none", lambda: d.count())
t("remove none", lambda: d.remove())
t("extend none", lambda: d.extend())
t("extend int", lambda: d.extend(1))
t("extendleft int", lambda: d.extendleft(1))
t("ctor int", lambda: deque(1))
t("ctor three", lambda: deque([], 2, 3))
t("ctor kw bad", lambda: deque(x=1))
t("ctor kw dup", lambda: deque([1], iterable=[2]))
t("ctor kw dup2", lambda: deque([1], 2, maxlen=2))
t("maxlen neg", lambda: deque(maxlen=-1))
t("maxlen str", lambda: deque(maxlen="a"))
t("maxlen float", lambda: deque([], maxlen=2.0))
t("maxlen big", lambda: deque([], maxlen=10**30))


class Idx:
    def __index__(self):
        return 2


t("maxlen __index__", lambda: deque("abc", Idx()))
t("subscript __index__", lambda: deque("abc")[Idx()])
t("mul __index__", lambda: deque("ab") * Idx())
t("rotate __index__", lambda: (lambda q: (q.rotate(Idx()), q)[1])(deque("abc")))
t("add list", lambda: d + [1])
t("radd list", lambda: [1] + d)
t("add int", lambda: 5 + d)
t("sub", lambda: d - d)
t("mul str", lambda: d * "a")
t("mul float", lambda: d * 2.0)
t("mul deque", lambda: d * d)
t("mul big", lambda: d * 10**30)
t("lt list", lambda: d < [1])
t("eq list", lambda: d == [1, 2, 3])
t("hash", lambda: hash(d))
t("set key", lambda: {d: 1})
t("maxlen set", lambda: setattr(d, "maxlen", 3))
t("maxlen del", lambda: delattr(d, "maxlen"))
t("iadd int", lambda: d.__iadd__(5))


def imul(q, n):
    q *= n
    return q


t("imul str", lambda: imul(deque([1]), "x"))
t("deque.append unbound", lambda: deque.append(1, 2))


# mutation while iterating
def mutate_during(op):
    q = deque(range(5))
    it = iter(q) if op != "rev" else reversed(q)
    out = [next(it)]
    if op == "append":
        q.append(9)
    elif op == "appendleft":
        q.appendleft(9)
    elif op == "pop":
        q.pop()
    elif op == "clear":
        q.clear()
    elif op == "rotate":
        q.rotate(1)
    elif op == "rev":
        q.popleft()
    elif op == "del":
        del q[2]
    elif op == "insert":
        q.insert(2, "x")
    elif op == "remove":
        q.remove(3)
    elif op == "setitem":
        q[3] = "set"   # not a structural change: iteration goes on
    elif op == "reverse":
        q.reverse()    # neither is reverse(), as CPython
    try:
        for x in it:
            out.append(x)
    except RuntimeError as e:
        out.append(str(e))
    try:
        out.append(next(it))
    except (RuntimeError, StopIteration) as e:
        out.append(type(e).__name__)
    return out


for op in ("append", "appendleft", "pop", "clear", "rotate", "rev", "del", "insert", "remove", "setitem",
           "reverse", "none"):
    print(op, mutate_during(op))

q = deque(range(3))
try:
    for x in q:
        q.append(x)
except RuntimeError as e:
    print("for loop:", e, len(q))


# __eq__ that mutates the deque being searched or compared
class Evil:
    def __init__(self, target, action, result=False):
        self.target, self.action, self.result = target, action, result

    def __eq__(self, other):
        if self.action == "append":
            self.target.append(0)
        elif self.action == "clear":
            self.target.clear()
        elif self.action == "pop":
            self.target.pop()
        return self.result

    __hash__ = None


for action in ("append", "clear", "pop"):
    for result in (False, True):
        q = deque([1, 2, 3])
        ev = Evil(q, action, result)
        t(f"count {action} {result}", lambda: q.count(ev))
        q = deque([1, 2, 3])
        ev = Evil(q, action, result)
        t(f"index {action} {result}", lambda: q.index(ev))
        q = deque([1, 2, 3])
        ev = Evil(q, action, result)
        t(f"in {action} {result}", lambda: ev in q)
        q = deque([1, 2, 3])
        ev = Evil(q, action, result)
        t(f"remove {action} {result}", lambda: (q.remove(ev), q)[1])
        q = deque([ev, 2, 3])
        ev.target = q
        t(f"eq {action} {result}", lambda: q == deque([1, 2, 3]))
        q = deque([ev, 2, 3])
        ev.target = q
        t(f"lt {action} {result}", lambda: q < deque([1, 2, 3]))
        w = deque([1, 2, 3])
        ev.target = w
        t(f"ge other {action} {result}", lambda: deque([ev, 5, 6]) >= w)


# __index__ that clears the deque while index() converts its bounds
class ClearingIndex:
    def __init__(self, q):
        self.q = q

    def __index__(self):
        self.q.clear()
        return 0


q = deque(range(5))
t("index bound mutates", lambda: q.index(3, ClearingIndex(q)))


# an __eq__ that raises
class Raises:
    def __eq__(self, other):
        raise ValueError("no compare")

    __hash__ = None


q = deque([1, Raises(), 3])
t("count raises", lambda: q.count(3))
t("in raises", lambda: 3 in q)
t("index raises", lambda: q.index(3))
t("remove raises", lambda: q.remove(3))
t("eq raises", lambda: q == deque([1, 2, 3]))
t("index found before raise", lambda: q.index(1))
print(q)
