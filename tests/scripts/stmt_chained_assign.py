a = b = c = 0
print(a, b, c)
x = y = []
x.append(1)
print(y, x is y)
i, j = j, i = 1, 2
print(i, j)
p = [0, 0]
k, p[k] = 1, 9
print(k, p)
first, second = second, first = "ab"
print(first, second)
lst = [1, 2, 3]
lst[0], lst[2] = lst[2], lst[0]
print(lst)
(a, b), [c, d] = (1, 2), [3, 4]
print(a, b, c, d)
for x, *ys in [(1, 2, 3), (4,)]:
    print(x, ys)
d = {}
d["a"] = d["b"] = 5
print(d)
