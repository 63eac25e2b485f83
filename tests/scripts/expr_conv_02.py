def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show("int('11', 36)", lambda: int('11', 36))
show("int(b'12') if False else 12", lambda: int(b'12') if False else 12)
show("float('  -1.5e-3 ')", lambda: float('  -1.5e-3 '))
show("float('Infinity')", lambda: float('Infinity'))
show("float('-iNF')", lambda: float('-iNF'))
show("float('nan') != float('nan')", lambda: float('nan') != float('nan'))
show("float('1_000')", lambda: float('1_000'))
show("float('1__0')", lambda: float('1__0'))
show("float(' 1 2 ')", lambda: float(' 1 2 '))
show("float('0x10')", lambda: float('0x10'))
show('float(-5)', lambda: float(-5))
show('float(2 ** 1024)', lambda: float(2 ** 1024))
