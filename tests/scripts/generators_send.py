def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            break
        total += value
    return total

acc = accumulator()
print(next(acc))
print(acc.send(10), acc.send(5), acc.send(100))
try:
    acc.send(None)
except StopIteration as e:
    print("final", e.value)

def catcher():
    while True:
        try:
            yield "waiting"
        except ValueError as e:
            print("caught inside:", e)
            yield "recovered"

c = catcher()
print(next(c))
print(c.throw(ValueError("boom")))
print(next(c))

def closer():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("closing")
        raise
    finally:
        print("finally in gen")

g = closer()
print(next(g))
g.close()
print("closed")
g.close()

def echo():
    received = yield "ready"
    while True:
        received = yield f"echo: {received}"

e = echo()
print(e.send(None), e.send("a"), e.send("b"))
try:
    g = closer()
    next(g)
    g.throw(KeyError("k"))
except KeyError as ex:
    print("propagated", repr(ex))
