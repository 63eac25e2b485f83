# Compiler check: super(), metaclass keywords, star calls, star bases, literals.
class Base:
    def __init__(self, name, **kw):
        self.name = name
        self.kw = kw
    def hello(self):
        return "base " + self.name
class Child(Base):
    def __init__(self, *a, **kw):
        super().__init__(*a, **kw)
    def hello(self):
        return "child+" + super().hello()
    @classmethod
    def make(cls):
        return cls("made")
    @staticmethod
    def st(): return "static"
    @property
    def upper(self): return self.name.upper()
c = Child("x", k=1)
print(c.hello(), c.kw, Child.make().name, Child.st(), c.upper)
def counter():
    n = 0
    def gen():
        nonlocal n
        while n < 3:
            n += 1
            yield n
    return gen
print(list(counter()()))
def w(lines):
    it = iter(lines)
    out = []
    while (line := next(it, None)) is not None:
        out.append(line)
    return out
print(w(["a", "b"]))
def ret(*a):
    return *a, "end"
print(ret(1, 2))
a = [0, 1, 2, 3, 4]
a[1:3] = ["x"]
a[0:1] += ["y"]
print(a)
x = y = []
x.append(1); print(y)
print(*[1, 2, 3], sep="-")
def outer(v=[]):
    v.append(len(v))
    return v
outer(); print(outer())
w_, p_ = 10, 3
print(f"{3.14159:{w_}.{p_}f}|{'a' if w_ else 'b'}|{ {1: 2}[1] }")
class Meta(type):
    def __new__(mcs, name, bases, ns, **kw):
        ns["tag"] = kw.get("tag", "none")
        return super().__new__(mcs, name, bases, ns)
class T(metaclass=Meta, tag="hi"):
    pass
print(T.tag, type(T).__name__)
bases = (Base,)
class S(*bases):
    pass
print(S.__mro__[1].__name__)
