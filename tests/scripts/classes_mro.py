class A:
    def who(self):
        return "A"

class B(A):
    def who(self):
        return "B>" + super().who()

class C(A):
    def who(self):
        return "C>" + super().who()

class D(B, C):
    def who(self):
        return "D>" + super().who()

print(D().who())
print([k.__name__ for k in D.__mro__])
print(D.mro() == list(D.__mro__))

class X: pass
class Y: pass
class Z(X, Y): pass
class W(Y, X): pass
try:
    class Bad(Z, W): pass
except TypeError as e:
    print("TypeError:", e)

class Base:
    def __init__(self, v):
        self.v = v

class Child(Base):
    def __init__(self, v, w):
        super().__init__(v)
        self.w = w

c = Child(1, 2)
print(c.v, c.w)
print(super(Child, c).__init__)
