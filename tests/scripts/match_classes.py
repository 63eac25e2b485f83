# match statement: class patterns — __match_args__, keyword sub-patterns,
# dataclasses and named tuples, the self-matching builtins, and the
# TypeErrors of malformed patterns.
import collections
import dataclasses
import enum


class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


class Point3(Point):
    __match_args__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z


def where(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point3(x, y, 0):
            return f"3d on plane at {x},{y}"
        case Point(0, y):
            return f"on the y axis at {y}"
        case Point(x=0 | 1 as x, y=y):
            return f"near the y axis: x={x} y={y}"
        case Point(x, y) if x == y:
            return f"diagonal at {x}"
        case Point(y=5):
            return "y is five"
        case Point():
            return "some point"
        case _:
            return "not a point"


for p in [Point(0, 0), Point3(1, 2, 0), Point3(0, 0, 9), Point(0, 7), Point(1, 9), Point(3, 3), Point(2, 5),
          Point(2, 6), (0, 0)]:
    print(p, "->", where(p))


@dataclasses.dataclass
class Move:
    dx: int
    dy: int = 0


@dataclasses.dataclass
class Say:
    text: str
    loud: bool = False


@dataclasses.dataclass
class Quit:
    pass


@dataclasses.dataclass(match_args=False)
class NoArgs:
    a: int


def run(cmd):
    match cmd:
        case Move(0, 0):
            return "stay"
        case Move(dx, 0) | Move(0, dx):
            return f"straight line by {dx}"
        case Move(dx, dy):
            return f"diagonal {dx},{dy}"
        case Say(text, loud=True):
            return text.upper() + "!"
        case Say(str(text)):
            return text
        case Quit():
            return "bye"
        case NoArgs(a=a):
            return f"keyword only {a}"


print(Move.__match_args__, Say.__match_args__, Quit.__match_args__, hasattr(NoArgs, "__match_args__"))
for c in [Move(0, 0), Move(3), Move(0, -2), Move(1, 1), Say("hi"), Say("hey", loud=True), Quit(), NoArgs(4)]:
    print(c, "->", run(c))
try:
    match NoArgs(1):
        case NoArgs(1):
            pass
except TypeError as e:
    print("TypeError:", e)

Pair = collections.namedtuple("Pair", "left right")
match Pair(1, 2):
    case Pair(l, right=2):
        print("namedtuple", l)
match Pair(3, 4):
    case (a, b):
        print("namedtuple as sequence", a, b)


# The builtins whose one positional sub-pattern is the subject itself.
def builtin(v):
    match v:
        case bool(b):
            return f"bool {b}"
        case int(i):
            return f"int {i}"
        case float(f):
            return f"float {f}"
        case str(s):
            return f"str {s!r}"
        case bytes(b) | bytearray(b):
            return f"{type(b).__name__} {b!r}"
        case list([x, *_]):
            return f"list starting {x}"
        case tuple(t):
            return f"tuple {t}"
        case dict({"k": k}):
            return f"dict with k={k}"
        case set(s) | frozenset(s):
            return f"{type(s).__name__} of {len(s)}"
        case _:
            return "other"


for v in [True, 7, 2.5, "s", b"b", bytearray(b"ba"), [9, 8], (1,), {"k": 0}, {1, 2}, frozenset([1]), None, []]:
    print(repr(v), "->", builtin(v))


class MyInt(int):
    pass


class Celsius(float):
    __match_args__ = ("real",)


class Weekday(enum.IntEnum):
    MON = 1
    TUE = 2


match MyInt(3):
    case MyInt(x):
        print("subclass matches itself:", x, type(x).__name__)
match Celsius(21.5):
    case Celsius(r):
        print("own __match_args__:", r)
match Weekday.TUE:
    case int(2):
        print("IntEnum member is an int equal to 2")
match 3:
    case int(real=3, imag=0) as n:
        print("int attributes", n)
match True:
    case int(1):
        print("True is int(1)")
try:
    match 5:
        case int(1, 2):
            pass
except TypeError as e:
    print("TypeError:", e)


# Keyword sub-patterns read attributes; a missing one fails the match.
class Box:
    def __init__(self, **kw):
        self.__dict__.update(kw)


def box(b):
    match b:
        case Box(color="red", size=s):
            return f"red box size {s}"
        case Box(color=c):
            return f"{c} box"
        case Box():
            return "plain box"


print(box(Box(color="red", size=3)), "|", box(Box(color="red")), "|", box(Box(color="blue")), "|", box(Box()))


class Prop:
    @property
    def boom(self):
        raise ValueError("property raised")

    @property
    def gone(self):
        raise AttributeError("no such thing")


match Prop():
    case Prop(gone=_):
        print("matched?!")
    case Prop():
        print("AttributeError from a property fails the match")
try:
    match Prop():
        case Prop(boom=_):
            pass
except ValueError as e:
    print("ValueError:", e)


# isinstance goes through __instancecheck__.
class Meta(type):
    def __instancecheck__(cls, obj):
        print("  __instancecheck__", type(obj).__name__)
        return isinstance(obj, int)


class AnyInt(metaclass=Meta):
    pass


match 42:
    case AnyInt():
        print("AnyInt accepted 42")


# Nested class patterns and dotted class names.
@dataclasses.dataclass
class Line:
    start: Point
    end: Point


match Line(Point(0, 0), Point(0, 5)):
    case Line(Point(0, 0), Point(x, y)) if x == 0:
        print("vertical line from origin to", y)

ns = type("ns", (), {"Point": Point})
match Point(4, 4):
    case ns.Point(x=4):
        print("dotted class name")


# Errors raised while matching a class pattern.
class Bad:
    __match_args__ = ["a"]
    a = 1


class BadItem:
    __match_args__ = ("a", 2)
    a = 1


class Twice:
    __match_args__ = ("a", "a")
    a = 1


class One:
    __match_args__ = ("a",)
    a = 1


class StrSub(str):
    pass


class BadSub:
    __match_args__ = (StrSub("a"),)
    a = 1


class MetaArgs(type):
    @property
    def __match_args__(cls):
        raise KeyError("from metaclass")


class WithMeta(metaclass=MetaArgs):
    pass


def attempt(label, subject, make_pattern):
    try:
        make_pattern(subject)
        print(label, "-> no error")
    except TypeError as e:
        print(label, "-> TypeError:", e)
    except KeyError as e:
        print(label, "-> KeyError:", e)


def p_len(s):
    match s:
        case len():
            pass


def p_bad(s):
    match s:
        case Bad(1):
            pass


def p_bad_item(s):
    match s:
        case BadItem(1, 2):
            pass


def p_twice(s):
    match s:
        case Twice(1, 1):
            pass


def p_pos_and_kw(s):
    match s:
        case One(1, a=1):
            pass


def p_too_many(s):
    match s:
        case One(1, 2):
            pass


def p_none_allowed(s):
    match s:
        case Quit(1):
            pass


def p_str_subclass(s):
    match s:
        case BadSub(1):
            pass


def p_meta(s):
    match s:
        case WithMeta(1):
            pass


def p_not_instance(s):
    match s:
        case Bad(1):
            pass


attempt("len()", 1, p_len)
attempt("list __match_args__", Bad(), p_bad)
attempt("int in __match_args__", BadItem(), p_bad_item)
attempt("repeated name", Twice(), p_twice)
attempt("positional and keyword", One(), p_pos_and_kw)
attempt("too many", One(), p_too_many)
attempt("no __match_args__", Quit(), p_none_allowed)
attempt("str subclass name", BadSub(), p_str_subclass)
attempt("metaclass property", WithMeta(), p_meta)
attempt("not an instance: no checks", 5, p_not_instance)
