from collections import deque, defaultdict, namedtuple, Counter, OrderedDict
d = deque([1, 2, 3])
d.append(4); d.appendleft(0); print(d, d.pop(), d.popleft(), d, len(d), bool(deque()))
d.extend([7, 8]); d.rotate(1); print(d); d.rotate(-2); print(d)
dm = deque(maxlen=3)
for i in range(5):
    dm.append(i)
print(dm, list(dm), dm[0], dm[-1])
dd = defaultdict(list)
for w in ["apple", "avocado", "banana"]:
    dd[w[0]].append(w)
print(dict(dd), dd["z"], sorted(dd))
di = defaultdict(int)
for c in "hello":
    di[c] += 1
print(sorted(di.items()))
Point = namedtuple("Point", ["x", "y"])
p = Point(1, y=2)
print(p, p.x, p[1], p._asdict(), p._replace(x=9), Point._fields, tuple(p), p == (1, 2))
x, y = p
print(x, y)
P3 = namedtuple("P3", "a b c", defaults=[0])
print(P3(1, 2))
c = Counter("abracadabra")
print(c.most_common(2), c["a"], c["z"], sorted(c.elements())[:4])
c.update("aaa")
print(c["a"], Counter([1, 1, 2]) + Counter([2]), sum(c.values()))
od = OrderedDict()
od["b"] = 1; od["a"] = 2
od.move_to_end("b")
print(list(od), od.popitem(last=False))
