# The eval loop's arithmetic fast paths must give CPython's results and errors.
vals = [0, 1, -1, 3, 2**53, 2**53 + 1, 2**60, -(2**60) - 7, 0.0, -0.0, 0.5, -2.5, 1e308, 1e-320, float("inf")]
for a in vals:
    for b in vals:
        row = []
        for name, f in (("+", lambda x, y: x + y), ("-", lambda x, y: x - y), ("*", lambda x, y: x * y),
                        ("/", lambda x, y: x / y), ("**", lambda x, y: x ** y)):
            if name == "**" and isinstance(a, int) and isinstance(b, int) and abs(b) > 64:
                continue
            try:
                r = f(a, b)
                row.append(repr(r) if not isinstance(r, complex) else "complex")
            except Exception as e:
                row.append(type(e).__name__ + ": " + str(e))
        print(repr(a), repr(b), row)
x = 1.5
x **= 2
x += 1
x /= 4
print(x, 7 / 2, -7 / 2, 1 / 3, (2**53 + 1) / 3, 10**20 / 3)
print(2.0 ** -1074, 1.5 ** -1800, 2 ** 0.5, 0.5 ** 1074.5)
try:
    print(10.0 ** 400)
except OverflowError as e:
    print("OverflowError:", e)
try:
    print(0.0 ** -1.0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print((-8.0) ** (1 / 3))
for (a, [b, c]), d in [((1, [2, 3]), 4), ((5, (6, 7)), 8)]:
    print(a, b, c, d)
for bad in ([1, 2, 3], (1,), "ab", {1: 2, 3: 4}):
    try:
        p, q = bad
        print(p, q)
    except ValueError as e:
        print("ValueError:", e)
