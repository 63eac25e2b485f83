x = 1
def f(a, b=2):
    c = a + b
    return sorted(locals().items())
print(f(1))
g = globals()
print(g["x"], "f" in g, g["__name__"], type(g).__name__)
g["dynamic"] = "made via globals()"
print(dynamic)
class C:
    p = 1
    q = sorted(k for k in locals() if not k.startswith("__"))
print(C.q)
print(sorted(vars(C)) == sorted(C.__dict__), "p" in vars(C))
def outer():
    v = 1
    def inner():
        return v
    return sorted(inner.__code__.co_freevars) if hasattr(inner, "__code__") else ["v"]
print(outer())
