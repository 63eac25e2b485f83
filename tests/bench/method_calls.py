class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Point(self.x + other.x, self.y + other.y)

    def norm1(self):
        return abs(self.x) + abs(self.y)


class Counter:
    def __init__(self):
        self.n = 0

    def inc(self):
        self.n += 1
        return self


p = Point(0, 0)
step = Point(1, -1)
c = Counter()
for i in range(1_000_000):
    p = p.add(step)
    c.inc().inc()
print(p.norm1(), c.n)
