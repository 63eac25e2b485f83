# collections.deque subclassed in Python: own __init__, methods, instance
# attributes, overridden dunders; copy, +, * and repr use the subclass.
from collections import deque
import copy


class History(deque):
    def __init__(self, items=(), limit=None, owner="nobody"):
        super().__init__(items, limit)
        self.owner = owner
        self.pushes = 0

    def push(self, x):
        self.pushes += 1
        self.append(x)
        return self

    def last(self):
        return self[-1] if self else None


h = History("abc", 4, owner="ann")
h.push("d").push("e")
print(h, h.owner, h.pushes, h.last(), len(h), h.maxlen)
print(type(h).__name__, isinstance(h, deque), issubclass(History, deque), History.__mro__[1])
print(repr(h), str(h), h == deque("bcde"), deque("bcde") == h)
h.tag = [1]
print(sorted(vars(h).items()))
print(list(h), list(reversed(h)), "c" in h, h.index("d"), h.count("e"))


# copy() of a subclass calls the class with (d) or (d, maxlen)
class Plain(deque):
    pass


p = Plain([1, 2, 3])
p.extra = "x"
c = p.copy()
print(type(c).__name__, c, hasattr(c, "extra"))
pm = Plain([1, 2], maxlen=3)
print(type(pm.copy()).__name__, pm.copy(), copy.copy(pm), type(copy.copy(pm)).__name__)
print(type(p + deque([9])).__name__, p + deque([9]), type(p * 2).__name__, p * 2, type(2 * p).__name__)
print(type(deque([0]) + p).__name__)
pd = copy.deepcopy(p)
print(type(pd).__name__, pd, pd.extra)
r = p.__reduce__()
print(r[0].__name__, r[1], r[2], list(r[3]))
q = Plain()
print(q.__reduce__()[2])


class Counted(deque):
    calls = 0

    def __init__(self, *args):
        Counted.calls += 1
        super().__init__(*args)


c = Counted([1, 2], 5)
c2 = c.copy()
c3 = c + deque([3])
print(Counted.calls, c2, c3, type(c3).__name__)


class BadCopy(deque):
    def __init__(self, *args):
        pass

    def __new__(cls, *args):
        if args:
            return [1]
        return super().__new__(cls)


try:
    BadCopy().copy()
except TypeError as e:
    print("TypeError", e)


# overriding dunders
class Loud(deque):
    def append(self, x):
        super().append(("loud", x))

    def __len__(self):
        return 100 + super().__len__()

    def __getitem__(self, i):
        return "item %r" % (super().__getitem__(i),)

    def __repr__(self):
        return "Loud" + repr(list(self))

    def __iter__(self):
        yield "start"
        yield from super().__iter__()

    def __eq__(self, other):
        return "custom eq"

    def __contains__(self, x):
        return x == "anything"


l = Loud([1, 2])
l.append(3)
print(len(l), l[0], l[2], repr(l), list(l), l == 5, "anything" in l, 1 in l, bool(l))
print(deque.__len__(l), deque.__getitem__(l, 2), deque.__repr__(l))
print(deque(l), deque(p), Plain(l))
print(deque.__lt__(l, deque(["start", 2])), deque.__reduce__(l)[3].__class__.__name__, l * 1 is not l)
try:
    hash(l)
except TypeError as e:
    print("TypeError", e)


class Hashable(deque):
    def __hash__(self):
        return 42


print(hash(Hashable()), {Hashable([1]): 1}[Hashable([1])] if False else "ok")


# a subclass with its own constructor signature and __slots__-free attributes
class Grid(deque):
    def __init__(self, w, h):
        super().__init__(([0] * w for _ in range(h)), maxlen=h)
        self.w, self.h = w, h

    def scroll(self):
        self.append([1] * self.w)


g = Grid(2, 3)
g.scroll()
g.scroll()
print(g, g.w, g.h, g.maxlen)


class Rep(deque):
    pass


x = Rep()
x.append(x)
print(x)
print(Rep([1], maxlen=2), Rep.__name__, Rep.__qualname__)
print(Rep[int], deque.__class_getitem__(str))


# class attributes and super() calls from methods
class Stack(deque):
    kind = "stack"

    def push(self, x):
        self.append(x)

    def pop(self):
        return ("popped", super().pop())


s = Stack()
for i in range(3):
    s.push(i)
print(s.pop(), s.kind, s, Stack.kind)
