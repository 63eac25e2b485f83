def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show("(255).to_bytes(2, 'little')", lambda: (255).to_bytes(2, 'little'))
show("(-1).to_bytes(2, 'big', signed=True)", lambda: (-1).to_bytes(2, 'big', signed=True))
show("int.from_bytes(b'\\xff\\xff', 'big', signed=True)", lambda: int.from_bytes(b'\xff\xff', 'big', signed=True))
show("(256).to_bytes(1, 'big')", lambda: (256).to_bytes(1, 'big'))
show('round(15, -1)', lambda: round(15, -1))
show('round(25, -1)', lambda: round(25, -1))
show('round(-15, -1)', lambda: round(-15, -1))
show('round(123456, -3)', lambda: round(123456, -3))
show('round(7, 2)', lambda: round(7, 2))
show('(7).conjugate()', lambda: (7).conjugate())
show('(5).real', lambda: (5).real)
show('(5).imag', lambda: (5).imag)
