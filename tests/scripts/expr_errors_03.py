def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show('1.0 / 0.0', lambda: 1.0 / 0.0)
show('1.5 // 0', lambda: 1.5 // 0)
show('1.5 % 0.0', lambda: 1.5 % 0.0)
show('divmod(1, 0)', lambda: divmod(1, 0))
show('0 ** -1', lambda: 0 ** -1)
show('0.0 ** -1', lambda: 0.0 ** -1)
show('10 ** 400 * 1.0', lambda: 10 ** 400 * 1.0)
show('2.0 ** 10000', lambda: 2.0 ** 10000)
show("int('')", lambda: int(''))
show("int('1.0')", lambda: int('1.0'))
show("int('0x10')", lambda: int('0x10'))
show("int('9', 8)", lambda: int('9', 8))
