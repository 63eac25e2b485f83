# Enum basics: member access, lookup, iteration, aliases, reprs, str/format, hashing.
from enum import Enum, EnumMeta, EnumType, auto


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1  # alias of RED


print(Color.RED, repr(Color.RED), type(Color.RED))
print(Color, repr(Color), type(Color), EnumMeta is EnumType)
print(Color(1), Color['GREEN'], Color(Color.BLUE))
print(Color.RED.name, Color.RED.value, Color.RED._name_, Color.RED._value_)
print(list(Color), len(Color))
print(list(reversed(Color)))
print([m.name for m in Color])
print(Color.CRIMSON is Color.RED, Color.CRIMSON, Color['CRIMSON'].name)
print(Color.__members__)
print(list(Color.__members__.items()))
print(type(Color.__members__).__name__, len(Color.__members__), 'CRIMSON' in Color.__members__)
print(Color.RED in Color, Color.BLUE in Color)
print(isinstance(Color.RED, Color), isinstance(Color.RED, Enum), issubclass(Color, Enum))
print(Color.RED == Color.RED, Color.RED == Color.GREEN, Color.RED != 1, Color.RED == 1)
print(Color.RED is Color(1), Color.RED is Color['RED'])
print(str(Color.GREEN), f"{Color.GREEN}", f"[{Color.GREEN:>14}]", f"[{Color.GREEN:<14}]")
print('%s and %r' % (Color.RED, Color.BLUE), '{} {!r}'.format(Color.RED, Color.RED))
print(format(Color.BLUE), format(Color.BLUE, '^15'))
print(hash(Color.RED) == hash('RED'), {Color.RED: 'r', Color.GREEN: 'g'}[Color.RED])
print(sorted(Color, key=lambda m: m.value), set([Color.RED, Color.CRIMSON]))
print(bool(Color.RED), bool(Color))
print(Color.RED.__class__.__name__, Color.__name__, Color.__qualname__)


class Shape(Enum):
    SQUARE = 'sq'
    CIRCLE = 'ci'
    POINT = (0, 0)
    NOTHING = None


print(list(Shape), Shape('sq'), Shape((0, 0)), Shape(None), repr(Shape.NOTHING))


class Auto(Enum):
    A = auto()
    B = auto()
    C = 10
    D = auto()


print(list(Auto), [m.value for m in Auto], repr(auto()), repr(auto(5)))


class WithMethods(Enum):
    LOW = 1
    HIGH = 3

    def describe(self):
        return '%s is %d' % (self.name, self.value)

    @property
    def doubled(self):
        return self.value * 2

    @classmethod
    def lowest(cls):
        return min(cls, key=lambda m: m.value)

    @staticmethod
    def helper(x):
        return x + 1

    def __str__(self):
        return 'custom ' + self.name


print(WithMethods.LOW.describe(), WithMethods.HIGH.doubled, WithMethods.lowest())
print(WithMethods.helper(1), str(WithMethods.HIGH), repr(WithMethods.HIGH), f'{WithMethods.LOW}')
print(list(WithMethods))


class Status(Enum):
    name = 1   # members may be called 'name' and 'value'
    value = 2


print(Status.name, Status.value, Status.name.name, Status.value.value, Status['name'])


class Empty(Enum):
    pass


print(list(Empty), len(Empty), Empty)


class Extended(Empty):
    X = 1
    Y = 2


print(list(Extended), isinstance(Extended.X, Empty))


class Ordered(Enum):
    _order_ = 'A B C'
    A = 1
    B = 2
    C = 3


print(list(Ordered))


class Ignoring(Enum):
    _ignore_ = 'tmp i'
    tmp = 5
    ONE = 1
    for i in range(2, 4):
        pass


print(list(Ignoring), hasattr(Ignoring, 'tmp'))
print(Color.RED.__objclass__ is Color if hasattr(Color.RED, '__objclass__') else None)
print(dir(Color))
print(dir(Color.RED))
print(Color.__doc__ is None, Enum.__doc__ is not None)
