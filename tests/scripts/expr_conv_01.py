def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show("int('  12  ')", lambda: int('  12  '))
show("int('-  12')", lambda: int('-  12'))
show("int('1e3')", lambda: int('1e3'))
show('int(1e3)', lambda: int(1e3))
show("int('ff', 16)", lambda: int('ff', 16))
show("int('FF', 16)", lambda: int('FF', 16))
show("int('0xff', 16)", lambda: int('0xff', 16))
show("int('0xff', 0)", lambda: int('0xff', 0))
show("int('ff', 0)", lambda: int('ff', 0))
show("int('010', 0)", lambda: int('010', 0))
show("int('0', 0)", lambda: int('0', 0))
show("int('00', 0)", lambda: int('00', 0))
