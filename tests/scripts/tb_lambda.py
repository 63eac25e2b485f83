data = [3, 1, 0, 2]
print(sorted(data))
print(list(map(lambda x: 6 // x, data)))
