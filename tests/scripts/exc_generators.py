def risky_gen():
    yield 1
    raise KeyError("in generator")

g = risky_gen()
print(next(g))
try:
    next(g)
except KeyError as e:
    print("caught", repr(e))
print(next(g, "exhausted after error"))

def stop_inside():
    yield 1
    raise StopIteration("converted")

try:
    list(stop_inside())
except RuntimeError as e:
    print("RuntimeError:", e, repr(e.__cause__))

def guarded():
    try:
        yield "a"
        yield "b"
    except ValueError:
        yield "recovered"
    yield "end"

g = guarded()
print(next(g), g.throw(ValueError), next(g))
def cleanup():
    try:
        yield 1
    finally:
        print("cleanup ran")
for x in cleanup():
    pass
g = cleanup()
next(g)
del g
print("after del")
