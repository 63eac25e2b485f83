# Compiler check: closures, global/nonlocal, class scopes, unpacking, augmented assignment, walrus, f-strings, comprehensions.
def outer():
    x = 1
    def inner():
        nonlocal x
        x += 1
        return x
    return inner
f = outer()
print(f(), f(), f.__qualname__, f.__code__.co_freevars)
counter = 0
def bump():
    global counter
    counter += 1
bump(); bump()
print(counter)
class A:
    y = 10
    def m(self):
        return __class__
    def n(self):
        return [self.y * i for i in range(3)]
    class B:
        pass
print(A().m() is A, A().n(), A.B.__qualname__, A.m.__qualname__)
a, *b, c = range(6)
print(a, b, c)
(p, q), r = (1, 2), 3
print(p, q, r)
d = {"k": [1, 2]}
d["k"][0] += 5
print(d)
class O: pass
o = O(); o.v = 3; o.v *= 7; print(o.v)
print(1 < 2 < 3, 1 < 3 < 2, 0 or "x", 1 and 0, None or [] or "z")
data = [y := 5, y ** 2]
print(data, y)
print([w for v in range(4) if (w := v * 10) > 5], w)
name = "gil"; width = 8
print(f"{name!r:>{width}} {3.14159:.2f} {name=} {{lit}}")
def deco(fn):
    def wrap(*a):
        return ("deco", fn(*a))
    return wrap
@deco
def g(v): return v + 1
print(g(1))
try:
    assert 1 == 2, "nope"
except AssertionError as e:
    print("assert", e)
try:
    assert False
except AssertionError as e:
    print("assert2", repr(e))
try:
    e
except NameError as ex:
    print("deleted:", ex)
del d["k"]
print(d)
lst = [1, 2, 3, 4]
del lst[1:3]
print(lst)
print((lambda *a, k=2: (a, k))(1, 2))
print({i: i * i for i in range(3)}, {i % 2 for i in range(5)}, sum(i for i in range(5)))
print(-5, 2 ** 10, -(2 ** 3), ~5, not 0, +3)
x = 10
def shadow():
    return [x for x in range(2)], x
print(shadow())
print(type(None).__name__, ..., (1,), (), [*"ab", *"cd"], {**{"a": 1}, "b": 2})
