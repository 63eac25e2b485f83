# match statement: sequence patterns — which subjects are sequences, star
# patterns in every position, nesting, and the calls made on the subject.
import collections
import collections.abc


def shape(v):
    match v:
        case []:
            return "empty"
        case [x]:
            return f"one: {x!r}"
        case [x, y]:
            return f"two: {x!r} {y!r}"
        case [first, *middle, last]:
            return f"many: {first!r} {middle!r} {last!r}"
        case _:
            return "not a sequence"


subjects = [
    [], [1], (1, 2), [1, 2, 3, 4], range(3), range(0), collections.deque([7, 8, 9]),
    "ab", b"ab", bytearray(b"ab"), "", {1, 2}, frozenset(), {"a": 1, "b": 2}, iter([1, 2]),
    (x for x in [1]), 5, None,
]
for v in subjects:
    print(type(v).__name__, "->", shape(v))


def stars(v):
    match v:
        case [*all_] if len(all_) > 4:
            return ("all", all_)
        case [0, *rest]:
            return ("head 0", rest)
        case [*init, 9]:
            return ("tail 9", init)
        case [1, *mid, 2]:
            return ("1..2", mid)
        case [a, b, *_]:
            return ("first two", a, b)
        case [*_, z]:
            return ("last", z)
        case [*_]:
            return ("any sequence",)


for v in [[0], [0, 1, 2], (5, 9), [9], [1, 2], [1, 8, 8, 2], [3, 4, 5], (6,), [], [1, 2, 3, 4, 5], range(2, 5)]:
    print(v, "->", stars(v))


# Star captures are always lists, even from tuples and ranges.
match (1, 2, 3):
    case (a, *b):
        print(a, b, type(b).__name__)
match range(5):
    case [_, *b, _]:
        print(b)


def nested(v):
    match v:
        case [[x, y], [z, *_]]:
            return ("nested lists", x, y, z)
        case [(a, b), *others] if others:
            return ("pair then", a, b, others)
        case ((1 | 2) as k, [*inner]):
            return ("k and inner", k, inner)
        case [[[deep]]]:
            return ("deep", deep)
        case _:
            return "no"


for v in [[[1, 2], [3, 4, 5]], [(1, 2), 3, 4], (2, [5, 6]), [[["x"]]], [[1, 2]], [(1, 2)]]:
    print(v, "->", nested(v))


# User classes: subclasses of list/tuple, and collections.abc.Sequence by
# inheritance or registration.  str subclasses never match.
class MyList(list):
    pass


class Point(tuple):
    pass


class Seq(collections.abc.Sequence):
    def __init__(self, *items):
        self.items = items

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        return self.items[i]


class Registered:
    def __init__(self, *items):
        self.items = list(items)

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        return self.items[i]

    def __iter__(self):
        return iter(self.items)


class DefinedBeforeRegister(Registered):
    pass


collections.abc.Sequence.register(Registered)


class MyStr(str):
    pass


for v in [MyList([1, 2]), Point((3, 4, 5)), Seq(6, 7), Registered(8), DefinedBeforeRegister(9), MyStr("ab")]:
    print(type(v).__name__, "->", shape(v))


class SubRegistered(Registered):
    pass


print("subclass of registered ->", shape(SubRegistered(1, 2)))


# What the subject sees: len() once per length check, indexing for star
# wildcards (with non-negative indexes), iteration for unpacking.
class Logged(collections.abc.Sequence):
    def __init__(self, *items):
        self.items = items

    def __len__(self):
        print("  len")
        return len(self.items)

    def __getitem__(self, i):
        print("  getitem", i)
        return self.items[i]


log_subject = Logged(10, 20, 30, 40)
match log_subject:
    case [1, *_]:
        print("starts with 1")
    case [a, *_, z]:
        print("ends", a, z)
match log_subject:
    case [a, b, c, d]:
        print("unpacked", a, b, c, d)
match log_subject:
    case [a, *rest]:
        print("a and rest", a, rest)


# An error from the subject propagates out of the match.
class BadLen(collections.abc.Sequence):
    def __len__(self):
        raise RuntimeError("no length")

    def __getitem__(self, i):
        raise IndexError(i)


try:
    match BadLen():
        case [x]:
            pass
except RuntimeError as e:
    print("RuntimeError:", e)

# Strings inside sequences still match as values.
match ["go", "north"]:
    case ["go", ("north" | "south") as direction]:
        print("going", direction)

command = "drop sword shield"
match command.split():
    case ["drop", *objects]:
        for obj in objects:
            print("dropping", obj)
