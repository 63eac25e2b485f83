class OnlyRepr:
    def __repr__(self):
        return "OnlyRepr()"
class OnlyStr:
    def __str__(self):
        return "only-str"
class Both:
    def __repr__(self):
        return "Both-repr"
    def __str__(self):
        return "Both-str"
for obj in [OnlyRepr(), Both()]:
    print(obj, str(obj), repr(obj), [obj], (obj,), {"k": obj}, f"{obj}", f"{obj!r}", "%s %r" % (obj, obj))
s = OnlyStr()
print(s, f"{s}", str(s), repr(s).startswith("<__main__.OnlyStr object at 0x"))
class BadRepr:
    def __repr__(self):
        return 42
try:
    repr(BadRepr())
except TypeError as e:
    print("TypeError:", e)
class Nested:
    def __init__(self, children):
        self.children = children
    def __repr__(self):
        return f"Nested({self.children!r})"
print(Nested([Nested([]), Nested([1, "a"])]))
