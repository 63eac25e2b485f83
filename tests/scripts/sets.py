s = {3, 1, 2}
s.add(4); s.add(1)
print(sorted(s), len(s), 2 in s, 9 in s)
a, b = {1, 2, 3, 4}, {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(sorted(a.union(b)), sorted(a.intersection(b)), sorted(a.difference(b)), sorted(a.symmetric_difference(b)))
print({1, 2} <= a, {1, 2} < a, a >= {1}, a.issubset(b), a.isdisjoint({9}), a == {4, 3, 2, 1})
s.discard(100); s.remove(4)
try:
    s.remove(100)
except KeyError as e:
    print("KeyError", e)
c = a.copy(); c.clear(); print(c, set(), len(c))
fs = frozenset([1, 2, 2])
print(fs, hash(fs) == hash(frozenset([2, 1])), fs | {3}, type(fs | {3}).__name__)
print({frozenset([1]): "ok"}[frozenset([1])])
u = set("hello"); print(sorted(u))
u |= {"z"}; u &= set("hz"); print(sorted(u))
u -= {"z"}; print(u)
print(set([1, 2, 3]) - {2}, {x % 3 for x in range(10)})
try:
    set().pop()
except KeyError as e:
    print("KeyError:", e)
print({1, 2, 3}, {(1, 2)}, set(range(5)))
n = {10, 20}
print(n.pop() in (10, 20), len(n))
try:
    {[]}
except TypeError as e:
    print(e)
