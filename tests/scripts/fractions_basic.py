# fractions: construction, arithmetic with int/float/complex, comparisons,
# hashing equal to int/float hashes, rounding and limit_denominator.
import copy
import math
from fractions import Fraction as F

def t(expr):
    try:
        r = eval(expr)
    except Exception as e:
        print(expr, '->', type(e).__name__, e)
    else:
        print(expr, '->', repr(r), type(r).__name__)

for e in ['F()', 'F(7)', 'F(-6, 4)', 'F(6, -4)', 'F(0, -5)', 'F(True)', 'F(F(3, 4))', 'F(F(1, 2), F(3, 4))', 'F(3, F(2))',
          'F(1.5)', 'F(0.1)', 'F(-0.0)', 'F(2**70, 2**68)', 'F(10**30 + 1, 3)',
          'F("3/4")', 'F(" -10/ 4 ")', 'F("+7")', 'F("1.25")', 'F("-.5")', 'F("1.")', 'F("1e3")', 'F("1.5E-3")',
          'F("2.5e+2")', 'F("1_000/3_0")', 'F("0.1_2")', 'F("\\t12\\n")',
          'F("3/0")', 'F(3, 0)', 'F("")', 'F("x")', 'F("1e")', 'F("1/2/3")', 'F("1 /")', 'F("1__0")', 'F("_1")',
          'F("1.5/2")', 'F("1 /2")', 'F("1/ 2")', 'F("1.d")', 'F("1.e5")', 'F("1.5e1_0")', 'F("\u0661/\u0662")', 'F("1_0.5_5")', 'F("1e+_5")', 'F("/2")', 'F(". 5")', 'F("1/-2")',
          'F(1.5, 2)', 'F("1/2", 3)', 'F([])', 'F(None)', 'F(float("nan"))', 'F(float("inf"))',
          'F.from_float(0.25)', 'F.from_float(3)', 'F.from_float("x")', 'F.from_decimal(7)', 'F.from_decimal(1.5)',
          'F(3, 4).as_integer_ratio()', 'F(-3, 4).numerator', 'F(-3, 4).denominator',
          'F(1, 2) + F(1, 3)', 'F(1, 2) - 1', '1 - F(1, 2)', 'F(2, 3) * F(9, 4)', 'F(2, 3) / F(4, 9)', '3 / F(3, 4)',
          'F(1, 2) + 0.25', '0.25 + F(1, 2)', 'F(1, 2) * 1j', '1j * F(1, 2)', 'F(1, 2) + (1+2j)',
          'F(7, 2) // F(1, 3)', 'F(7, 2) % F(1, 3)', 'divmod(F(7, 2), F(1, 3))', 'divmod(7, F(2, 3))', '7 % F(2, 3)',
          'F(-7, 2) // 2', 'F(-7, 2) % 2', 'F(7, 2) // 0.5', 'divmod(F(7, 2), 1.5)', 'F(7, 2) % -1.5',
          'F(1, 2) / 0', 'F(1, 2) / F(0)', '1 / F(0)', 'F(3, 4) / F(0)', 'F(-3, 4) / 0', '2 / F(0)', 'F(0) / F(0)', 'F(6, 4) / F(-3, 8)', 'F(-6, 4) / F(3, -8)', 'F(5, 6) / F(10, 3)', 'F(1, 6) + F(1, 3)', 'F(1, 6) - F(2, 3)', 'F(7, 12) * F(18, 35)', 'F(-7, 12) * F(18, -35)', 'F(1, 2) // 0', 'F(1, 2) % 0', 'divmod(F(1, 2), 0)',
          'F(2, 3) ** 3', 'F(2, 3) ** -2', 'F(-2, 3) ** -3', 'F(0) ** -1', 'F(4) ** F(1, 2)', 'F(1, 2) ** 0.5',
          '2 ** F(3)', '2 ** F(-2)', '2 ** F(1, 2)', '2.0 ** F(2)', 'F(-8) ** F(1, 3)', 'F(9, 4) ** F(2)',
          '-F(1, 2)', '+F(1, 2)', 'abs(F(-1, 2))', 'int(F(-7, 2))', 'int(F(7, 2))', 'float(F(1, 3))', 'float(F(10**400, 10**399))',
          'complex(F(1, 2))', 'math.trunc(F(-7, 2))', 'math.floor(F(-7, 2))', 'math.ceil(F(-7, 2))', 'math.floor(F(7, 2))',
          'round(F(5, 2))', 'round(F(7, 2))', 'round(F(-5, 2))', 'round(F(8, 3))', 'round(F(1, 3), 2)', 'round(F(12345, 1), -2)',
          'round(F(5, 2), -1)', 'round(F(25, 1000), 2)', 'round(F(1, 3), 0)',
          'F(1, 2) == 0.5', 'F(1, 3) == 1/3', 'F(2) == 2', 'F(1, 2) == complex(0.5, 0)', 'F(1, 2) == 1j', 'F(1, 2) == "1/2"',
          'F(1, 2) < 1', 'F(1, 2) < 0.4', 'F(1, 2) >= F(2, 4)', '1 > F(1, 2)', '0.6 > F(1, 2)', 'F(1, 2) < float("inf")',
          'F(1, 2) > float("nan")', 'F(1, 2) == float("nan")', 'F(1, 2) < "a"', 'sorted([F(1, 2), 0.3, 1, F(1, 3)])',
          'max(F(7, 3), 2, 2.5)', 'bool(F(0))', 'bool(F(1, 9))', 'F(1, 2).real', 'F(1, 2).imag', 'F(1, 2).conjugate()',
          'F(1, 3).limit_denominator(0)', 'F("3.141592653589793").limit_denominator(10)', 'F("3.141592653589793").limit_denominator(100)',
          'F(4321, 8765).limit_denominator(10000)', 'F(0.1).limit_denominator()', 'F(-0.1).limit_denominator(1000)', 'F(1, 3).limit_denominator(2)',
          'F(1, 2) + "a"', 'format(F(1, 2))', 'format(F(1, 2), ">5")',
          'str(F(3, 1))', 'str(F(-3, 7))', 'repr(F(-3, 7))', 'sum([F(1, 10)] * 10)', 'sum([0.1] * 10) == F(1)']:
    t(e)

