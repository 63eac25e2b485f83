# Compiler check: break/continue/return through try/finally and with, exception handlers, generators.
def f1():
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            print("body", i)
        finally:
            print("fin", i)
    else:
        print("no")
    return "done"
print(f1())
def f2():
    try:
        return "try"
    finally:
        print("cleanup")
print(f2())
def f3():
    try:
        raise ValueError("x")
    except ValueError as e:
        return "caught " + str(e)
    finally:
        print("f3 fin")
print(f3())
def f4():
    for i in range(3):
        try:
            raise KeyError(i)
        except KeyError:
            if i == 1:
                break
            continue
        finally:
            print("f4 fin", i)
    return i
print(f4())
class CM:
    def __init__(self, n): self.n = n
    def __enter__(self):
        print("enter", self.n); return self.n
    def __exit__(self, t, v, tb):
        print("exit", self.n, t.__name__ if t else None); return self.n == "swallow"
with CM(1) as a, CM(2) as b:
    print("in", a, b)
with CM("swallow"):
    raise RuntimeError("boom")
print("after swallow")
def f5():
    for x in range(3):
        with CM(x):
            if x == 1:
                return "ret"
            continue
print(f5())
def f6():
    while True:
        with CM("w"):
            break
    return "broke"
print(f6())
try:
    try:
        raise TypeError("inner")
    except TypeError:
        raise ValueError("outer")
except ValueError as e:
    print(repr(e), repr(e.__context__))
try:
    raise ValueError("a") from KeyError("b")
except ValueError as e:
    print(repr(e.__cause__))
def f7():
    try:
        raise ValueError
    except:
        try:
            raise
        except ValueError:
            return "reraised"
print(f7())
def f8():
    try:
        pass
    except Exception:
        pass
    else:
        return "else"
print(f8())
def f9():
    try:
        return 1
    finally:
        return 2
print(f9())
def f10():
    x = 0
    while x < 10:
        x += 1
        if x % 2: continue
        if x > 6: break
    else:
        print("never")
    return x
print(f10())
import sys
try:
    {}["missing"]
except (KeyError, IndexError) as err:
    print("tuple except", repr(err))
print("e" in dir())
def g():
    yield 1
    try:
        yield 2
    finally:
        print("gen fin")
    yield from [3, 4]
print(list(g()))
def nested_fin():
    try:
        try:
            return "inner"
        finally:
            print("f-inner")
    finally:
        print("f-outer")
print(nested_fin())
