import functools

def trace(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        print("calling", func.__name__, args, kwargs)
        result = func(*args, **kwargs)
        print("returned", result)
        return result
    return wrapper

@trace
def add(a, b):
    """Adds."""
    return a + b

add(2, 3)
print(add.__name__, add.__doc__)

def repeat(n):
    def deco(func):
        def wrapper(*args):
            return [func(*args) for _ in range(n)]
        return wrapper
    return deco

@repeat(3)
def hello(name):
    return "hi " + name

print(hello("bob"))

def register(cls):
    cls.registered = True
    return cls

@register
class Thing:
    pass

print(Thing.registered)

def d1(f):
    return lambda: "d1(" + f() + ")"

def d2(f):
    return lambda: "d2(" + f() + ")"

@d1
@d2
def base():
    return "base"

print(base())
