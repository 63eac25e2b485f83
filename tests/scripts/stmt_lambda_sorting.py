points = [(3, 4), (-1, 2), (0, 0), (5, -5), (2, 2)]
print(sorted(points, key=lambda p: p[0] ** 2 + p[1] ** 2))
print(sorted(points, key=lambda p: (p[1], -p[0])))
print(max(points, key=lambda p: p[0] + p[1]), min(points, key=lambda p: abs(p[0] - p[1])))
by_quadrant = {}
for p in points:
    q = (p[0] >= 0, p[1] >= 0)
    by_quadrant.setdefault(q, []).append(p)
print(by_quadrant)
ops = {"add": lambda a, b: a + b, "sub": lambda a, b: a - b, "pow": lambda a, b: a ** b}
print({name: f(2, 5) for name, f in ops.items()})
print(list(map(lambda s: s[::-1], ["abc", "de"])), list(filter(lambda n: n % 3 == 0, range(20))))
