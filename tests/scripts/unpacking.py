a, b = 1, 2
a, b = b, a
print(a, b)
(x, y), z = (1, 2), 3
print(x, y, z)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "abcd"
print(init, last)
h, *mid, t = range(6)
print(h, mid, t)
a = b = c = [0]
print(a is b is c)
for i, (p, q) in enumerate([(1, 2), (3, 4)]):
    print(i, p, q)
print(*[1, 2, 3], sep="-")
print([*range(3), *"ab"], (*[1], 2), {*"aa", "b"} == {"a", "b"})
d1 = {"a": 1}
d2 = {"b": 2, "a": 3}
print({**d1, **d2}, {**d1, "c": 4})
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print(e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print(e)
try:
    a, b = 5
except TypeError as e:
    print(e)
try:
    a, *b, c = [1]
except ValueError as e:
    print(e)
if (n := len("hello")) > 3:
    print("walrus", n)
x: int = 5
y: list[int] = []
z: "forward"
print(x, y, __annotations__)
[a, b], c = "xy", "z"
print(a, b, c)
