# numbers: the numeric tower ABCs, with int/float/complex registered and
# Fraction as a Rational; mixin methods of the ABCs for a user class.
import math
import numbers
from fractions import Fraction

values = [1, True, 2.5, 1j, Fraction(1, 3), 'x', None]
for cls in (numbers.Number, numbers.Complex, numbers.Real, numbers.Rational, numbers.Integral):
    print(cls.__name__, [isinstance(v, cls) for v in values])
print(issubclass(Fraction, numbers.Rational), issubclass(int, numbers.Real), issubclass(float, numbers.Rational))
print(Fraction.__mro__[1:3], sorted(numbers.__all__))
print(hash(Fraction(1, 2)) == hash(0.5), numbers.Number.__hash__)

try:
    numbers.Real()
except TypeError as e:
    print('TypeError', str(e).split(' with')[0])

class Meters(numbers.Real):
    """A Real built on a float, leaning on the ABC's mixins."""
    __slots__ = ('v',)
    def __init__(self, v): self.v = float(v)
    def __repr__(self): return 'Meters(%r)' % self.v
    def __float__(self): return self.v
    def __trunc__(self): return math.trunc(self.v)
    def __floor__(self): return math.floor(self.v)
    def __ceil__(self): return math.ceil(self.v)
    def __round__(self, ndigits=None): return round(self.v, ndigits)
    def __floordiv__(self, o): return Meters(self.v // float(o))
    def __rfloordiv__(self, o): return Meters(float(o) // self.v)
    def __mod__(self, o): return Meters(self.v % float(o))
    def __rmod__(self, o): return Meters(float(o) % self.v)
    def __lt__(self, o): return self.v < float(o)
    def __le__(self, o): return self.v <= float(o)
    def __add__(self, o): return Meters(self.v + float(o))
    def __radd__(self, o): return Meters(float(o) + self.v)
    def __neg__(self): return Meters(-self.v)
    def __pos__(self): return Meters(self.v)
    def __mul__(self, o): return Meters(self.v * float(o))
    def __rmul__(self, o): return Meters(float(o) * self.v)
    def __truediv__(self, o): return Meters(self.v / float(o))
    def __rtruediv__(self, o): return Meters(float(o) / self.v)
    def __pow__(self, o): return Meters(self.v ** float(o))
    def __rpow__(self, o): return Meters(float(o) ** self.v)
    def __abs__(self): return Meters(abs(self.v))
    def __eq__(self, o): return self.v == float(o)
    __hash__ = None

m = Meters(7.5)
print(m - 2, 10 - m, divmod(m, 2), divmod(20, m), complex(m), m.real, m.imag, m.conjugate(), bool(m), bool(Meters(0)))
print(Fraction(3, 4) + Fraction(1, 4) == 1, Fraction(m.v) , float(Fraction(10**400, 3 * 10**399)))

class Small(numbers.Integral):
    __slots__ = ('n',)
    def __init__(self, n): self.n = n
    def __int__(self): return self.n
    def __pos__(self): return self.n
    def __lt__(self, o): return self.n < int(o)
    def __le__(self, o): return self.n <= int(o)
    def __eq__(self, o): return self.n == int(o)
    __hash__ = None
for name in ['__pow__', '__lshift__', '__rlshift__', '__rshift__', '__rrshift__', '__and__', '__rand__', '__xor__',
             '__rxor__', '__or__', '__ror__', '__invert__', '__trunc__', '__floor__', '__ceil__', '__round__',
             '__floordiv__', '__rfloordiv__', '__mod__', '__rmod__', '__add__', '__radd__', '__neg__', '__mul__',
             '__rmul__', '__truediv__', '__rtruediv__', '__rpow__', '__abs__']:
    setattr(Small, name, lambda self, *a: NotImplemented)
Small.__abstractmethods__ = frozenset()
s = Small(5)
print(s.numerator, s.denominator, float(s), s.__index__(), [10, 20, 30, 40, 50, 60][s])
print(Fraction(s, 2), Fraction(Small(3)))
