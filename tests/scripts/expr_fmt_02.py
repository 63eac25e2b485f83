def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show("format(123456789.0, 'g')", lambda: format(123456789.0, 'g'))
show("format(1.0, 'g')", lambda: format(1.0, 'g'))
show("format(1e-7, 'g')", lambda: format(1e-7, 'g'))
show("format(100000.0, 'g')", lambda: format(100000.0, 'g'))
show("format(1e16, 'g')", lambda: format(1e16, 'g'))
show("format(0.5, '%')", lambda: format(0.5, '%'))
show("format(0.12345, '.1%')", lambda: format(0.12345, '.1%'))
show("format(42, 'd')", lambda: format(42, 'd'))
show("format(42, '5d')", lambda: format(42, '5d'))
show("format(42, '<5d')", lambda: format(42, '<5d'))
show("format(42, '^5d')", lambda: format(42, '^5d'))
show("format(42, '05d')", lambda: format(42, '05d'))
