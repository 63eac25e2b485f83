# Enum: functional API, mixins, custom __new__/__init__, _generate_next_value_,
# __init_subclass__, member/nonmember, global_enum, dir, copy.
import copy
import enum
from enum import (Enum, IntEnum, StrEnum, ReprEnum, Flag, IntFlag, auto, member, nonmember,
                  global_enum, EnumType)

# functional API
A = Enum('A', 'RED GREEN, BLUE')
print(A, list(A), A.__module__, A.__qualname__, A.__name__)
B = Enum('B', ['X', 'Y'], start=10)
print(list(B))
C = Enum('C', [('ONE', 1), ('TWO', 2), ('UNO', 1)])
print(list(C), C.__members__)
D = Enum('D', {'a': 'x', 'b': 'y'}, module='mymod', qualname='Outer.D')
print(list(D), D.__module__, D.__qualname__, repr(D.a))
E = IntEnum('E', 'P Q')
print(list(E), E.P + E.Q, str(E.Q))
F = Enum('F', 'M N', type=int)
print(list(F), F.M + 1, str(F.N), format(F.N), repr(F.N))
G = Flag('G', 'R W X')
print(list(G), repr(G.R | G.X), G.X.value)
S = StrEnum('S', 'ALPHA BETA')
print(list(S), S.ALPHA == 'alpha')
print(Enum('Empty', []), list(Enum('Empty2', ())))


# Planet example from the documentation
class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    VENUS = (4.869e+24, 6.0518e6)
    EARTH = (5.976e+24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def surface_gravity(self):
        G = 6.67300E-11
        return G * self.mass / (self.radius * self.radius)


print(Planet.EARTH, Planet.EARTH.value, Planet.EARTH.mass, Planet.EARTH.radius)
print(round(Planet.EARTH.surface_gravity, 2), Planet((3.303e+23, 2.4397e6)))
print(repr(Planet.VENUS))


# custom __new__ setting _value_ (from the HOWTO)
class Coordinate(bytes, Enum):
    def __new__(cls, value, label, unit):
        obj = bytes.__new__(cls, [value])
        obj._value_ = value
        obj.label = label
        obj.unit = unit
        return obj

    PX = (0, 'P.X', 'km')
    PY = (1, 'P.Y', 'km')
    VX = (2, 'V.X', 'km/s')


print(str(Coordinate.PY), Coordinate(2).value, Coordinate.VX.label, Coordinate.PX.unit, bytes(Coordinate.PY))


class AutoNumber(Enum):
    def __new__(cls, *args):
        value = len(cls.__members__) + 1
        obj = object.__new__(cls)
        obj._value_ = value
        return obj


class Pet(AutoNumber):
    def __init__(self, a, b):
        self.a = a
        self.b = b

    DOG = ('x', 1)
    CAT = ('y', 2)


print(list(Pet), Pet.CAT.a, Pet(2), Pet.__new_member__ is AutoNumber.__new_member__)


class Ordinal(AutoNumber):
    FIRST = ()
    SECOND = ()


print(list(Ordinal), Ordinal.SECOND.value)


# _generate_next_value_
class Named(Enum):
    def _generate_next_value_(name, start, count, last_values):
        return name.lower() + str(count)

    NORTH = auto()
    SOUTH = auto()


print(list(Named))


class TupleAuto(Enum):
    A = auto(), 'a'
    B = auto(), 'b'


print(list(TupleAuto))


class Mixed(Enum):
    A = 'x'
    B = auto()


print(list(Mixed))


# mixins
class Num(float, Enum):
    HALF = 0.5
    QUARTER = 0.25


print(repr(Num.HALF), str(Num.HALF), f'{Num.HALF}', Num.HALF * 2, Num(0.25))


class Pair(tuple, Enum):
    ORIGIN = (0, 0)
    UNIT = (1, 1)


print(repr(Pair.UNIT), Pair.UNIT[0], Pair((0, 0)), len(Pair.UNIT))


class IntMix(int, Enum):
    ONE = 1
    TWO = 2


print(repr(IntMix.ONE), str(IntMix.ONE), f'{IntMix.ONE}', format(IntMix.TWO, '>8'), IntMix.ONE + 1)


class Level(IntEnum):
    LOW = 1
    HIGH = 10


print(Level.LOW < Level.HIGH, sorted([Level.HIGH, Level.LOW]), max(Level), Level.HIGH > 5)
print(str(Level.LOW), repr(Level.LOW), f'{Level.HIGH:>5}', '%d %s' % (Level.HIGH, Level.HIGH))
print(Level(10), Level.HIGH == 10, hash(Level.LOW) == hash(1), int(Level.HIGH), [0, 1, 2][Level.LOW])


class Kind(StrEnum):
    TASK = auto()
    MESSAGE = 'msg'


print(Kind.TASK, repr(Kind.TASK), f'{Kind.MESSAGE:*^9}', Kind.TASK.upper(), Kind('msg'), Kind.TASK == 'task')
print('-'.join(Kind), Kind.MESSAGE + '!')


class Hex(int, ReprEnum):
    TEN = 10


print(str(Hex.TEN), repr(Hex.TEN), f'{Hex.TEN:x}')


# __init_subclass__ sees the members
class Registry(Enum):
    def __init_subclass__(cls, **kwds):
        super().__init_subclass__()
        print('init_subclass', cls.__name__, list(cls), kwds)


class Registered(Registry, tag='t'):
    A = 1


# member / nonmember
class Options(Enum):
    A = 1
    limit = nonmember(10)

    @member
    def helper(x):
        return x * 2


print(list(Options), Options.limit, Options.helper.value(3))


# _ignore_ with a loop
class Period(Enum):
    _ignore_ = 'Period i'
    Period = vars()
    for i in range(3):
        Period['day_%d' % i] = i


print(list(Period))


# aliases and members named like attributes
class Shade(Enum):
    DARK = 1
    BLACK = 1
    LIGHT = 2


print(Shade.BLACK, Shade.BLACK.name, Shade['BLACK'] is Shade.DARK, list(Shade), len(Shade.__members__))


# global_enum
@global_enum
class Mode(Enum):
    FAST = 1
    SLOW = 2


print(repr(Mode.FAST), str(Mode.SLOW), FAST is Mode.FAST)


# copy, identity, class relations
print(copy.copy(Shade.DARK) is Shade.DARK, copy.deepcopy(Level.LOW) is Level.LOW)
print(type(Shade) is EnumType, isinstance(Level.LOW, Level), issubclass(IntFlag, Flag))
print(Shade.DARK.__reduce_ex__(4)[1], Shade.DARK.__class__)
print(dir(Shade))
print(dir(Planet.EARTH))
print([n for n in dir(Level.LOW) if not n.startswith('__')])
print(dir(Kind)[:3], len(dir(Kind)) > 20)
print(enum.show_flag_values(13), enum.bin(10), enum.bin(~10), enum.bin(5, 8))
print(repr(Shade.__members__)[:40])


class WithDoc(Enum):
    """Documented."""
    A = 1


print(WithDoc.__doc__, WithDoc.A.__doc__)


class Count(Enum):
    ONE = 1
    TWO = 2

    def __len__(self):
        return self.value

    def __bool__(self):
        return self.value > 1


print(len(Count.TWO), bool(Count.ONE), bool(Count.TWO), len(Count))
print(Count.__len__, Count.TWO.describe if hasattr(Count.TWO, 'describe') else 'no describe')
