d = {"b": 2, "a": 1}
d["c"] = 3
print(d, len(d), d["a"], d.get("z"), d.get("z", 0), "a" in d, "z" not in d)
print(list(d.keys()), list(d.values()), list(d.items()))
print(d.pop("b"), d, d.setdefault("x", 9), d.setdefault("a", 100), d)
d.update({"y": 1}, z=2)
print(d)
print(d.popitem(), d)
del d["x"]
print(d, sorted(d), dict(sorted(d.items())))
print(dict(a=1, b=2), dict([("k", "v")]), dict.fromkeys("ab", 0), dict(zip("xy", range(2))))
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
print({1: "int", 1.0: "float", True: "bool"})
d2 = {"a": 1}
d2["a"] = 2
d2["b"] = 3
del d2["a"]
d2["a"] = 4
print(d2)
print({"a": 1} == {"a": 1}, {"a": 1} != {"a": 2}, {1: 2} | {3: 4})
e = {}
e |= {"q": 1}
print(e, e.copy(), dict(e) is e)
k = d.keys()
d["new"] = 1
print(k, len(k), "new" in k, d.values(), d.items())
print(reversed({"a": 1, "b": 2}).__class__.__name__, list(reversed({"a": 1, "b": 2})))
try:
    for key in d:
        d["more"] = 1
except RuntimeError as ex:
    print(ex)
r = {}
r["self"] = r
print(r)
print({(1, 2): "tuple key"}[(1, 2)])
d3 = {i: i * i for i in range(1000)}
for i in range(0, 1000, 2):
    del d3[i]
print(len(d3), sum(d3), list(d3)[:5])
