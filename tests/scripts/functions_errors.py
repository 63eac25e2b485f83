def f(a, b, *, c):
    return a

def g(x, y=1):
    return x

tests = [
    lambda: f(1),
    lambda: f(1, 2),
    lambda: f(1, 2, 3, c=4),
    lambda: f(1, 2, c=3, d=4),
    lambda: f(1, 2, a=1, c=3),
    lambda: g(),
    lambda: g(1, 2, 3),
    lambda: g(y=2),
    lambda: len(),
    lambda: len(1, 2),
    lambda: (lambda: 0)(1),
    lambda: print(sep=1),
]
for t in tests:
    try:
        t()
    except TypeError as e:
        print("TypeError:", e)

class C:
    def m(self, x):
        return x

try:
    C().m()
except TypeError as e:
    print(e)
try:
    C().m(1, 2)
except TypeError as e:
    print(e)
