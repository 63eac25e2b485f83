class V:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, o):
        return V(self.x + o.x, self.y + o.y)
    def __sub__(self, o):
        return V(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        return V(self.x * k, self.y * k)
    def __rmul__(self, k):
        return self * k
    def __neg__(self):
        return V(-self.x, -self.y)
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __eq__(self, o):
        return isinstance(o, V) and (self.x, self.y) == (o.x, o.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __lt__(self, o):
        return abs(self) < abs(o)
    def __bool__(self):
        return bool(self.x or self.y)
    def __repr__(self):
        return f"V({self.x}, {self.y})"
    def __iadd__(self, o):
        self.x += o.x
        self.y += o.y
        return self

a, b = V(1, 2), V(3, 4)
print(a + b, a - b, a * 3, 2 * a, -a, abs(b))
print(a == V(1, 2), a != b, a < b, b > a, sorted([b, a]))
print(bool(V(0, 0)), bool(a), len({a, V(1, 2), b}))
c = a
c += b
print(c, a, c is a)
try:
    a / b
except TypeError as e:
    print(e)
try:
    a < 5
except (TypeError, AttributeError) as e:
    print(type(e).__name__)
