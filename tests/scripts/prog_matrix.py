def matmul(a, b):
    return [[sum(x * y for x, y in zip(row, col)) for col in zip(*b)] for row in a]

def identity(n):
    return [[1 if i == j else 0 for j in range(n)] for i in range(n)]

a = [[1, 2], [3, 4]]
print(matmul(a, a), matmul(a, identity(2)) == a)
m = [[1, 1], [1, 0]]
r = identity(2)
for _ in range(90):
    r = matmul(r, m)
print(r[0][1])
t = [list(x) for x in zip(*[[1, 2, 3], [4, 5, 6]])]
print(t)
for row in [[i * j for j in range(1, 6)] for i in range(1, 6)]:
    print(" ".join(f"{v:3d}" for v in row))
