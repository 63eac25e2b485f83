class Person:
    def __init__(self, first, last):
        self.first = first
        self.last = last

    @property
    def full(self):
        "The full name."
        return f"{self.first} {self.last}"

    @full.setter
    def full(self, value):
        self.first, self.last = value.split(" ", 1)

    @full.deleter
    def full(self):
        print("deleting")
        self.first = self.last = ""

p = Person("Ada", "Lovelace")
print(p.full)
p.full = "Grace Hopper"
print(p.first, p.last, p.full)
del p.full
print(repr(p.full), Person.full.__doc__)

class Lazy:
    def __init__(self):
        self.computed = 0
    @property
    def value(self):
        self.computed += 1
        return 42
l = Lazy()
print(l.value, l.value, l.computed)
def get_x(self):
    return self._x
def set_x(self, v):
    self._x = v
class Old:
    x = property(get_x, set_x, doc="old style")
o = Old()
o.x = 5
print(o.x, Old.x.__doc__, isinstance(Old.x, property))
