def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show('-7.5 // 2', lambda: -7.5 // 2)
show('7.5 % 2', lambda: 7.5 % 2)
show('-7.5 % 2', lambda: -7.5 % 2)
show('7.5 % -2', lambda: 7.5 % -2)
show('divmod(7.5, 2)', lambda: divmod(7.5, 2))
show('divmod(-7.5, 2)', lambda: divmod(-7.5, 2))
show('2.0 ** 0.5', lambda: 2.0 ** 0.5)
show('(-2.0) ** 2', lambda: (-2.0) ** 2)
show('2 ** 0.5', lambda: 2 ** 0.5)
show('1.5 ** -2', lambda: 1.5 ** -2)
show('10.0 ** 300 * 10.0 ** 10', lambda: 10.0 ** 300 * 10.0 ** 10)
show('0.0 ** 0', lambda: 0.0 ** 0)
