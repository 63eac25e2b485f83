class Animal:
    kind = "animal"

    def __init__(self, name):
        self.name = name

    def speak(self):
        return f"{self.name} makes a sound"

    def __repr__(self):
        return f"Animal({self.name!r})"

class Dog(Animal):
    kind = "dog"

    def speak(self):
        return f"{self.name} barks"

class Puppy(Dog):
    def speak(self):
        return super().speak() + " softly"

a, d, p = Animal("generic"), Dog("Rex"), Puppy("Bit")
for x in (a, d, p):
    print(x.speak(), x.kind, type(x).__name__)
print(a, [d], str(p))
print(isinstance(p, Animal), isinstance(a, Dog), issubclass(Puppy, Dog), issubclass(Dog, Puppy))
print(Puppy.__mro__)
print(Puppy.__bases__, Dog.__name__, Dog.__qualname__, Dog.__module__)
d.age = 3
print(d.age, d.__dict__, hasattr(d, "age"), getattr(d, "missing", "default"))
setattr(d, "color", "brown")
delattr(d, "age")
print(sorted(vars(d).items()))
print(Animal.kind, Dog.kind, Animal.speak(d))
