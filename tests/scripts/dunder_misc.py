class Callable:
    def __init__(self):
        self.calls = 0
    def __call__(self, *args):
        self.calls += 1
        return sum(args)

c = Callable()
print(c(1, 2, 3), c(), c.calls, callable(c), callable(5))

class Dyn:
    def __getattr__(self, name):
        return name.upper()

d = Dyn()
d.real = "set"
print(d.anything, d.real)

class Str:
    def __str__(self):
        return "str-form"
    def __repr__(self):
        return "repr-form"
    def __format__(self, spec):
        return "fmt:" + spec

s = Str()
print(s, str(s), repr(s), [s], f"{s}", f"{s!r}", f"{s:xyz}", format(s, "q"))

class Ctx:
    def __enter__(self):
        print("enter")
        return "value"
    def __exit__(self, et, ev, tb):
        print("exit", et.__name__ if et else None, ev)
        return True

with Ctx() as v:
    print("inside", v)
with Ctx():
    raise ValueError("suppressed")
print("after")

class Guard:
    def __setattr__(self, name, value):
        print("set", name, value)
        super().__setattr__(name, value)

g = Guard()
g.a = 1
print(g.a)

class NoHash:
    def __eq__(self, other):
        return True

try:
    hash(NoHash())
except TypeError as e:
    print(e)
print(NoHash() == 1, NoHash.__hash__)
