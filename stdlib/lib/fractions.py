"""Fraction, rational numbers of arbitrary precision (CPython 3.11's API).

A Fraction is kept normalised: the denominator is positive and shares no
factor with the numerator.  Mixed arithmetic follows the numeric tower: with
an int or a Fraction the result is a Fraction, with a float a float, with a
complex a complex.  Hashes agree with int and float hashes of equal values.
"""

import math
import operator
import sys

__all__ = ['Fraction']

try:
    import numbers as _numbers
except ImportError:
    _numbers = None

if _numbers is not None:
    _RationalBase = _numbers.Rational
else:
    _RationalBase = object

# The numeric hash is taken modulo this prime (sys.hash_info on 64-bit).
_hash_info = getattr(sys, 'hash_info', None)
_PyHASH_MODULUS = _hash_info.modulus if _hash_info is not None else (1 << 61) - 1
_PyHASH_INF = _hash_info.inf if _hash_info is not None else 314159


def _is_rational(x):
    if isinstance(x, (int, Fraction)):
        return True
    if type(x) is float or type(x) is complex:
        return False  # settled without the slower ABC check
    return _numbers is not None and isinstance(x, _numbers.Rational)


def _is_real(x):
    if isinstance(x, (int, float, Fraction)):
        return True
    return _numbers is not None and isinstance(x, _numbers.Real)


def _is_complex(x):
    if isinstance(x, (int, float, complex, Fraction)):
        return True
    return _numbers is not None and isinstance(x, _numbers.Complex)


def _digits_end(s, i):
    """End of the digit run at s[i:] that may hold single underscores
    between digits (as int literals), or i when there is no digit."""
    n = len(s)
    if i >= n or not s[i].isdecimal():
        return i
    j = i
    while j < n:
        if s[j].isdecimal():
            j += 1
        elif s[j] == '_' and j + 1 < n and s[j + 1].isdecimal() and s[j - 1].isdecimal():
            j += 1
        else:
            break
    return j


def _parse(text):
    """(numerator, denominator) of a Fraction literal, or None when invalid:
    [sign] digits '/' digits, or [sign] digits['.'digits][e[sign]digits]."""
    s = text.strip()
    i = 0
    n = len(s)
    negative = False
    if i < n and s[i] in '+-':
        negative = s[i] == '-'
        i += 1
    # a digit, or '.' and a digit, must follow
    if not (i < n and (s[i].isdecimal() or (s[i] == '.' and i + 1 < n and s[i + 1].isdecimal()))):
        return None
    j = _digits_end(s, i)
    num = int(s[i:j]) if j > i else 0
    i = j
    den = 1
    if i < n and s[i] == '/':
        k = i + 1
        j = _digits_end(s, k)
        if j == k or j != n:
            return None
        den = int(s[k:j])
    else:
        if i < n and s[i] == '.':
            i += 1
            j = _digits_end(s, i)
            if j == i:
                # CPython 3.11's pattern reads 'd*' here: a run of d's is
                # taken as the fraction and fails in int().
                while j < n and s[j] in 'dD':
                    j += 1
                if j > i:
                    int(s[i:j])
            if j > i:
                frac = s[i:j].replace('_', '')
                scale = 10 ** len(frac)
                num = num * scale + int(frac)
                den *= scale
            i = j
        if i < n and s[i] in 'eE':
            i += 1
            start = i
            if i < n and s[i] in '+-':
                i += 1
            j = _digits_end(s, i)
            if j == i:
                return None
            exp = int(s[start:j])
            i = j
            if exp >= 0:
                num *= 10 ** exp
            else:
                den *= 10 ** -exp
        if i != n:
            return None
    if negative:
        num = -num
    return num, den


