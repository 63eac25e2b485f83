# collections.deque: every method and operator, compared with CPython.
from collections import deque
import collections.abc
import copy

d = deque()
print(d, len(d), bool(d), d.maxlen)
for i in range(5):
    d.append(i)
    d.appendleft(-i)
print(d, len(d), bool(d))
print(d.pop(), d.popleft(), d)
d.extend("ab")
d.extend(x * x for x in range(3))
d.extendleft((10, 20))
d.extendleft(iter([30]))
print(d)
d.extend(d)
print(d, len(d))
d.extendleft(d)
print(len(d), d[0], d[-1])
src = deque(range(70))
src.rotate(20)  # items wrap around the end of the buffer
print(deque(src) == src, deque(src, 5), deque(src, maxlen=0))
w = deque("xy")
w.extend(src)
w.extendleft(deque("ab"))
print(len(w), list(w)[:6], w[-1])

# indexing with negative indices, assignment and deletion
d = deque(range(10))
print(d[0], d[9], d[-1], d[-10], d[5], d[True])
d[0] = "first"
d[-1] = "last"
d[4] = "mid"
print(d)
del d[0]
del d[-1]
del d[3]
del d[5]
print(d, len(d))

# a large deque: indexing, deletion and insertion on both halves
big = deque(range(1000))
ref = list(range(1000))
for k in (0, 1, 17, 499, 500, 501, 998, 999, -1, -500, -999):
    assert big[k] == ref[k], k
for k in (3, 900, 450, 10, -7, -400):
    del big[k]
    del ref[k]
for k, v in ((0, "a"), (5, "b"), (600, "c"), (-1, "d"), (-300, "e"), (10_000, "f"), (-10_000, "g")):
    big.insert(k, v)
    ref.insert(k, v)
print(list(big) == ref, len(big), big[0], big[-1], big.index("c"), big.index("e"))

# insert/remove/count/index/reverse/rotate/clear/copy
d = deque("abcde")
d.insert(2, "X")
d.insert(-1, "Y")
d.insert(0, "S")
d.insert(100, "E")
d.insert(-100, "B")
print(d)
d.remove("X")
d.remove("B")
print(d, d.count("a"), d.count("z"), d.index("c"), d.index("E"))
d.extend("aaa")
print(d.count("a"), d.index("a"), d.index("a", 2), d.index("a", 2, -1), d.index("a", -3), d.index("a", -2, 100))
d.reverse()
print(d)
for n in (1, -1, 3, -3, 0, 12, -12, 10**6, -(10**6) - 1):
    r = deque(range(7))
    r.rotate(n)
    print(n, list(r))
r = deque(range(5))
r.rotate()
print(r)
full = deque(range(8))  # a full buffer rotates by moving its head
full.rotate(3)
full.append(8)
full.rotate(-4)
print(full)
e = deque([1])
e.rotate(5)
deque().rotate(3)
print(e)
c = d.copy()
c2 = copy.copy(d)
c3 = d.__copy__()
d.clear()
print(d, c, c == c2 == c3, c is not c2)
print(deque(maxlen=3).copy(), deque("xyz", maxlen=5).copy())

# iteration and reversed
d = deque(range(6))
print(list(d), list(reversed(d)), [x for x in d if x % 2], sum(d), max(d), sorted(d, reverse=True))
it = iter(d)
print(it.__length_hint__(), next(it), it.__length_hint__(), list(it), list(it))
ri = reversed(d)
print(ri.__length_hint__(), next(ri), list(ri))
print(3 in d, 30 in d, "3" in d, 3.0 in d)

# comparisons
a, b = deque([1, 2, 3]), deque([1, 2, 4])
print(a == b, a != b, a < b, a <= b, a > b, a >= b)
print(a == deque([1, 2, 3]), a == [1, 2, 3], a != (1, 2, 3), deque() == deque(), deque([1]) < deque([1, 0]))
print(deque([1, 2]) < deque([1, 2, 3]), deque([1, 2, 3]) >= deque([1, 2]), deque("b") > deque("abc"))
print(deque([1, 2]) == deque([1.0, 2.0]), deque([float("nan")]) == deque([float("nan")]))
nan = float("nan")
print(deque([nan]) == deque([nan]), deque([nan]) < deque([nan, 1]))

# + * += *=
a = deque([1, 2])
print(a + deque([3]), a * 3, 3 * a, a * 0, a * -2, deque() * 5)
a += [3, 4]
print(a)
a += deque("x")
print(a)
a *= 2
print(a)
a *= 1
print(a)
a *= 0
print(a)
s = deque([7])
s *= 4
print(s)
print(deque([1, 2], maxlen=3) + deque([7, 8, 9]), deque([1, 2], maxlen=3) * 3, deque(maxlen=0) * 3)
m = deque([1, 2, 3], maxlen=5)
m *= 3
print(m)
m += range(10, 13)
print(m)

# repr
print(repr(deque()), repr(deque([1, "a", None])), repr(deque([1], maxlen=3)), str(deque("ab", maxlen=0)))
r = deque([1])
r.append(r)
print(r)
r2 = deque(maxlen=2)
r2.append([r2])
print(r2)

# maxlen: a bounded deque drops from the opposite end
m = deque(maxlen=3)
for i in range(6):
    m.append(i)
print(m, m.maxlen)
m.appendleft("L")
print(m)
m.extend("xyz")
print(m)
m.extendleft("ab")
print(m)
z = deque(maxlen=0)
z.append(1)
z.appendleft(2)
z.extend(range(5))
print(z, len(z))
print(deque(range(10), maxlen=4), deque(range(10), 4), deque(iterable=range(3), maxlen=None))
print(deque(range(10), maxlen=4).maxlen, deque([], maxlen=True).maxlen)

# __init__ again, __reduce__, generic alias, abc, sizeof
d = deque("abc")
d.__init__("xy", 5)
print(d)
d.__init__()
print(d, d.maxlen)
r = deque([1, 2], maxlen=4).__reduce__()
print(r[0], r[1], r[2], list(r[3]))
r = deque("q").__reduce__()
print(r[0], r[1], r[2], list(r[3]))
print(deque[int], deque[int].__origin__, type(deque[str]))
print(isinstance(d, collections.abc.MutableSequence), isinstance(d, collections.abc.Sequence))
print(type(deque().__sizeof__()))
print(deque.__name__, deque.__module__, deque.__qualname__, repr(deque))
print(type(iter(deque())).__name__, type(reversed(deque())).__name__, deque.__hash__)
print(deque.append.__doc__)
print(deque.__doc__)
dc = copy.deepcopy(deque([[1], [2]], maxlen=4))
print(dc, dc.maxlen)
dc2 = copy.deepcopy(deque([[1]]))
print(dc2, dc2.maxlen)

# a queue that grows and drains many times keeps its order
q = deque()
total = 0
out = []
for round_ in range(5):
    for i in range(1000):
        q.append(i)
    while len(q) > 10:
        total += q.popleft()
    out.append(list(q))
while q:
    total += q.pop()
print(total, out[-1], len(q))
q = deque()
for i in range(3000):
    q.appendleft(i)
    if i % 3 == 0:
        q.pop()
print(len(q), q[0], q[-1], q[1000])
