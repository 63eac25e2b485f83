class Temp:
    scale = "C"
    count = 0

    def __init__(self, deg):
        self._deg = deg
        Temp.count += 1

    @property
    def deg(self):
        return self._deg

    @deg.setter
    def deg(self, value):
        if value < -273:
            raise ValueError("too cold")
        self._deg = value

    @property
    def fahrenheit(self):
        return self._deg * 9 / 5 + 32

    @classmethod
    def from_f(cls, f):
        return cls((f - 32) * 5 / 9)

    @staticmethod
    def describe():
        return "temperature"

t = Temp(20)
print(t.deg, t.fahrenheit)
t.deg = 30
print(t.deg)
try:
    t.deg = -300
except ValueError as e:
    print("ValueError", e)
try:
    t.fahrenheit = 5
except AttributeError as e:
    print("AttributeError", e)
print(Temp.from_f(212).deg, Temp.describe(), t.describe(), Temp.count)
print(type(Temp.__dict__["describe"]).__name__, type(Temp.__dict__["from_f"]).__name__, type(Temp.__dict__["deg"]).__name__)
m = t.from_f
print(m(32).deg)
