import math
print(math.pi, math.e, math.tau, math.inf, math.nan != math.nan)
print(math.sqrt(2), math.floor(3.7), math.ceil(3.2), math.floor(-3.5), math.trunc(-3.7))
print(math.pow(2, 8), math.exp(1), math.log(math.e), math.log(8, 2), math.log10(1000), math.log2(1024))
print(math.sin(0), math.cos(0), round(math.sin(math.pi / 2), 10), math.atan2(1, 1), math.hypot(3, 4))
print(math.factorial(20), math.factorial(25), math.gcd(48, 18), math.lcm(4, 6), math.isqrt(99))
print(math.comb(10, 3), math.perm(5, 2), math.fabs(-2), math.fmod(7, 3), math.copysign(1, -0.0))
print(math.isclose(0.1 + 0.2, 0.3), math.isinf(math.inf), math.isnan(math.nan), math.isfinite(1.0))
print(math.degrees(math.pi), math.radians(180), math.fsum([0.1] * 10), sum([0.1] * 10), math.prod([1, 2, 3, 4]))
print(type(math.floor(2.5)), math.floor(1e20), math.modf(3.5), math.frexp(8.0), math.ldexp(0.5, 4))
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    math.log(0)
except ValueError as e:
    print("ValueError:", e)
