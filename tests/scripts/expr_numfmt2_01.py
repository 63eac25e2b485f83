def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show('str(1/3)', lambda: str(1/3))
show('str(2/3)', lambda: str(2/3))
show('str(10/3)', lambda: str(10/3))
show('str(1e-10)', lambda: str(1e-10))
show('str(123456789.123456789)', lambda: str(123456789.123456789))
show('str(0.1 + 0.7)', lambda: str(0.1 + 0.7))
show('str(1.1 * 3)', lambda: str(1.1 * 3))
show('str(100.0 / 3)', lambda: str(100.0 / 3))
show('str(3.0 * 1.1)', lambda: str(3.0 * 1.1))
show('str(2 ** 0.5)', lambda: str(2 ** 0.5))
show('str(10 ** 0.5)', lambda: str(10 ** 0.5))
show('str(1e23)', lambda: str(1e23))
