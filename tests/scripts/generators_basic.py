def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1

print(list(count_up(5)), sum(count_up(101)))
g = count_up(2)
print(next(g), next(g))
try:
    next(g)
except StopIteration:
    print("exhausted")
print(type(g).__name__, g.__name__)

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

f = fib()
print([next(f) for _ in range(10)])

def with_return():
    yield 1
    return "result"

g = with_return()
next(g)
try:
    next(g)
except StopIteration as e:
    print("StopIteration value:", e.value)

def delegate():
    r = yield from with_return()
    print("delegate got", r)
    yield from [10, 20]
    yield from range(2)

print(list(delegate()))
gen_exp = (x * x for x in range(5) if x % 2 == 0)
print(gen_exp.__class__.__name__, list(gen_exp), list(gen_exp))
print(sum(x for x in range(10)), max(len(w) for w in ["a", "abc", "ab"]))
