# Flag and IntFlag: combinations, reprs, ~ | & ^, bool, iteration, boundaries.
from enum import Flag, IntFlag, auto, STRICT, CONFORM, EJECT, KEEP, FlagBoundary


class Perm(Flag):
    R = 4
    W = 2
    X = 1
    RWX = 7   # a multi-bit alias


print(Perm, repr(Perm), list(Perm), len(Perm))
print(Perm.R, repr(Perm.R), Perm.R.name, Perm.R.value)
rw = Perm.R | Perm.W
print(rw, repr(rw), rw.name, rw.value, type(rw).__name__)
print(repr(Perm.RWX), Perm.RWX.name, list(Perm.RWX), len(Perm.RWX))
print(repr(Perm(0)), str(Perm(0)), bool(Perm(0)), bool(Perm.X), Perm(0).name)
print(repr(~Perm.R), repr(~rw), repr(~Perm.RWX), repr(~Perm(0)))
print(repr(rw & Perm.W), repr(rw & Perm.X), repr(rw ^ Perm.R), repr(Perm.R ^ Perm.R))
print(Perm.W in rw, Perm.X in rw, rw in Perm.RWX, Perm(6) is rw, Perm(7) is Perm.RWX)
print(list(rw), list(Perm(0)), len(rw))
print(Perm.__members__)
print(f"{rw}", format(rw, '>12'), str(Perm.R | Perm.X))
print(Perm['RWX'], Perm(5), hash(Perm.R) == hash('R'))
try:
    Perm(8)
except ValueError as e:
    print(type(e).__name__, e)
try:
    Perm.R | 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    1 in Perm.R
except TypeError as e:
    print(type(e).__name__, e)


class Color(Flag):
    RED = auto()
    GREEN = auto()
    BLUE = auto()
    WHITE = RED | GREEN | BLUE


print(list(Color), [m.value for m in Color], repr(Color.WHITE), repr(~Color.RED))
print(repr(Color.RED | Color.BLUE), repr(Color(3)), Color._boundary_ is STRICT)


class Unordered(Flag):
    C = 4
    A = 1
    B = 2


print(list(Unordered), repr(Unordered(7)), list(Unordered(7)))


class IPerm(IntFlag):
    R = 4
    W = 2
    X = 1


print(IPerm, repr(IPerm), list(IPerm))
rw = IPerm.R | IPerm.W
print(rw, repr(rw), str(rw), f"{rw}", format(rw, '04'), rw + 1, rw == 6, isinstance(rw, int))
print(repr(IPerm.R | 8), repr(IPerm(8)), repr(IPerm(0)), repr(~IPerm.R), repr(~IPerm(0)))
print(repr(IPerm.R | 1), repr(1 | IPerm.R), repr(IPerm.R & 6), repr(IPerm.R ^ 5), repr(IPerm.W + IPerm.X))
print(IPerm.R << 1, IPerm.R * 2, -IPerm.R, IPerm(7), repr(IPerm(7)), list(IPerm(7)), list(IPerm(13)))
print(IPerm._boundary_ is KEEP, hash(IPerm.R) == hash(4), IPerm.R == 4, {4: 'four'}[IPerm.R])


class Strict(Flag, boundary=STRICT):
    A = 1
    B = 4


class Conform(Flag, boundary=CONFORM):
    A = 1
    B = 4


class Eject(Flag, boundary=EJECT):
    A = 1
    B = 4


class Keep(Flag, boundary=KEEP):
    A = 1
    B = 4


for cls in (Strict, Conform, Eject, Keep):
    for value in (5, 7, 16, -1):
        try:
            print(cls.__name__, value, repr(cls(value)))
        except ValueError as e:
            print(cls.__name__, value, type(e).__name__, e)
print(repr(~Strict.A), repr(~Conform.A), repr(~Keep.A), repr(~Eject.A))
print(list(FlagBoundary), FlagBoundary.STRICT, repr(KEEP))


class Empty(Flag):
    pass


print(list(Empty), len(Empty))
try:
    Empty(0)
except TypeError as e:
    print(type(e).__name__, e)


class NegInt(IntFlag):
    A = 1
    B = 2


print(repr(NegInt(-1)), repr(NegInt(-2)), repr(~NegInt.A))
