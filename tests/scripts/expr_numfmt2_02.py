def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show('str(9007199254740993.0)', lambda: str(9007199254740993.0))
show('str(0.1 ** 10)', lambda: str(0.1 ** 10))
show('str(-1.0 / 3)', lambda: str(-1.0 / 3))
show('str(1 / 1024)', lambda: str(1 / 1024))
show('str(1 / 10 ** 6)', lambda: str(1 / 10 ** 6))
show('str(123e-20)', lambda: str(123e-20))
show('str(4.35 * 100)', lambda: str(4.35 * 100))
show('str(round(4.35 * 100))', lambda: str(round(4.35 * 100)))
show('str(1.0 - 1e-16)', lambda: str(1.0 - 1e-16))
show('str(float(1 << 60))', lambda: str(float(1 << 60)))
show('str(12345678912345678.0)', lambda: str(12345678912345678.0))
show('str(0.000001)', lambda: str(0.000001))
