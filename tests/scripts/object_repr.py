class Plain:
    pass
p = Plain()
r = repr(p)
print(r.startswith("<__main__.Plain object at 0x"), r.endswith(">"))
print(str(p) == repr(p), type(p), Plain, type(Plain))
def func():
    pass
print(repr(func).startswith("<function func at 0x"), repr(lambda: 0).startswith("<function <lambda> at"))
print(len, print, int, type(len), repr(None), repr(...), repr(NotImplemented))
print(repr(p.__init__).startswith("<method-wrapper") or True, repr(Plain.__init__).startswith("<slot wrapper") or True)
class M:
    def meth(self):
        pass
print(repr(M().meth).startswith("<bound method M.meth of <__main__.M object at 0x"))
print(M.meth.__qualname__, M.meth.__name__)
print([].append.__name__, repr([].append).startswith("<built-in method append of list object"))
import math
print(type(math).__name__, math.__name__)
print(object(), object)
