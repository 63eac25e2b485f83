# Compiler check: class-level free variables, name mangling, annotations, docstrings, del, coroutines.
def mk():
    v = "closure"
    class K:
        w = v
        def get(self):
            return v
    return K
K = mk()
print(K.w, K().get())
class P:
    __secret = 1
    def peek(self):
        return self.__secret
print(P().peek(), hasattr(P, "_P__secret"))
x: int = 5
class Ann:
    a: int
    b: str = "s"
print(__annotations__, Ann.__annotations__, Ann.b)
def ann(a: int, *, b: str = "q") -> bool:
    pass
print(ann.__annotations__, ann.__kwdefaults__, ann.__defaults__)
def docd():
    "the doc"
    return 1
print(docd.__doc__, (lambda: 0).__doc__)
class Doc:
    "class doc"
print(Doc.__doc__, Doc.__module__, Doc.__qualname__)
def loc():
    a = 1
    del a
    try:
        print(a)
    except UnboundLocalError as e:
        print("ULE", e)
loc()
import sys as os
print(os.__name__)
async def coro(n):
    return n * 2
async def main():
    r = await coro(21)
    return r
c = main()
try:
    c.send(None)
except StopIteration as s:
    print("coro result", s.value)
def gen_exp():
    return (i * 2 for i in range(3))
print(list(gen_exp()), gen_exp().__qualname__ if hasattr(gen_exp(), "__qualname__") else "")
def cells(a, b):
    def inner():
        return a + b
    a = 10
    return inner()
print(cells(1, 2))
i = 0
while i < 3:
    i += 1
print(i)
print([(a, b) for a in range(3) for b in range(a)])
print(f"{'nested'!s:^10}|{12:05d}|{'x'*3}")
t = 1, 2
print(t, t[0], t[-1], t[:1])
s = slice(1, None, 2)
print([0, 1, 2, 3, 4][1::2], "abcdef"[::-1], [1,2,3][s])
