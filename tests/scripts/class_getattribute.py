class Logged:
    def __init__(self):
        self.a = 1
    def __getattribute__(self, name):
        if not name.startswith("__"):
            print("get", name)
        return super().__getattribute__(name)
    def __delattr__(self, name):
        print("del", name)
        super().__delattr__(name)

l = Logged()
print(l.a)
del l.a
print(hasattr(l, "a"))

class Fallback:
    x = "class attr"
    def __getattr__(self, name):
        return f"<{name}>"

f = Fallback()
print(f.x, f.y, getattr(f, "z"))

class Proxy:
    def __init__(self, target):
        self._target = target
    def __getattr__(self, name):
        return getattr(self._target, name)

p = Proxy([3, 1, 2])
p.sort()
print(p._target, p.count(1), p.__class__.__name__)
