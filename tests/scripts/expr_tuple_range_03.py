def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show('repr(())', lambda: repr(()))
show('repr((1, 2))', lambda: repr((1, 2)))
show('repr(((),))', lambda: repr(((),)))
show("str(('a', 1.5))", lambda: str(('a', 1.5)))
show('range(5)', lambda: range(5))
show('range(1, 5)', lambda: range(1, 5))
show('range(1, 10, 3)', lambda: range(1, 10, 3))
show('list(range(1, 10, 3))', lambda: list(range(1, 10, 3)))
show('list(range(10, 1, -3))', lambda: list(range(10, 1, -3)))
show('range(0, 10)[3]', lambda: range(0, 10)[3])
show('range(0, 10)[-1]', lambda: range(0, 10)[-1])
show('range(0, 10)[20]', lambda: range(0, 10)[20])
