print([x * 2 for x in range(5)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print([[i * j for j in range(3)] for i in range(3)])
print({x: x ** 2 for x in range(5)})
print({k: v for k, v in zip("abc", [1, 2, 3]) if v != 2})
print(sorted({x % 4 for x in range(20)}))
print(list(x for x in "hello" if x != "l"))
x = "outer"
print([x for x in "ab"], x)
words = ["apple", "banana", "cherry"]
print({w[0]: len(w) for w in words})
matrix = [[1, 2, 3], [4, 5, 6]]
print([list(row) for row in zip(*matrix)])
print([y for row in matrix for y in row])
print([i if i % 2 else -i for i in range(6)])
nums = [1, 2, 3]
print([n + m for n in nums for m in [10, 20]])
print(sum([i for i in range(101)]))

class K:
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]

print(K.doubled)
print([(lambda i=i: i)() for i in range(3)])
print([y := 5, y ** 2])
print([z for z in range(10) if (w := z * z) > 20][:2], w)
