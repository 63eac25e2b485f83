def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show('2 ** 63 == 2.0 ** 63', lambda: 2 ** 63 == 2.0 ** 63)
show('10 ** 17 + 1 == 1e17', lambda: 10 ** 17 + 1 == 1e17)
show('10 ** 17 + 1 > 1e17', lambda: 10 ** 17 + 1 > 1e17)
show('3 < 3.5', lambda: 3 < 3.5)
show("(2 ** 100) < float('inf')", lambda: (2 ** 100) < float('inf'))
show('-1 < -0.5', lambda: -1 < -0.5)
show('0x_7f', lambda: 0x_7f)
show('0o777', lambda: 0o777)
show('0b_1111', lambda: 0b_1111)
show('1_000_000', lambda: 1_000_000)
show("int('1' * 50) % 97", lambda: int('1' * 50) % 97)
show('str(2 ** 128)', lambda: str(2 ** 128))
