# Enum with the rest of the runtime: json, threads creating flag combinations, a
# class nested in an enum (DeprecationWarning), mappingproxy, MROs, enum.property.
import enum, json, threading
from enum import Enum, IntEnum, StrEnum, Flag, IntFlag, auto
class Outer(Enum):
    A = 1
    class Inner:
        pass
print(list(Outer))
class Level(IntEnum):
    LOW = 1
    HIGH = 10
class Kind(StrEnum):
    TASK = auto()
print(json.dumps(Level.HIGH), json.dumps(Kind.TASK), json.dumps({Kind.TASK: Level.LOW}), json.dumps([Level.LOW]))
try:
    Level.__members__['X'] = 1
except TypeError as e:
    print(e)
print(Level.LOW.__class__.__mro__)
print(IntFlag.__mro__, Flag.__mro__)
print(Enum.__members__, len(Enum), list(Enum))
print(str(Level), repr(Level), Level.__name__)
class P(IntFlag):
    A = 1
    B = 2
print(P.A.__or__(2), P.A | 2, 2 | P.A, P.A & 3, P.A.__ror__(4))
res = []
def worker():
    for i in range(200):
        res.append(P(i % 4))
ts = [threading.Thread(target=worker) for _ in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(len(res), len(set(map(id, res))))
print(Level.LOW.real, Level.HIGH.bit_length(), Level.LOW.numerator)
print(sorted(Kind.__members__), Kind.TASK.name, Kind.TASK.value, Kind.TASK._value_)
print(enum.EnumMeta, enum.Enum.__class__, type(enum.auto()))
print(f"{Level.LOW!r} {Level.LOW!s} {Level.LOW:03d}")
print(Level.LOW is Level(1), Level(Level.LOW))
x = {Level.LOW: 'a', 1: 'b'}
print(x)
print(Outer.A == 1, Outer.A != Outer.A)
class Rich(Enum):
    A = 1
    B = 2
    def __lt__(self, other):
        return self.value < other.value
print(sorted([Rich.B, Rich.A]), Rich.A < Rich.B)
class WithName(Enum):
    X = 1
    @enum.property
    def label(self):
        return self.name.lower()
print(WithName.X.label)
try:
    WithName.label
except AttributeError as e:
    print(type(e).__name__, e)
