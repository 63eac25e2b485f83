def f(kind):
    try:
        if kind == "return":
            return "from try"
        if kind == "raise":
            raise ValueError("boom")
    except ValueError:
        return "from except"
    else:
        return "from else"
    finally:
        print("finally for", kind)
for k in ["return", "raise", "none"]:
    print(f(k))
def g():
    for i in range(3):
        try:
            if i == 1:
                return i
        finally:
            print("cleanup", i)
print(g())
def h():
    try:
        return "try"
    finally:
        print("h finally")
        x = 1
print(h())
