import functools
from functools import partial, reduce, lru_cache, wraps
print(reduce(lambda a, b: a * b, range(1, 6)), reduce(lambda a, b: a + b, [], 0))
def power(base, exp):
    return base ** exp
square = partial(power, exp=2)
cube = partial(power, exp=3)
print(square(5), cube(2), square.func.__name__, square.keywords)
def greet(greeting, name, *, punct="!"):
    return f"{greeting}, {name}{punct}"
hi = partial(greet, "Hi")
print(hi("Ann"), hi("Bob", punct="?"))
calls = 0
@lru_cache(maxsize=None)
def fib(n):
    global calls
    calls += 1
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), calls)
print(fib.cache_info())
@lru_cache(maxsize=2)
def ident(x):
    print("computing", x)
    return x
ident(1); ident(2); ident(1); ident(3); ident(2)
def deco(f):
    @wraps(f)
    def inner(*a):
        return f(*a)
    return inner
@deco
def documented():
    "the doc"
print(documented.__name__, documented.__doc__, documented.__wrapped__.__name__)
print(functools.cmp_to_key(lambda a, b: b - a) is not None, sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)))
