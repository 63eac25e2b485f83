print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1 > 0, 1 == 1.0 == True, 1 is not None)
def noisy(v):
    print("eval", v)
    return v
print(noisy(1) < noisy(2) < noisy(0) < noisy(5))
print(2 ** 53 + 1 == float(2 ** 53 + 1), 2 ** 53 + 1 > float(2 ** 53), 10 ** 400 > 1e308, -10 ** 400 < -1e308)
print(0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-9, float("nan") == float("nan"), float("inf") > 10 ** 1000)
print("abc" == "abc", [1, [2]] == [1, [2]], (1, 2) != (1, 3), {1: [2]} == {1: [2]}, {1, 2} == {2, 1})
print(None == None, None is None, None == 0, [] == [], [] is [], () == ())
a = [1]
b = a
print(a is b, a == b, a is [1], a == [1])
print(1 in [1, 2], "a" in "abc", "ab" in "abc", 3 not in {1: 2}, (1, 2) in [(1, 2)])
print(max(1, 2.5), min("b", "a"), sorted([True, 0, -1, 2.5]))
x = 5
print(0 < x <= 5, 0 < x < 5, x == 5 != 6)
