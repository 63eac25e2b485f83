# WeakValueDictionary, WeakKeyDictionary, WeakSet and WeakMethod: entries
# vanish when their objects are collected (gc.collect() where CPython's
# reference counting would free at once).
import gc
import weakref


class Obj:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "Obj(%s)" % self.name

    def method(self):
        return "method of " + self.name


# WeakValueDictionary
objs = {n: Obj(n) for n in "abcd"}
wvd = weakref.WeakValueDictionary()
for n, o in objs.items():
    wvd[n] = o
print(len(wvd), sorted(wvd.keys()), wvd["a"], "a" in wvd, "z" in wvd)
print(sorted(wvd.items(), key=lambda kv: kv[0]))
print(wvd.get("b"), wvd.get("z", "default"))
del objs["b"], objs["c"]
o = None
gc.collect()
print(len(wvd), sorted(wvd), "b" in wvd, wvd.get("b"))
try:
    wvd["c"]
except KeyError as e:
    print("KeyError", e)
print(wvd.pop("a"), len(wvd), wvd.setdefault("d", None), wvd.setdefault("e", objs["a"]))
print(sorted(wvd.keys()), len(wvd.valuerefs()), isinstance(wvd.valuerefs()[0], weakref.KeyedRef))
wvd2 = weakref.WeakValueDictionary({"x": objs["d"]}, y=objs["a"])
print(sorted(wvd2.items(), key=lambda kv: kv[0]), repr(wvd2).startswith("<WeakValueDictionary at 0x"))
c = wvd2.copy()
print(type(c).__name__, sorted(c.keys()))
del wvd2["x"]
print(sorted(wvd2), sorted(c))

# removal while iterating is deferred until the iteration ends
many = [Obj(str(i)) for i in range(10)]
wv = weakref.WeakValueDictionary((i, o) for i, o in enumerate(many))
seen = []
for k in wv.keys():
    seen.append(k)
    if k == 2:
        del many[5:]
        gc.collect()
print(len(seen), len(wv), sorted(wv))

# WeakKeyDictionary
keys = [Obj("k%d" % i) for i in range(4)]
wkd = weakref.WeakKeyDictionary()
for i, k in enumerate(keys):
    wkd[k] = i
print(len(wkd), wkd[keys[1]], keys[2] in wkd, 5 in wkd, sorted(wkd.values()))
del keys[0]
gc.collect()
print(len(wkd), sorted(wkd.values()), sorted(k.name for k in wkd))
print(wkd.pop(keys[0]), wkd.setdefault(keys[1], 99), wkd.get(keys[2]), len(wkd.keyrefs()))
wkd.update({keys[0]: "again"})
print(sorted(map(str, wkd.values())))
keys.clear()
gc.collect()
print(len(wkd), list(wkd.items()))

# WeakSet
items = [Obj(str(i)) for i in range(5)]
ws = weakref.WeakSet(items)
print(len(ws), items[0] in ws, Obj("x") in ws, 3 in ws)
ws.discard(items[4])
print(len(ws), sorted(o.name for o in ws))
del items[0:2]
gc.collect()
print(len(ws), sorted(o.name for o in ws))
other = weakref.WeakSet(items[:1])
print(len(ws | other), len(ws & other), len(ws - other), ws >= other, other <= ws, ws == weakref.WeakSet(items[:3]))
p = ws.pop()
print(p in items, len(ws))
ws.clear()
print(len(ws))
try:
    ws.pop()
except KeyError as e:
    print("KeyError", e)
print(weakref.WeakSet[int])

# WeakMethod
ob = Obj("m")
wm = weakref.WeakMethod(ob.method)
print(wm()(), wm == weakref.WeakMethod(ob.method), wm() == ob.method)
try:
    weakref.WeakMethod(len)
except TypeError as e:
    print("TypeError", e)
del ob
gc.collect()
print(wm())
