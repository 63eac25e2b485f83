# Instance creation goes through a fast path when __init__ is a plain
# Python function; everything around it must behave as before.
import traceback


class P:
    def __init__(self, x, y=2, *, z=3):
        self.x, self.y, self.z = x, y, z


for i in range(3):
    p = P(i, z=i * 10)
    print(p.x, p.y, p.z)
print(vars(P(1, 2)))


class Bad:
    def __init__(self):
        return 42


for _ in range(2):
    try:
        Bad()
    except TypeError as e:
        print("TypeError:", e)


class Raises:
    def __init__(self, n):
        if n > 1:
            raise ValueError("n=%d" % n)
        self.n = n


for n in range(4):
    try:
        print(Raises(n).n)
    except ValueError as e:
        print("ValueError:", e)
try:
    Raises()
except TypeError as e:
    print("TypeError:", e)
try:
    P(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)

try:
    Raises(5)
except ValueError:
    tb = traceback.format_exc().splitlines()
    print([l.strip() for l in tb if l.strip().startswith(("raise", "Raises("))])


class Sub(P):
    pass


s = Sub(7)
print(type(s).__name__, s.x, s.y)


def new_init(self, a):
    self.a = a * 2


for step in range(3):
    if step == 1:
        P.__init__ = new_init
    if step == 2:
        del P.__init__
    try:
        o = P(5)
        print(step, vars(o))
    except TypeError as e:
        print(step, "TypeError:", e)


class WithNew:
    def __new__(cls, *args):
        print("new", args)
        return super().__new__(cls)

    def __init__(self, a):
        print("init", a)


WithNew(1)
WithNew(2)


class Other:
    pass


class ReturnsOther:
    def __new__(cls):
        return Other()

    def __init__(self):
        print("not called")


print(type(ReturnsOther()).__name__)


class Meta(type):
    def __call__(cls, *args):
        print("Meta.__call__", args)
        return super().__call__(*args)


class M(metaclass=Meta):
    def __init__(self, v):
        self.v = v


print(M(3).v)


class GenInit:
    def __init__(self):
        yield 1


try:
    GenInit()
except TypeError as e:
    print("TypeError:", e)


class Deep:
    def __init__(self, n):
        self.child = Deep(n - 1) if n else None


d = Deep(50)
depth = 0
while d.child:
    d = d.child
    depth += 1
print(depth)


class Rec:
    def __init__(self):
        Rec()


try:
    Rec()
except RecursionError as e:
    print("RecursionError:", e)


class Slots:
    __slots__ = ("a",)

    def __init__(self, a):
        self.a = a


print(Slots(9).a)
print([Slots(i).a for i in range(5)])
