def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show('5 >> 10', lambda: 5 >> 10)
show('1 << -1', lambda: 1 << -1)
show('12 & 10', lambda: 12 & 10)
show('12 | 3', lambda: 12 | 3)
show('12 ^ 10', lambda: 12 ^ 10)
show('-12 & 0xff', lambda: -12 & 0xff)
show('(2 ** 70) & (2 ** 70 - 1)', lambda: (2 ** 70) & (2 ** 70 - 1))
show('-(2 ** 70) | 1', lambda: -(2 ** 70) | 1)
show("int('0b1010', 0)", lambda: int('0b1010', 0))
show("int('0o17', 0)", lambda: int('0o17', 0))
show("int('0x_ff', 16)", lambda: int('0x_ff', 16))
show("int('1__0')", lambda: int('1__0'))
