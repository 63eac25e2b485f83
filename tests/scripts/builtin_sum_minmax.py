data = [3.5, -2, 7, 0, 11.25, -8]
print(sum(data), min(data), max(data), sorted(data)[len(data) // 2])
print(sum(data) / len(data), round(sum(data) / len(data), 3))
print(min(data, key=abs), max(data, key=abs), min("apple", "fig", "kiwi", key=len), max([], default=None))
print(sum(range(10), start=100), sum([0.1] * 3), sum([1, 2.0, True]))
print(max(1, 2, 3, key=lambda v: -v), min([[3], [1, 2]]), max((1, "b"), (1, "a")))
try:
    min()
except TypeError as e:
    print("TypeError:", e)
try:
    max(1)
except TypeError as e:
    print("TypeError:", e)
print(abs(-0.0), abs(-10), abs(3 - 5), divmod(-7, 2), pow(-2, 3), pow(2, 0.5) == 2 ** 0.5)
