def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show('3 + 4 * 2', lambda: 3 + 4 * 2)
show('(3 + 4) * 2', lambda: (3 + 4) * 2)
show('2 ** 3 ** 2', lambda: 2 ** 3 ** 2)
show('(2 ** 3) ** 2', lambda: (2 ** 3) ** 2)
show('-2 ** 2', lambda: -2 ** 2)
show('(-2) ** 2', lambda: (-2) ** 2)
show('10 - 3 - 2', lambda: 10 - 3 - 2)
show('100 / 10 / 5', lambda: 100 / 10 / 5)
show('2 * 3 % 4', lambda: 2 * 3 % 4)
show('7 // 2 * 2 + 7 % 2', lambda: 7 // 2 * 2 + 7 % 2)
show('1 + 2 == 3', lambda: 1 + 2 == 3)
show('not 1 + 1 == 3', lambda: not 1 + 1 == 3)
