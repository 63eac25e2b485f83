class Config:
    debug = False
    items = []
    def __init__(self, name):
        self.name = name

a = Config("a")
b = Config("b")
a.debug = True
a.items.append("shared!")
print(a.debug, b.debug, Config.debug, b.items, a.__dict__, "debug" in b.__dict__)
Config.debug = "changed"
print(b.debug, a.debug)
del a.debug
print(a.debug)
Config.new_attr = 42
print(a.new_attr, hasattr(b, "new_attr"))
def method(self):
    return "added " + self.name
Config.method = method
print(a.method(), b.method())
print(sorted(k for k in Config.__dict__ if not k.startswith("__")))
class Child(Config):
    debug = "child"
c = Child("c")
print(c.debug, c.items is Config.items, c.method(), Child.__bases__[0].__name__)
print(getattr(Child, "debug"), getattr(Config, "debug"), vars(c))
