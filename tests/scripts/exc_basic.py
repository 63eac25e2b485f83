def risky(n):
    if n == 0:
        raise ValueError("zero!")
    if n == 1:
        raise KeyError("one")
    if n == 2:
        return 1 / 0
    return n

for i in range(4):
    try:
        r = risky(i)
    except ValueError as e:
        print("ValueError:", e, e.args)
    except (KeyError, ZeroDivisionError) as e:
        print(type(e).__name__, e, repr(e))
    else:
        print("no error", r)
    finally:
        print("finally", i)

try:
    try:
        raise TypeError("inner")
    finally:
        print("cleanup")
except TypeError as e:
    print("caught", e)

def f():
    try:
        return "try"
    finally:
        print("finally before return")

print(f())

def g():
    try:
        return 1
    finally:
        return 2

print(g())
try:
    raise Exception
except Exception as e:
    print(repr(e), str(e) == "", e.args)
e = None
try:
    raise RuntimeError("x")
except RuntimeError as e:
    pass
try:
    print(e)
except NameError as ne:
    print("NameError:", ne)
