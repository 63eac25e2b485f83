class Resource:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("open", self.name)
        return self
    def __exit__(self, exc_type, exc, tb):
        print("close", self.name, exc_type.__name__ if exc_type else "ok")
        return False

with Resource("a") as a, Resource("b") as b:
    print("using", a.name, b.name)

try:
    with Resource("c"):
        raise KeyError("inside")
except KeyError as e:
    print("propagated", e)

def early():
    with Resource("d"):
        return "returned"
print(early())

for i in range(3):
    with Resource(f"loop{i}"):
        if i == 1:
            continue
        if i == 2:
            break
        print("body", i)

with (Resource("p1") as p1,
      Resource("p2") as p2):
    print("parenthesized", p1.name, p2.name)

class Suppress:
    def __enter__(self):
        return None
    def __exit__(self, *args):
        print("exit args", args[0].__name__, args[1])
        return True

with Suppress():
    1 / 0
print("continued")
from contextlib import contextmanager
@contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    finally:
        print(f"</{name}>")
with tag("div") as t:
    print("content", t)
