def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show('bool(0.1)', lambda: bool(0.1))
show('int(True) + int(False)', lambda: int(True) + int(False))
show("float(int('7'))", lambda: float(int('7')))
show("int(float('7.9'))", lambda: int(float('7.9')))
show("str(int('07'))", lambda: str(int('07')))
show('repr(str(1))', lambda: repr(str(1)))
show('ord(str(1))', lambda: ord(str(1)))
show("chr(ord('a') + 1)", lambda: chr(ord('a') + 1))
show("hex(int('ff', 16))", lambda: hex(int('ff', 16)))
show('int(hex(255), 16)', lambda: int(hex(255), 16))
show('int(bin(10), 2)', lambda: int(bin(10), 2))
show('int(oct(10), 8)', lambda: int(oct(10), 8))
