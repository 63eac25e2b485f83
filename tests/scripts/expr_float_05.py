def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show("round(float('inf'))", lambda: round(float('inf')))
show('round(5.5, 0)', lambda: round(5.5, 0))
show('int(3.99)', lambda: int(3.99))
show('int(-3.99)', lambda: int(-3.99))
show('int(1e18)', lambda: int(1e18))
show('int(1.5e19)', lambda: int(1.5e19))
show("int(float('nan'))", lambda: int(float('nan')))
show("int(float('inf'))", lambda: int(float('inf')))
show('(3.0).is_integer()', lambda: (3.0).is_integer())
show('(0.5).as_integer_ratio()', lambda: (0.5).as_integer_ratio())
show('(-0.75).as_integer_ratio()', lambda: (-0.75).as_integer_ratio())
show('(3.5).conjugate()', lambda: (3.5).conjugate())
