def f(a, b=2, *args, c, d=4, **kwargs):
    return (a, b, args, c, d, kwargs)

print(f(1, c=3))
print(f(1, 5, 6, 7, c=3, e=9))
print(f(a=1, c=2, d=0, z=1))

def g(x, y, /, z, *, w):
    return x + y + z + w

print(g(1, 2, 3, w=4), g(1, 2, z=3, w=4))

def h(*args, **kwargs):
    return args, sorted(kwargs.items())

print(h(), h(1, 2), h(a=1, b=2), h(*[1, 2], **{"k": 3}))
args = (1, 2)
kw = {"c": 3}
print(f(*args, **kw))
print(f(*range(3), c=0))

def defaults(x=[], y={}):
    x.append(1)
    return len(x)

print(defaults(), defaults(), defaults([]))

def none_return():
    pass

print(none_return())

def multi():
    return 1, 2, 3

a, b, c = multi()
print(a, b, c, multi())
