# weakref.proxy: operations forwarded to the referent, ReferenceError once
# it is gone, callable proxies, callbacks.
import weakref, gc
class F:
    def __init__(s): s.x = 1; s.items = [1, 2, 3]
    def __len__(s): return 3
    def __add__(s, o): return ("add", o)
    def __radd__(s, o): return ("radd", o)
    def __getitem__(s, i): return s.items[i]
    def m(s): return "m"
f = F(); p = weakref.proxy(f)
print(type(p), weakref.ProxyType, weakref.CallableProxyType)
print(repr(p).startswith("<weakproxy at 0x"), " to F at 0x" in repr(p), weakref.ProxyTypes)
print(isinstance(p, F), p.__class__, len(p), bool(p), p.x, p[1], list(p), p + 1, 1 + p, p.m(), 2 in p)
try: hash(p)
except TypeError as e: print("TypeError")
p.y = 2; print(f.y)
del p.y; print(hasattr(f, 'y'))
print(weakref.getweakrefcount(f))
cp = weakref.proxy(F.m); print(type(cp), cp(f))
print(p == f, p is f, str(p)[:10])
fired = []
p2 = weakref.proxy(f, lambda x: fired.append(type(x).__name__))
del f
gc.collect()
try: p.x
except ReferenceError as e: print(type(e).__name__, e)
print(fired)


class Acc:
    def __init__(self):
        self.total = 0

    def __iadd__(self, n):
        self.total += n
        return self

    def __lt__(self, other):
        return self.total < other


a = Acc()
pa = weakref.proxy(a)
pa += 5
print(type(pa).__name__, a.total, weakref.proxy(a) < 6)
n = weakref.proxy(F())
gc.collect()
for f in (lambda: n.x, lambda: len(n), lambda: n + 1, lambda: str(n)):
    try:
        f()
    except ReferenceError as e:
        print("ReferenceError", e)
print(repr(n).endswith(" to NoneType at 0xADDR>".replace("0xADDR", "%#x" % id(None))))
