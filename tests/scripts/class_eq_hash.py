class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, other):
        if not isinstance(other, Point):
            return NotImplemented
        return (self.x, self.y) == (other.x, other.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __repr__(self):
        return f"P({self.x},{self.y})"

pts = {Point(1, 2), Point(1, 2), Point(2, 1)}
print(len(pts), Point(1, 2) in pts, {Point(0, 0): "origin"}[Point(0, 0)])
print(Point(1, 2) == Point(1, 2), Point(1, 2) != Point(1, 3), Point(1, 2) == (1, 2), Point(1, 2) != "x")
print([Point(1, 2), Point(3, 4)].index(Point(3, 4)), Point(3, 4) in [Point(3, 4)])

class Ordered:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return self.v < other.v
    def __repr__(self):
        return f"O{self.v}"

os_ = [Ordered(3), Ordered(1), Ordered(2)]
print(sorted(os_), min(os_), max(os_), Ordered(1) > Ordered(0))
try:
    Ordered(1) <= Ordered(2)
except TypeError as e:
    print(e)
import functools
@functools.total_ordering
class Version:
    def __init__(self, s):
        self.parts = tuple(map(int, s.split(".")))
    def __eq__(self, o):
        return self.parts == o.parts
    def __lt__(self, o):
        return self.parts < o.parts
print(Version("1.2") <= Version("1.10"), Version("2.0") >= Version("1.9"), Version("1.0") > Version("1.0"))
class Default:
    pass
a = Default()
print(a == a, a != a, a == Default(), hash(a) == hash(a))