class Fraction(_RationalBase):
    """A rational number, numerator/denominator in lowest terms.

    Fraction(n, d) takes two Rationals (ints or Fractions); Fraction(x)
    takes a Rational, a float (converted exactly), or a string such as
    '3/7', '-1.25' or '2e-3'.  Fraction() is 0.
    """

    __slots__ = ('_numerator', '_denominator')

    def __new__(cls, numerator=0, denominator=None, *, _normalize=True):
        self = super(Fraction, cls).__new__(cls)
        if denominator is None:
            if type(numerator) is int:
                self._numerator = numerator
                self._denominator = 1
                return self
            elif _is_rational(numerator):
                self._numerator = numerator.numerator
                self._denominator = numerator.denominator
                return self
            elif isinstance(numerator, float) or type(numerator).__name__ == 'Decimal':
                self._numerator, self._denominator = numerator.as_integer_ratio()
                return self
            elif isinstance(numerator, str):
                parsed = _parse(numerator)
                if parsed is None:
                    raise ValueError('Invalid literal for Fraction: %r' % numerator)
                numerator, denominator = parsed
            else:
                raise TypeError("argument should be a string or a Rational instance")
        elif type(numerator) is int is type(denominator):
            pass
        elif _is_rational(numerator) and _is_rational(denominator):
            numerator, denominator = (numerator.numerator * denominator.denominator,
                                      denominator.numerator * numerator.denominator)
        else:
            raise TypeError("both arguments should be Rational instances")

        if denominator == 0:
            raise ZeroDivisionError('Fraction(%s, 0)' % numerator)
        if _normalize:
            g = math.gcd(numerator, denominator)
            if denominator < 0:
                g = -g
            numerator //= g
            denominator //= g
        self._numerator = numerator
        self._denominator = denominator
        return self

    @classmethod
    def from_float(cls, f):
        """The exact value of a finite float (so from_float(0.1) is not 1/10)."""
        if isinstance(f, int):
            return cls(f)
        elif not isinstance(f, float):
            raise TypeError("%s.from_float() only takes floats, not %r (%s)" %
                            (cls.__name__, f, type(f).__name__))
        return cls(*f.as_integer_ratio())

    @classmethod
    def from_decimal(cls, dec):
        """The exact value of a finite Decimal."""
        if isinstance(dec, int):
            return cls(dec)
        if type(dec).__name__ != 'Decimal':
            raise TypeError(
                "%s.from_decimal() only takes Decimals, not %r (%s)" %
                (cls.__name__, dec, type(dec).__name__))
        return cls(*dec.as_integer_ratio())

    def as_integer_ratio(self):
        """(numerator, denominator), the denominator positive."""
        return (self._numerator, self._denominator)

    def limit_denominator(self, max_denominator=1000000):
        """The Fraction nearest to self whose denominator is at most
        max_denominator (self itself when its denominator is small enough).

        >>> Fraction('3.141592653589793').limit_denominator(10)
        Fraction(22, 7)
        """
        if max_denominator < 1:
            raise ValueError("max_denominator should be at least 1")
        if self._denominator <= max_denominator:
            return Fraction(self)
        # Walk the continued fraction's convergents p1/q1 until the next
        # denominator would be too big; the answer is then p1/q1 or the
        # best semiconvergent between p0/q0 and p1/q1.
        p0, q0, p1, q1 = 0, 1, 1, 0
        n, d = self._numerator, self._denominator
        while True:
            a = n // d
            q2 = q0 + a * q1
            if q2 > max_denominator:
                break
            p0, q0, p1, q1 = p1, q1, p0 + a * p1, q2
            n, d = d, n - a * d
        k = (max_denominator - q0) // q1
        semi = Fraction(p0 + k * p1, q0 + k * q1)
        conv = Fraction(p1, q1)
        if abs(conv - self) <= abs(semi - self):
            return conv
        return semi

    @property
    def numerator(a):
        return a._numerator

    @property
    def denominator(a):
        return a._denominator

    def __repr__(self):
        """repr(self)"""
        return '%s(%s, %s)' % (self.__class__.__name__, self._numerator, self._denominator)

    def __str__(self):
        """str(self)"""
        if self._denominator == 1:
            return str(self._numerator)
        return '%s/%s' % (self._numerator, self._denominator)

    def _operator_fallbacks(monomorphic_operator, fallback_operator):
        """Makes __op__ and __rop__: exact for rationals, float for reals,
        complex for complexes, NotImplemented otherwise."""

        def forward(a, b):
            if isinstance(b, Fraction):
                return monomorphic_operator(a, b)
            elif isinstance(b, int):
                return monomorphic_operator(a, Fraction(b))
            elif isinstance(b, float):
                return fallback_operator(float(a), b)
            elif isinstance(b, complex):
                return fallback_operator(complex(a), b)
            else:
                return NotImplemented
        forward.__name__ = '__' + fallback_operator.__name__ + '__'
        forward.__doc__ = monomorphic_operator.__doc__

        def reverse(b, a):
            if _is_rational(a):
                return monomorphic_operator(Fraction(a), b)
            elif _is_real(a):
                return fallback_operator(float(a), float(b))
            elif _is_complex(a):
                return fallback_operator(complex(a), complex(b))
            else:
                return NotImplemented
        reverse.__name__ = '__r' + fallback_operator.__name__ + '__'
        reverse.__doc__ = monomorphic_operator.__doc__

        return forward, reverse

    # Sums and products cancel common factors before multiplying out
    # (Knuth, TAOCP 4.5.1): the gcds then run on the small operands, which
    # matters when one side has grown large.

    def _add(a, b):
        """a + b"""
        na, da = a._numerator, a._denominator
        nb, db = b._numerator, b._denominator
        g = math.gcd(da, db)
        if g == 1:
            return _coprime(na * db + da * nb, da * db)
        s = da // g
        t = na * (db // g) + nb * s
        g2 = math.gcd(t, g)
        if g2 == 1:
            return _coprime(t, s * db)
        return _coprime(t // g2, s * (db // g2))

    __add__, __radd__ = _operator_fallbacks(_add, operator.add)

    def _sub(a, b):
        """a - b"""
        na, da = a._numerator, a._denominator
        nb, db = b._numerator, b._denominator
        g = math.gcd(da, db)
        if g == 1:
            return _coprime(na * db - da * nb, da * db)
        s = da // g
        t = na * (db // g) - nb * s
        g2 = math.gcd(t, g)
        if g2 == 1:
            return _coprime(t, s * db)
        return _coprime(t // g2, s * (db // g2))

    __sub__, __rsub__ = _operator_fallbacks(_sub, operator.sub)

    def _mul(a, b):
        """a * b"""
        na, da = a._numerator, a._denominator
        nb, db = b._numerator, b._denominator
        g1 = math.gcd(na, db)
        if g1 > 1:
            na //= g1
            db //= g1
        g2 = math.gcd(nb, da)
        if g2 > 1:
            nb //= g2
            da //= g2
        return _coprime(na * nb, db * da)

    __mul__, __rmul__ = _operator_fallbacks(_mul, operator.mul)

    def _div(a, b):
        """a / b"""
        na, da = a._numerator, a._denominator
        nb, db = b._numerator, b._denominator
        g1 = math.gcd(na, nb)
        if g1 > 1:
            na //= g1
            nb //= g1
        g2 = math.gcd(db, da)
        if g2 > 1:
            da //= g2
            db //= g2
        n, d = na * db, nb * da
        if d == 0:
            # the numerator as reduced above, as CPython reports it
            raise ZeroDivisionError('Fraction(%s, 0)' % n)
        if d < 0:
            n, d = -n, -d
        return _coprime(n, d)

    __truediv__, __rtruediv__ = _operator_fallbacks(_div, operator.truediv)

    def _floordiv(a, b):
        """a // b"""
        return (a._numerator * b._denominator) // (a._denominator * b._numerator)

    __floordiv__, __rfloordiv__ = _operator_fallbacks(_floordiv, operator.floordiv)

    def _divmod(a, b):
        """(a // b, a % b)"""
        da, db = a._denominator, b._denominator
        div, n_mod = divmod(a._numerator * db, da * b._numerator)
        return div, Fraction(n_mod, da * db)

    __divmod__, __rdivmod__ = _operator_fallbacks(_divmod, divmod)

    def _mod(a, b):
        """a % b"""
        da, db = a._denominator, b._denominator
        return Fraction((a._numerator * db) % (b._numerator * da), da * db)

    __mod__, __rmod__ = _operator_fallbacks(_mod, operator.mod)

    def __pow__(a, b):
        """a ** b: a Fraction for an integral b, else a float or complex."""
        if _is_rational(b):
            if b.denominator == 1:
                power = b.numerator
                if power >= 0:
                    return Fraction(a._numerator ** power, a._denominator ** power, _normalize=False)
                elif a._numerator >= 0:
                    return Fraction(a._denominator ** -power, a._numerator ** -power, _normalize=False)
                else:
                    return Fraction((-a._denominator) ** -power, (-a._numerator) ** -power,
                                    _normalize=False)
            else:
                # A fractional power is generally irrational.
                return float(a) ** float(b)
        else:
            return float(a) ** b

    def __rpow__(b, a):
        """a ** b"""
        if b._denominator == 1 and b._numerator >= 0:
            # an int base stays an int
            return a ** b._numerator
        if _is_rational(a):
            return Fraction(a.numerator, a.denominator) ** b
        if b._denominator == 1:
            return a ** b._numerator
        return a ** float(b)

    def __pos__(a):
        """+a, a plain Fraction even for a subclass"""
        return Fraction(a._numerator, a._denominator, _normalize=False)

    def __neg__(a):
        """-a"""
        return Fraction(-a._numerator, a._denominator, _normalize=False)

    def __abs__(a):
        """abs(a)"""
        return Fraction(abs(a._numerator), a._denominator, _normalize=False)

    def __int__(a, _index=operator.index):
        """int(a)"""
        if a._numerator < 0:
            return _index(-(-a._numerator // a._denominator))
        else:
            return _index(a._numerator // a._denominator)

    def __trunc__(a):
        """math.trunc(a)"""
        if a._numerator < 0:
            return -(-a._numerator // a._denominator)
        else:
            return a._numerator // a._denominator

    def __floor__(a):
        """math.floor(a)"""
        return a._numerator // a._denominator

    def __ceil__(a):
        """math.ceil(a)"""
        return -(-a._numerator // a._denominator)

    def __round__(self, ndigits=None):
        """round(self, ndigits), halves to even"""
        if ndigits is None:
            floor, remainder = divmod(self._numerator, self._denominator)
            if remainder * 2 < self._denominator:
                return floor
            elif remainder * 2 > self._denominator:
                return floor + 1
            elif floor % 2 == 0:
                return floor
            else:
                return floor + 1
        shift = 10 ** abs(ndigits)
        if ndigits > 0:
            return Fraction(round(self * shift), shift)
        else:
            return Fraction(round(self / shift) * shift)

    def __float__(a):
        """float(a): the correctly rounded quotient"""
        return a._numerator / a._denominator

    def __complex__(a):
        """complex(a)"""
        return complex(float(a))

    @property
    def real(a):
        """A real number is its own real part."""
        return +a

    @property
    def imag(a):
        """A real number has imaginary part 0."""
        return 0

    def conjugate(a):
        """A real number is its own conjugate."""
        return +a

    def __hash__(self):
        """hash(self): equal to the hash of an equal int or float"""
        # hash(n/d) is n * inverse(d) modulo the prime P; a multiple of P
        # as denominator has no inverse and hashes as infinity.
        try:
            dinv = pow(self._denominator, -1, _PyHASH_MODULUS)
        except ValueError:
            hash_ = _PyHASH_INF
        else:
            hash_ = hash(hash(abs(self._numerator)) * dinv)
        result = hash_ if self._numerator >= 0 else -hash_
        return -2 if result == -1 else result

    def __eq__(a, b):
        """a == b"""
        if type(b) is int:
            return a._numerator == b and a._denominator == 1
        if _is_rational(b):
            return a._numerator == b.numerator and a._denominator == b.denominator
        if isinstance(b, complex) and b.imag == 0:
            b = b.real
        if isinstance(b, float):
            if math.isnan(b) or math.isinf(b):
                # comparing with 0.0 gives the right answer for nan and inf
                return 0.0 == b
            else:
                return a == a.from_float(b)
        else:
            return NotImplemented

    def _richcmp(self, other, op):
        """<, <=, >, >= against rationals and floats"""
        if _is_rational(other):
            return op(self._numerator * other.denominator, self._denominator * other.numerator)
        if isinstance(other, float):
            if math.isnan(other) or math.isinf(other):
                return op(0.0, other)
            else:
                return op(self, self.from_float(other))
        else:
            return NotImplemented

    def __lt__(a, b):
        """a < b"""
        return a._richcmp(b, operator.lt)

    def __gt__(a, b):
        """a > b"""
        return a._richcmp(b, operator.gt)

    def __le__(a, b):
        """a <= b"""
        return a._richcmp(b, operator.le)

    def __ge__(a, b):
        """a >= b"""
        return a._richcmp(b, operator.ge)

    def __bool__(a):
        """a != 0"""
        return bool(a._numerator)

    # Fractions are immutable: copies are the object itself, except for
    # subclasses, which may add state.

    def __reduce__(self):
        return (self.__class__, (self._numerator, self._denominator))

    def __copy__(self):
        if type(self) == Fraction:
            return self
        return self.__class__(self._numerator, self._denominator)

    def __deepcopy__(self, memo):
        if type(self) == Fraction:
            return self
        return self.__class__(self._numerator, self._denominator)


def _coprime(n, d):
    """A Fraction from n and d > 0 that share no factor: no checks, no gcd."""
    self = object.__new__(Fraction)
    self._numerator = n
    self._denominator = d
    return self
