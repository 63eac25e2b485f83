def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show('1.0 / 0', lambda: 1.0 / 0)
show('1.0 // 0', lambda: 1.0 // 0)
show('1.0 % 0', lambda: 1.0 % 0)
show("float('1e500')", lambda: float('1e500'))
show("float('-inf')", lambda: float('-inf'))
show("float('nan')", lambda: float('nan'))
show("float('  3.5  ')", lambda: float('  3.5  '))
show("float('1_0.5')", lambda: float('1_0.5'))
show("float('1e-3')", lambda: float('1e-3'))
show("float('.5')", lambda: float('.5'))
show("float('5.')", lambda: float('5.'))
show("float('abc')", lambda: float('abc'))
