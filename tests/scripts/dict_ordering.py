d = {}
for k in ["z", "a", "m", "b"]:
    d[k] = len(d)
print(d, list(d))
d["a"] = 100
print(list(d.items()))
del d["z"]
d["z"] = -1
print(list(d))
d2 = dict.fromkeys("hello")
print(list(d2))
merged = {**{"x": 1, "y": 2}, **{"y": 3, "z": 4}}
print(merged)
u = {"b": 1}
u.update([("a", 2)], c=3)
print(u)
inverted = {v: k for k, v in {"one": 1, "two": 2, "uno": 1}.items()}
print(inverted)
keys = list(range(20))
dd = {k: k * k for k in keys}
for k in keys[::3]:
    del dd[k]
for k in keys[::3]:
    dd[k] = -k
print(list(dd)[:10], len(dd))
