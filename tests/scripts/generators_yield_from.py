def inner():
    x = yield "inner-1"
    print("inner received", x)
    y = yield "inner-2"
    print("inner received", y)
    return x + y

def outer():
    result = yield from inner()
    print("outer result", result)
    yield "outer-done"

g = outer()
print(next(g))
print(g.send(1))
print(g.send(2))

def chain(*iterables):
    for it in iterables:
        yield from it

print(list(chain("ab", [1, 2], range(3), (x for x in "xy"))))

def tree(n):
    if n == 0:
        yield "leaf"
        return
    yield from tree(n - 1)
    yield f"node{n}"
    yield from tree(n - 1)

print(list(tree(2)))

def thrower():
    try:
        yield from inner()
    except ZeroDivisionError:
        yield "handled in outer"

t = thrower()
next(t)
print(t.throw(ZeroDivisionError))
