class Meta(type):
    def __new__(mcls, name, bases, ns):
        ns["created_by"] = "Meta"
        return super().__new__(mcls, name, bases, ns)

class WithMeta(metaclass=Meta):
    pass

print(WithMeta.created_by, type(WithMeta).__name__, isinstance(WithMeta, type))

class Plugin:
    registry = []
    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        Plugin.registry.append(cls.__name__)

class A(Plugin): pass
class B(Plugin): pass
print(Plugin.registry)

class Field:
    def __set_name__(self, owner, name):
        self.name = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, "unset")
    def __set__(self, obj, value):
        setattr(obj, self.name, value * 2)

class Model:
    size = Field()

m = Model()
print(m.size)
m.size = 21
print(m.size, m._size, type(Model.size).__name__)

class Singleton:
    _inst = None
    def __new__(cls, *args):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
    def __init__(self, v):
        self.v = v

s1, s2 = Singleton(1), Singleton(2)
print(s1 is s2, s1.v)
Dyn = type("Dyn", (object,), {"hello": lambda self: "hi from " + type(self).__name__})
print(Dyn().hello(), Dyn.__name__, Dyn.__bases__)
class Slotted:
    __slots__ = ("a", "b")
    def __init__(self):
        self.a = 1
s = Slotted()
s.b = 2
print(s.a, s.b)
class Counter:
    instances = 0
    def __init__(self):
        type(self).instances += 1
Counter(); Counter()
print(Counter.instances)
class Base:
    def template(self):
        return f"[{self.step()}]"
    def step(self):
        raise NotImplementedError("subclass must implement")
class Impl(Base):
    def step(self):
        return "impl"
print(Impl().template())
try:
    Base().template()
except NotImplementedError as e:
    print("NotImplementedError:", e)
