# match statement: mapping patterns — which subjects are mappings, key
# lookup through get() (never __missing__), **rest, and key errors.
import collections
import collections.abc
import types


class Keys:
    NAME = "name"
    AGE = "age"


def describe(v):
    match v:
        case {"type": "point", "x": x, "y": y}:
            return f"point {x},{y}"
        case {"type": "circle", "r": r, **rest} if not rest:
            return f"bare circle r={r}"
        case {"type": "circle", **rest}:
            return f"circle with extras {sorted(rest)}"
        case {Keys.NAME: str(name), Keys.AGE: int(age)}:
            return f"person {name} ({age})"
        case {1: one, 2.5: _, None: nothing, False: f}:
            return f"odd keys {one} {nothing} {f}"
        case {}:
            return f"some mapping of {len(v)}"
        case _:
            return "not a mapping"


subjects = [
    {"type": "point", "x": 1, "y": 2},
    {"type": "point", "x": 1},
    {"type": "circle", "r": 3},
    {"type": "circle", "r": 3, "fill": "red", "z": 0},
    {"name": "Ada", "age": 36, "extra": True},
    {"name": "Ada", "age": "36"},
    {1: "one", 2.5: "x", None: "nil", 0.0 + 0j: "same key as False"},
    {True: "one", 2.5: "x", None: "nil"},
    {},
    [("type", "point")],
    "type",
    {"type"},
]
for v in subjects:
    print(describe(v))

# Mapping subclasses, collections.abc.Mapping by inheritance or
# registration, mappingproxy.
counter = collections.Counter("abracadabra")
ordered = collections.OrderedDict(type="point", x=5, y=6)
proxy = types.MappingProxyType({"type": "circle", "r": 9})


class Frozen(collections.abc.Mapping):
    def __init__(self, **kw):
        self._d = dict(kw)

    def __getitem__(self, k):
        return self._d[k]

    def __len__(self):
        return len(self._d)

    def __iter__(self):
        return iter(self._d)


class Registered:
    def __init__(self, d):
        self.d = d

    def get(self, key, default=None):
        return self.d.get(key, default)

    def keys(self):
        return self.d.keys()

    def __getitem__(self, key):
        return self.d[key]

    def __len__(self):
        return len(self.d)

    def __iter__(self):
        return iter(self.d)


collections.abc.Mapping.register(Registered)

for v in [ordered, proxy, Frozen(type="point", x=0, y=0), Registered({"type": "circle", "r": 1, "k": 2})]:
    print(type(v).__name__, "->", describe(v))

match counter:
    case {"a": a, "b": b, **others}:
        print("counter", a, b, sorted(others.items()), type(others).__name__)

# defaultdict: a missing key fails the match and is not created.
dd = collections.defaultdict(list, {"present": 1})
match dd:
    case {"present": p, "absent": a}:
        print("matched?!")
    case {"present": p}:
        print("present", p)
print("absent created:", "absent" in dd, sorted(dd))


class Missing(dict):
    def __missing__(self, key):
        print("  __missing__", key)
        return 0


match Missing(a=1):
    case {"a": 1, "b": 0}:
        print("via __missing__?!")
    case {"a": 1}:
        print("no __missing__ call")


# The lookups a mapping pattern makes: len() first, then get(key, default)
# in pattern order; **rest copies through keys() and __getitem__.
class Logged(collections.abc.Mapping):
    def __init__(self, **kw):
        self._d = kw

    def __getitem__(self, k):
        print("  getitem", k)
        return self._d[k]

    def __len__(self):
        print("  len")
        return len(self._d)

    def __iter__(self):
        print("  iter")
        return iter(self._d)

    def get(self, key, default=None):
        print("  get", key, "default is None:", default is None)
        return self._d.get(key, default)

    def keys(self):
        print("  keys")
        return self._d.keys()


match Logged(x=1, y=2, z=3):
    case {"y": 2, "x": x, **rest}:
        print("x", x, "rest", rest)
match Logged(x=1):
    case {"x": 1, "missing": _}:
        print("matched?!")
    case {"x": 9}:
        print("matched?!")
    case _:
        print("no match")

# **rest is a new dict without the matched keys; the subject is untouched.
src = {"a": 1, "b": 2, "c": 3}
match src:
    case {"b": _, **rest}:
        rest["new"] = True
        print(rest, src)
match {"only": 1}:
    case {**everything}:
        print("everything", everything)

# Duplicate keys that come from attribute lookups are found at run time.
class Dup:
    A = "k"
    B = "k"


try:
    match {"k": 1, "l": 2}:
        case {Dup.A: 1, Dup.B: 1}:
            pass
except ValueError as e:
    print("ValueError:", e)
# ... but only after the length check lets the lookup happen.
match {"k": 1}:
    case {Dup.A: 1, Dup.B: 1}:
        print("matched?!")
    case {Dup.A: _}:
        print("length check first")

# Unhashable keys from attributes raise TypeError.
class Unhashable:
    KEY = []


try:
    match {"k": 1}:
        case {Unhashable.KEY: 1}:
            pass
except TypeError as e:
    print("TypeError:", e)

# A get() that raises propagates.
class BadGet(dict):
    def get(self, key, default=None):
        raise LookupError("get failed for " + repr(key))


try:
    match BadGet(a=1):
        case {"a": 1}:
            pass
except LookupError as e:
    print("LookupError:", e)

# Nested mappings and sequences, as in JSON.
doc = {"user": {"name": "bo", "roles": ["admin", "dev"]}, "ok": True}
match doc:
    case {"user": {"name": str(name), "roles": ["admin", *others]}, "ok": True}:
        print("admin", name, others)
