# A constant set display iterated by `for` or a comprehension is a
# frozenset constant (CPython 3.11's optimizer), so its order is the
# frozenset's, not that of a set built element by element.
for x in {5, 37, 69, 1, 100, 33}:
    print(x, end=' ')
print()
print([x for x in {40, 8, 16, 24, 32, 0, 48, 56, 64, 72, 80, 88, 96, 104, 112, 120, 128, 136}])
print([(a, b) for a in (1, 2) for b in {-1, -2, -3, 7, 15, 31, 63}])
for s in {'apple', 'banana', 'cherry', 'date', 'elder', 'fig'}:
    print(s, end=' ')
print()
print(list(x for x in {3.5, 1, (1, 2), 'q', 8}))
print({k: k * 2 for k in {33, 'x y', 3.5, b'by'}})
print({v for v in {1, 'hello', 2.25, 'zz', (3, 'x'), 37}} == {1, 'hello', 2.25, 'zz', (3, 'x'), 37})
for x in {1, 9}:
    print(x)
for x in {17}:
    print(x)
print(3 in {1, 2, 3}, 4 not in {1, 2, 3, 5})
print(sorted({5, 37, 69, 1, 100, 33}), sorted({-1, -2, -7, 4}))
print([-1, -2, (1, 2), 3])
y = 4
print(sorted({y, -y, 2 * y}), [z for z in {y, 1, 2}] == list({y, 1, 2}) or 'ok')
