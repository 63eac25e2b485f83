# match statement: deep nesting, or-patterns whose alternatives bind names in
# different orders, walrus subjects, inline case bodies and mangled captures.
class C:
    match 5:
        case __y:
            pass
print(C.__dict__.get("_C__y"))
match n := 5:
    case 5: print("walrus subject", n)
match x := [1, 2]:
    case [a, b]: print(a, b); print("two statements")
match 3:
    case (1 |
          3): print("multiline pattern")
def deep(v):
    match v:
        case [[[[[[[[[[[[a]]]]]]]]]]]]:
            return a
        case {"a": {"b": {"c": {"d": [1, {"e": (x, y, *z)}]}}}}:
            return x, y, z
print(deep([[[[[[[[[[[[7]]]]]]]]]]]]), deep({"a": {"b": {"c": {"d": [1, {"e": (1, 2, 3, 4)}]}}}}))
import collections.abc
class NoGet:
    def __len__(self): return 1
    def __getitem__(self, k): return 1
    def __iter__(self): return iter(["a"])
collections.abc.Mapping.register(NoGet)
try:
    match NoGet():
        case {"a": 1}: pass
except AttributeError as e:
    print("AttributeError", e)
match {"a": 1, "b": 2}:
    case {"a": 1} | {"b": 2} as m if len(m) > 1:
        print("or with mapping", m)
def many(v):
    match v:
        case (a, b, c, d, e, f, g, h, i, j, k, l) | [l, k, j, i, h, g, f, e, d, c, b, a]:
            return (a, b, c, d, e, f, g, h, i, j, k, l)
print(many(tuple(range(12))), many(list(range(12))))
def rot(v):
    match v:
        case {"x": x, "y": y} | [y, x] | (x, y, _):
            return x, y
print(rot({"x": 1, "y": 2}), rot([1, 2]), rot((1, 2, 3)))
match [1, [2, 3]]:
    case [a, [b, c] | (c, b)] | (c, [a, b]) as whole:
        print(a, b, c, whole)
