# slots=True makes a new class with __slots__ of the fields (no __dict__),
# weakref_slot=True adds '__weakref__'.
import weakref
from dataclasses import dataclass, field, fields


def attempt(label, fn):
    try:
        result = fn()
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)
    else:
        print(label, '->', result)


@dataclass(slots=True)
class Point:
    x: int
    y: int = 0
    z: list = field(default_factory=list)
    hidden: int = field(default=5, init=False)


p = Point(1)
print(p, Point.__slots__, hasattr(p, '__dict__'), p.hidden)
print(Point.__qualname__, Point.__init__.__qualname__, [f.name for f in fields(Point)])
print('y' in Point.__dict__ and type(Point.__dict__['y']).__name__)
attempt('new attribute', lambda: setattr(p, 'w', 1))
p.x = 10
print(p, p == Point(10), Point.__doc__)


@dataclass(slots=True)
class Point3(Point):
    w: int = 0


q = Point3(1, 2, [], 3)
print(q, Point3.__slots__, hasattr(q, '__dict__'))


@dataclass(frozen=True, slots=True)
class Key:
    a: str
    b: int = 0


k = Key('k')
print(k, hash(k) == hash(('k', 0)), Key.__slots__, k.__getstate__())
attempt('frozen slot assign', lambda: setattr(k, 'a', 'z'))
k2 = Key.__new__(Key)
k2.__setstate__(['s', 9])
print(k2)


@dataclass(slots=True, weakref_slot=True)
class Ref:
    v: int


r = Ref(1)
wr = weakref.ref(r)
print(Ref.__slots__, wr() is r)


@dataclass(slots=True)
class NoRef:
    v: int


attempt('weakref without slot', lambda: weakref.ref(NoRef(1)))


class SlottedBase:
    __slots__ = ('a',)


@dataclass(slots=True)
class FromSlotted(SlottedBase):
    a: int
    b: int


print(FromSlotted(1, 2), FromSlotted.__slots__)

# copy goes through __getstate__/__setstate__ (added for frozen slot classes).
import copy

kc = Key('c', 1)
print(copy.copy(kc), copy.deepcopy(kc) == kc, copy.copy(p), copy.deepcopy(q))


class Stateful:
    def __init__(self):
        self.value = 1

    def __getstate__(self):
        return {'value': self.value * 10}


print(copy.copy(Stateful()).value, copy.deepcopy(Stateful()).value)
