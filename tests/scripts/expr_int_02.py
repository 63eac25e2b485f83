def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show('2 ** -2', lambda: 2 ** -2)
show('(-2) ** 3', lambda: (-2) ** 3)
show('(-8) ** (1/3) if False else 0', lambda: (-8) ** (1/3) if False else 0)
show('0 ** 0', lambda: 0 ** 0)
show('10 ** 20', lambda: 10 ** 20)
show('-(2 ** 63)', lambda: -(2 ** 63))
show('divmod(7, 3)', lambda: divmod(7, 3))
show('divmod(-7, 3)', lambda: divmod(-7, 3))
show('divmod(7, -3)', lambda: divmod(7, -3))
show('divmod(0, 5)', lambda: divmod(0, 5))
show('pow(3, 4)', lambda: pow(3, 4))
show('pow(3, 4, 5)', lambda: pow(3, 4, 5))
