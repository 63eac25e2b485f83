def zeros(r, c):
    return [[0] * c for _ in range(r)]
def transpose(m):
    return [list(col) for col in zip(*m)]
def det(m):
    if len(m) == 1:
        return m[0][0]
    if len(m) == 2:
        return m[0][0] * m[1][1] - m[0][1] * m[1][0]
    return sum((-1) ** j * m[0][j] * det([row[:j] + row[j + 1:] for row in m[1:]]) for j in range(len(m)))
m = [[2, -3, 1], [2, 0, -1], [1, 4, 5]]
print(det(m), transpose(m), zeros(2, 3))
z = zeros(2, 2)
z[0][0] = 1
print(z)
wrong = [[0] * 2] * 2
wrong[0][0] = 1
print(wrong)
print([[sum(a * b for a, b in zip(r, c)) for c in zip(*m)] for r in m])
ident = [[float(i == j) for j in range(3)] for i in range(3)]
print(ident, det([[1, 2], [3, 4]]), det([[5]]))
