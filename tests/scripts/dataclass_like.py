class Record:
    fields = ()
    def __init__(self, *args, **kwargs):
        for name, value in zip(self.fields, args):
            setattr(self, name, value)
        for name, value in kwargs.items():
            if name not in self.fields:
                raise TypeError(f"unexpected field {name!r}")
            setattr(self, name, value)
    def __repr__(self):
        inner = ", ".join(f"{f}={getattr(self, f, None)!r}" for f in self.fields)
        return f"{type(self).__name__}({inner})"
    def __eq__(self, other):
        return type(self) is type(other) and all(getattr(self, f, None) == getattr(other, f, None) for f in self.fields)

class Employee(Record):
    fields = ("name", "dept", "salary")

e = Employee("Ann", dept="R&D", salary=100)
print(e, e == Employee("Ann", "R&D", 100), e == Employee("Bob"))
try:
    Employee(age=3)
except TypeError as err:
    print("TypeError:", err)
staff = [Employee("B", "ops", 90), Employee("A", "dev", 120), Employee("C", "dev", 80)]
by_dept = {}
for s in staff:
    by_dept.setdefault(s.dept, []).append(s.name)
print(by_dept, max(staff, key=lambda s: s.salary).name, sum(s.salary for s in staff))
