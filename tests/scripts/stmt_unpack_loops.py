pairs = [("a", 1), ("b", 2), ("c", 3)]
for name, num in pairs:
    print(name * num)
for i, (name, num) in enumerate(pairs):
    print(i, name, num)
nested = [(1, (2, 3)), (4, (5, 6))]
for a, (b, c) in nested:
    print(a + b + c)
for first, *rest in ["abc", "de", "f"]:
    print(first, rest)
d = {"x": [1, 2], "y": [3]}
for key, (head, *tail) in d.items():
    print(key, head, tail)
names, nums = zip(*pairs)
print(names, nums)
matrix = [[1, 2], [3, 4]]
for row_i, row in enumerate(matrix):
    for col_i, val in enumerate(row):
        print(f"[{row_i}][{col_i}]={val}", end=" ")
print()
