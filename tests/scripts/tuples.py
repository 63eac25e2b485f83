t = (1, 2, 3, 2)
print(len(t), t[1], t[-1], t[1:3], t.count(2), t.index(3), 2 in t)
print((1,), (), tuple(), tuple([1, 2]), tuple("ab"), (1, 2) + (3,), (0,) * 3)
print((1, 2) < (1, 3), (1, 2) == (1, 2), (2,) > (1, 5), max((1, 9), (2, 0)))
a, b, c, d = t
print(a + b + c + d)
print(hash((1, 2)) == hash((1, 2)), hash((1, 2, 3)), hash(()), hash((1,)), hash(("a", 1)) == hash(("a", 1)))
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0], nested)
try:
    t[0] = 5
except TypeError as e:
    print(e)
print(tuple(x * 2 for x in range(3)), type(()).__name__)
