# match statement: literal, singleton, value, capture, wildcard, or- and
# as-patterns, guards, and where names end up bound.
import enum


def kind(v):
    match v:
        case 0:
            return "zero"
        case -1:
            return "minus one"
        case 1.5:
            return "one and a half"
        case -2.5e3:
            return "big negative float"
        case 1 + 2j:
            return "complex 1+2j"
        case -3 - 4j:
            return "complex -3-4j"
        case 5j:
            return "imaginary 5j"
        case "hello" | "hi":
            return "greeting"
        case "multi" "part":
            return "concatenated string"
        case b"raw":
            return "bytes"
        case None:
            return "None"
        case 0x10 | 0o20 | 0b1_0001:
            return "sixteen or seventeen"
        case _:
            return "something else"


for v in [0, 0.0, -1, -1.0, 1.5, -2500.0, 1 + 2j, -3 - 4j, 5j, "hello", "hi", "multipart", b"raw",
          None, 16, 17, "zero", [], (), 99]:
    print(repr(v), "->", kind(v))


# Singletons compare with `is`; other literals with ==.
def truth(v):
    match v:
        case True:
            return "True"
        case False:
            return "False"
        case 1:
            return "== 1"
        case 0:
            return "== 0"
    return "no case"


for v in [True, False, 1, 1.0, 0, 0.0, 2]:
    print(repr(v), "->", truth(v))


def one(v):
    match v:
        case 1:
            return "== 1"
        case _:
            return "not 1"


print(one(True), one(1.0), one(1 + 0j), one("1"))


class Color(enum.Enum):
    RED = 1
    GREEN = 2


class Consts:
    LIMIT = 10
    inner = type("Inner", (), {"deep": "dotted"})


def value(v):
    match v:
        case Color.RED:
            return "red"
        case Color.GREEN | Consts.LIMIT:
            return "green or limit"
        case Consts.inner.deep:
            return "deep dotted name"
        case _:
            return "other"


for v in [Color.RED, Color.GREEN, 10, 10.0, "dotted", 1]:
    print(repr(v), "->", value(v))


# Value patterns call __eq__ with the pattern's value on the right.
class Loud:
    def __init__(self, name):
        self.name = name

    def __eq__(self, other):
        print(f"  {self.name}.__eq__({other!r})")
        return other == 3

    __hash__ = object.__hash__


def loud(v):
    match v:
        case 1 | 2:
            return "one or two"
        case 3:
            return "three"
    return "none"


print(loud(Loud("a")))


# Captures and wildcards; as-patterns; names visible after the statement.
def capture(v):
    match v:
        case 0 | 1 as small:
            print("small", small)
        case [_, _] as pair:
            print("pair", pair)
        case (x, y) if x > y:
            print("descending", x, y)
        case other:
            print("other", other)


for v in [0, 1, [1, 2], (5, 3), (3, 5), "s"]:
    capture(v)


def leftovers(v):
    x = y = "unset"
    match v:
        case (x, y) if x > y:
            result = "guard passed"
        case _:
            result = "fell through"
    # A guard that fails leaves the case's captures bound, as in CPython.
    return result, x, y


print(leftovers((1, 2)))
print(leftovers((2, 1)))
print(leftovers("no"))


def guards(v):
    calls = []

    def check(tag, ok):
        calls.append(tag)
        return ok

    match v:
        case int(n) if check("int>10", n > 10):
            res = "big int"
        case int(n) if check("int<0", n < 0):
            res = "negative int"
        case int() | float() if check("number", True):
            res = "number"
        case _ if check("default", v):
            res = "truthy"
        case _:
            res = "falsy"
    return res, calls


for v in [42, -5, 3, 2.5, "x", ""]:
    print(repr(v), guards(v))

# Walrus in a guard binds in the enclosing scope.
match [3, 4]:
    case [a, b] if (total := a + b) > 5:
        print("total", total, a, b)

# The subject is evaluated once.
evaluations = []


def subject():
    evaluations.append(1)
    return 7


match subject():
    case 1:
        pass
    case 2:
        pass
    case 7:
        print("seven; evaluated", len(evaluations), "time(s)")

# Tuple subject without parentheses, starred subject.
rest = [2, 3]
match 1, *rest:
    case (1, 2, 3):
        print("tuple subject")

match 5:
    case 6:
        print("unreachable")
print("no case matched, no error")

# match and case stay ordinary names.
match = {"case": 1}
case = [match]
print(match["case"], case[0])
match, case = case, match
print(match, case)


def match(case=2):
    return case * 2


print(match(), match(case=5))
match: int = 3
case: str = "c"
print(match, case, __annotations__["match"], __annotations__["case"])
