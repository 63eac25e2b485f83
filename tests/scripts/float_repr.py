vals = [0.1, 0.2, 0.1 + 0.2, 1 / 3, 2 / 3, 1e16, 1e15, 123456789.0, 1e-5, 0.0001, 1e-4, 1.5e-7,
        1.7976931348623157e+308, 5e-324, 3.0, -0.0, 100.0, 1e22, 1e21, 12345678901234567890.0,
        2.5, 1.1, 3.14159, 9.999999999999999e22]
for v in vals:
    print(repr(v), str(v))
print(float("inf"), float("-inf"), float("nan"))
print(float("1.5"), float("  2.25 "), float("1e3"), float("-0.5"), float("1_000.5"))
print(0.1 * 3, 1.1 * 1.1, 2 ** 0.5, 10 / 4, 7.0 // 2, 7.5 % 2, -7.5 % 2, -7.5 // 2)
print(round(2.675, 2), round(1.5), round(0.5), round(-1.5), round(3.14159, 3))
print(1e300 * 1e10, -1e300 * 1e10)
print(float.is_integer(3.0), (2.5).as_integer_ratio(), (0.1).is_integer())
print(int(1e20), int(-2.5e15))
print(3 * 1.0, 1 + 2.0, 2 ** -1, 10 ** -2, 2.0 ** 3)
print(abs(-2.5), max(1.5, 2), min(-1, -1.5))
