class MyList(list):
    def sum(self):
        return sum(self)
    def __repr__(self):
        return "MyList(" + super().__repr__() + ")"

ml = MyList([1, 2, 3])
ml.append(4)
print(ml, ml.sum(), len(ml), ml[1:], type(ml[1:]).__name__, isinstance(ml, list))

class DefaultDict(dict):
    def __missing__(self, key):
        self[key] = key * 2
        return self[key]

dd = DefaultDict(a=1)
print(dd["a"], dd["bb"], dd, dd.get("zz"), "zz" in dd)

class Upper(str):
    def shout(self):
        return self.upper() + "!"

u = Upper("hello")
print(u, u.shout(), u + " there", type(u + "x").__name__, len(u), u == "hello", isinstance(u, str))

class Celsius(float):
    def __repr__(self):
        return f"{float(self):.1f}°C"

c = Celsius(21.456)
print(repr(c), c + 1, type(c + 1).__name__)

class Flags(int):
    def has(self, bit):
        return bool(self & bit)

f = Flags(5)
print(f, f.has(4), f.has(2), f + 1, type(f + 1).__name__, isinstance(f, int))

class Pair(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))
    @property
    def first(self):
        return self[0]

p = Pair(1, 2)
print(p, p.first, len(p), p == (1, 2), hash(p) == hash((1, 2)))

class AttrDict(dict):
    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name)

ad = AttrDict(x=1)
print(ad.x, ad)
try:
    ad.y
except AttributeError as e:
    print("AttributeError", e)
