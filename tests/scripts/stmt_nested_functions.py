def make_multipliers():
    def make(n):
        def mul(x):
            return x * n
        mul.__name__ = f"times{n}"
        return mul
    return [make(i) for i in range(1, 4)]
ms = make_multipliers()
print([m(10) for m in ms], [m.__name__ for m in ms])
def memoize(f):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = f(n)
        return cache[n]
    wrapper.cache = cache
    return wrapper
@memoize
def slow_fib(n):
    return n if n < 2 else slow_fib(n - 1) + slow_fib(n - 2)
print(slow_fib(100), len(slow_fib.cache))
def compose(*fs):
    def composed(x):
        for f in reversed(fs):
            x = f(x)
        return x
    return composed
inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5), compose()(7))
def accumulate():
    total = []
    def add(x):
        total.append(x)
        return sum(total)
    return add
acc = accumulate()
print(acc(1), acc(2), acc(10))
def f():
    def g():
        def h():
            return "deep"
        return h
    return g
print(f()()())
print(f.__qualname__, f().__qualname__, f()().__qualname__)
