# fractions: randomized operands (ints, floats, small and huge Fractions)
# through the operators, rounding, hashing, limit_denominator and powers.
import random, math, operator
from fractions import Fraction as F
rng = random.Random(99)
def rv():
    k = rng.randrange(5)
    if k == 0: return rng.randrange(-50, 50)
    if k == 1: return rng.choice([0.5, -1.25, 3.0, 1e-3, 2.0**60, -0.0, 7.1])
    if k == 2: return F(rng.randrange(-10**6, 10**6), rng.randrange(1, 10**4))
    if k == 3: return F(rng.randrange(-10**30, 10**30), rng.randrange(1, 10**25))
    return F(rng.randrange(-9, 9), rng.randrange(1, 9))
ops = [operator.add, operator.sub, operator.mul, operator.truediv, operator.floordiv, operator.mod, divmod, operator.lt, operator.le, operator.eq, operator.gt, operator.ge, operator.ne]
out = []
for i in range(700):
    a, b = rv(), rv()
    if not isinstance(a, F) and not isinstance(b, F): a = F(a) if not isinstance(a, float) else F(a)
    op = rng.choice(ops)
    try: r = op(a, b)
    except Exception as e: r = type(e).__name__ + str(e)
    out.append(repr(r))
    if isinstance(a, F):
        out.append(repr((round(a), round(a, 2), round(a, -1), math.floor(a), math.ceil(a), int(a), float(a), hash(a), a.limit_denominator(100), abs(a), -a, str(a))))
        if a and abs(a) < 1000:
            try: out.append(repr(a ** rng.randrange(-3, 4)))
            except Exception as e: out.append(type(e).__name__ + str(e))
            out.append(repr(a ** 0.5 if a > 0 else a ** 2.0))
print("\n".join(out))