for v in [F(1, 2), F(3), F(-3), F(-1), F(1, 3), F(10**20, 7), F(2**61 - 1), F(1, 2**61 - 1), F(-7, 2**61 - 1), F(2**80),
          F(5, 4), F(-5, 4)]:
    h = hash(v)
    print(v, h, h == hash(float(v)) if v.denominator & (v.denominator - 1) == 0 else '',
          h == hash(int(v)) if v.denominator == 1 else '')
print(len({F(1, 2), 0.5, F(2, 4), F(2), 2, 2.0}))
d = {0.25: 'float'}
print(d[F(1, 4)])

class Sub(F):
    pass

s = Sub(3, 6)
print(type(s).__name__, repr(s), type(s + 1).__name__, type(-s).__name__, type(+s).__name__)
x = F(2, 3)
print(copy.copy(x) is x, copy.deepcopy(x) is x, copy.copy(s) is s, copy.copy(s) == s, x.__reduce__())
print(isinstance(F(1), F), F.__name__, F.__module__)
total = F(0)
for k in range(1, 30):
    total += F(1, k * (k + 1))
print(total, total.limit_denominator(10), float(total))

# a long exact sum: the operands' common factors cancel before multiplying
acc = F(0)
for k in range(1, 400):
    acc += F(1, k) * F(k % 7 + 1, 3)
    acc -= F(1, k + 1)
print(acc.denominator.bit_length(), acc.numerator % 1000003, float(acc))
