# Dataclass inheritance: field order (base fields first, a redefinition keeps
# its place and takes the new default), defaults across levels, frozen
# mixing, non-dataclass bases, __post_init__ via super(), abstract bases.
from abc import ABC, abstractmethod
from dataclasses import dataclass, field, fields, InitVar, KW_ONLY


def attempt(label, fn):
    try:
        result = fn()
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)
    else:
        print(label, '->', result)


@dataclass
class Base:
    x: int
    y: int = 1
    tags: list = field(default_factory=list)


@dataclass
class Child(Base):
    z: int = 2
    y: int = 10


c = Child(0)
print(c, [f.name for f in fields(c)], Child.__doc__)
print(Child.__match_args__, isinstance(c, Base), c == Base(0, 10))


@dataclass
class Grand(Child):
    x: int = -1
    w: str = 'w'


print(Grand(), Grand(5, 6, ['t'], 7, 'W'), Grand.__doc__)


def bad_order():
    @dataclass
    class C(Base):
        after: int
    return C


attempt('non-default after inherited default', bad_order)


@dataclass
class KwBase:
    a: int = 0
    _: KW_ONLY
    opt: bool = False


@dataclass
class KwChild(KwBase):
    b: int = 1
    req: int = field(kw_only=True, default=5)


print(KwChild(1, 2, opt=True), KwChild.__doc__, KwChild.__match_args__)


@dataclass(frozen=True)
class FrozenBase:
    a: int


def thaw():
    @dataclass
    class C(FrozenBase):
        b: int
    return C


def freeze():
    @dataclass(frozen=True)
    class C(Base):
        b: int = 0
    return C


attempt('non-frozen from frozen', thaw)
attempt('frozen from non-frozen', freeze)


@dataclass(frozen=True)
class FrozenChild(FrozenBase):
    b: int = 0


fc = FrozenChild(1, 2)
print(fc, hash(fc) == hash((1, 2)))
attempt('assign in frozen child', lambda: setattr(fc, 'a', 0))


class Plain:
    plain_attr = 'p'

    def describe(self):
        return f'{type(self).__name__} with {fields(self)[0].name}'


@dataclass
class FromPlain(Plain):
    q: int


print(FromPlain(3), FromPlain(3).describe(), FromPlain.plain_attr)


class Middle(Base):
    # Not a dataclass: its annotations are not fields.
    ignored: int = 3


@dataclass
class Below(Middle):
    last: int = 4


print(Below(1), [f.name for f in fields(Below)])


@dataclass
class WithPost:
    a: int
    log: list = field(default_factory=list, repr=False)

    def __post_init__(self):
        self.log.append('base')


@dataclass
class WithPostChild(WithPost):
    b: int = 0
    factor: InitVar[int] = 1

    def __post_init__(self, factor):
        super().__post_init__()
        self.b *= factor
        self.log.append('child')


wp = WithPostChild(1, [], 3, factor=2)
print(wp, wp.log, WithPostChild.__doc__)


@dataclass
class Shape(ABC):
    name: str

    @abstractmethod
    def area(self):
        ...


@dataclass
class Square(Shape):
    side: float = 1.0

    def area(self):
        return self.side ** 2


print(Square('sq', 3), Square('sq', 3).area(), Shape.__doc__, Square.__doc__)
attempt('abstract', lambda: Shape('s'))


@dataclass
class OverrideInit(Base):
    def __init__(self, x):
        super().__init__(x, 100)


print(OverrideInit(7), OverrideInit.__doc__)


@dataclass
class OverridesRepr(Base):
    def __repr__(self):
        return 'custom'


@dataclass
class BelowCustom(OverridesRepr):
    extra: int = 0


print(OverridesRepr(1), BelowCustom(1))


class Unprocessed(Base):
    extra: int = 5


print(Unprocessed(1), Unprocessed.__match_args__)
