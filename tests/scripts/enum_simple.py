# _simple_enum (the decorator CPython's re, http and ssl use), _convert_ and EnumCheck,
# which CPython makes with _simple_enum.
import enum, sys
from enum import Enum, IntEnum, IntFlag, Flag, StrEnum, _simple_enum, auto, EnumCheck, CONTINUOUS
print(list(EnumCheck), repr(CONTINUOUS), str(CONTINUOUS), EnumCheck.__doc__)
print(sorted(EnumCheck.__dict__))

@_simple_enum(Enum)
class Color:
    RED = auto()
    GREEN = auto()
    BLUE = auto()
    CRIMSON = 1
    def describe(self):
        return self.name.lower()
print(Color, list(Color), Color.RED, repr(Color.GREEN), Color(3), Color.CRIMSON, Color.__doc__, Color.BLUE.describe())
print(sorted(Color.__dict__))
print(type(Color.__dict__['RED']).__name__, Color.__members__)

@enum.global_enum
@_simple_enum(IntFlag, boundary=enum.KEEP)
class RegexFlag:
    NOFLAG = 0
    ASCII = A = 256
    IGNORECASE = I = 2
    MULTILINE = M = 8
    DEBUG = 128
print(repr(RegexFlag.I | RegexFlag.M), RegexFlag.I | RegexFlag.M, repr(RegexFlag.A), repr(RegexFlag(0)), repr(RegexFlag(10)), repr(RegexFlag(1 | 2)))
print(list(RegexFlag), RegexFlag._flag_mask_, RegexFlag._all_bits_, I, repr(~RegexFlag.I))

@_simple_enum(IntEnum)
class Status:
    OK = 200
    NOT_FOUND = 404
    MISSING = 404
print(list(Status), Status(404), repr(Status.OK), Status.OK + 1)

FOO_A = 1
FOO_B = 2
FOO_C = 2
X = IntEnum._convert_('Foo', __name__, lambda n: n.startswith('FOO_'))
print(X, list(X), repr(Foo.FOO_A), FOO_A, type(FOO_B), repr(FOO_C), X.__module__)
Y = IntEnum._convert_('Bar', __name__, lambda n: n.startswith('FOO_'), as_global=True)
print(repr(Bar.FOO_A), str(Bar.FOO_B))
