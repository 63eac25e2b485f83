def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show('repr(0.30000000000000004)', lambda: repr(0.30000000000000004))
show('repr(2.0 ** 70)', lambda: repr(2.0 ** 70))
show('repr(1.0 / 7)', lambda: repr(1.0 / 7))
show('str(1e100)', lambda: str(1e100))
show('repr(-1.5e-10)', lambda: repr(-1.5e-10))
show('max(1.5, 2)', lambda: max(1.5, 2))
show('min(-0.0, 0.0)', lambda: min(-0.0, 0.0))
show('sum([0.1] * 10)', lambda: sum([0.1] * 10))
show('abs(-0.0)', lambda: abs(-0.0))
show('float(True)', lambda: float(True))
show("float('-0')", lambda: float('-0'))
show('1e3 == 1000', lambda: 1e3 == 1000)
