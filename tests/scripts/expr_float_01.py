def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show('0.1 + 0.2', lambda: 0.1 + 0.2)
show('1.0 - 0.9', lambda: 1.0 - 0.9)
show('3 * 0.1', lambda: 3 * 0.1)
show('1e308 * 10', lambda: 1e308 * 10)
show('-1e308 * 10', lambda: -1e308 * 10)
show('1e-320', lambda: 1e-320)
show('5e-324 / 2', lambda: 5e-324 / 2)
show("float('inf') - float('inf')", lambda: float('inf') - float('inf'))
show('0.0 == -0.0', lambda: 0.0 == -0.0)
show('str(-0.0)', lambda: str(-0.0))
show('1 / 3 * 3', lambda: 1 / 3 * 3)
show('7.5 // 2', lambda: 7.5 // 2)
