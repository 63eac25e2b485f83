# frozen instances, order=True comparisons, and the __hash__ rules of
# eq/frozen/unsafe_hash; ends with an uncaught FrozenInstanceError.
import dataclasses
from dataclasses import dataclass, field, FrozenInstanceError


def attempt(label, fn):
    try:
        result = fn()
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)
    else:
        print(label, '->', result)


@dataclass(frozen=True)
class Frozen:
    x: int
    y: int = 0
    tags: tuple = ()


f = Frozen(1, 2)
print(f, hash(f) == hash((1, 2, ())), Frozen.__hash__.__qualname__)
print(FrozenInstanceError.__mro__[1].__name__, issubclass(FrozenInstanceError, AttributeError))


def assign():
    f.x = 5


def assign_other():
    f.z = 5


def delete():
    del f.x


attempt('assign', assign)
attempt('assign non-field', assign_other)
attempt('delete', delete)
attempt('setattr', lambda: setattr(f, 'y', 1))
print(f, {f: 'a', Frozen(1, 2): 'b'})
print(Frozen.__setattr__.__qualname__, Frozen.__delattr__.__qualname__)


class Sub(Frozen):
    pass


s = Sub(1)
s.extra = 'ok'
print(s.extra)
attempt('sub assign field', lambda: setattr(s, 'x', 3))


@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
    label: str = field(default='', compare=False)


vs = [Version(2, 1), Version(1, 5, 'b'), Version(1, 5, 'a'), Version(1, 0)]
print(sorted(vs))
print(Version(1, 2) < Version(1, 3), Version(1, 2) <= Version(1, 2), Version(2) > Version(1, 9),
      Version(1) >= Version(2))
print(Version(1, 2, 'x') == Version(1, 2, 'y'), max(vs), min(vs))
attempt('lt other type', lambda: Version(1) < (1, 0))
attempt('le other type', lambda: Version(1) <= 3)
print(Version(1).__lt__((1, 0)), Version(1).__eq__(Version(1)), Version(1).__eq__(1))


@dataclass(order=True)
class Version2(Version):
    pass


attempt('subclass compare', lambda: Version(1) < Version2(1))
print(Version(1) == Version2(1))


@dataclass(frozen=True, order=True)
class Card:
    rank: int
    suit: str


print(sorted({Card(3, 'h'), Card(1, 's'), Card(3, 'c')}))

# The __hash__ table.


@dataclass
class EqOnly:
    x: int


@dataclass(eq=False)
class NoEq:
    x: int


@dataclass(unsafe_hash=True)
class Unsafe:
    x: int
    y: list = field(default_factory=list, hash=False)
    z: int = field(default=0, compare=False)
    w: int = field(default=0, compare=False, hash=True)


@dataclass(frozen=True)
class FrozenOwnHash:
    x: int

    def __hash__(self):
        return 42


@dataclass
class EqOwnHash:
    x: int

    def __hash__(self):
        return 7


@dataclass(frozen=True, eq=False)
class FrozenNoEq:
    x: int


class Base:
    def __hash__(self):
        return 99


@dataclass
class InheritsHash(Base):
    x: int


@dataclass(eq=False)
class InheritsHashNoEq(Base):
    x: int


print(EqOnly.__hash__, 'unhashable' if EqOnly.__hash__ is None else '')
attempt('hash EqOnly', lambda: hash(EqOnly(1)))
print(NoEq.__hash__ is object.__hash__, NoEq(1) == NoEq(1), NoEq.__eq__ is object.__eq__)
print(hash(Unsafe(1, [1], 2, 3)) == hash((1, 3)), Unsafe.__hash__.__qualname__)
print(hash(FrozenOwnHash(1)), hash(EqOwnHash(1)), FrozenNoEq.__hash__ is object.__hash__)
print(InheritsHash.__hash__, hash(InheritsHashNoEq(1)))


@dataclass(frozen=True)
class FrozenEmpty:
    pass


print(hash(FrozenEmpty()) == hash(()), FrozenEmpty() == FrozenEmpty())
attempt('frozen empty assign', lambda: setattr(FrozenEmpty(), 'a', 1))


@dataclass(frozen=True)
class WithPost:
    x: int
    double: int = field(init=False)

    def __post_init__(self):
        object.__setattr__(self, 'double', self.x * 2)


print(WithPost(4), dataclasses.replace(WithPost(4), x=5))

f.x = 10
