def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show("float('')", lambda: float(''))
show('float(10 ** 400)', lambda: float(10 ** 400))
show('float(2 ** 53 + 1)', lambda: float(2 ** 53 + 1))
show('round(0.5)', lambda: round(0.5))
show('round(1.5)', lambda: round(1.5))
show('round(2.5)', lambda: round(2.5))
show('round(-0.5)', lambda: round(-0.5))
show('round(2.675, 2)', lambda: round(2.675, 2))
show('round(1.25, 1)', lambda: round(1.25, 1))
show('round(1.35, 1)', lambda: round(1.35, 1))
show('round(123.456, -1)', lambda: round(123.456, -1))
show('round(1e20)', lambda: round(1e20))
