data = [("bob", 25), ("alice", 30), ("carol", 25), ("dave", 30), ("eve", 20)]
print(sorted(data, key=lambda p: p[1]))
print(sorted(data, key=lambda p: (-p[1], p[0])))
print(sorted(data, key=lambda p: p[1], reverse=True))
print(sorted([3.5, -1, 2, 0.5, 10]), sorted("hello"), sorted([[2, 1], [1, 2], [1]]))
nums = list(range(20, 0, -1))
nums.sort(key=lambda n: n % 5)
print(nums)
class Item:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return self.v < other.v
    def __repr__(self):
        return f"I{self.v}"
print(sorted([Item(3), Item(1), Item(2)]))
try:
    sorted([1, "a", 2])
except TypeError as e:
    print(e)
big = [(i * 7919) % 1000 for i in range(1000)]
print(sorted(big)[:10], sorted(big)[-3:], sorted(big) == sorted(big, reverse=True)[::-1])
print(min(data, key=lambda p: p[1]), max(data, key=lambda p: p[1]))
