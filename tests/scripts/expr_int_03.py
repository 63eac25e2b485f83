def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show('pow(2, -1, 5)', lambda: pow(2, -1, 5))
show('pow(2, -1, 4)', lambda: pow(2, -1, 4))
show('pow(0, -1)', lambda: pow(0, -1))
show('abs(-10 ** 30)', lambda: abs(-10 ** 30))
show('~0', lambda: ~0)
show('~-(2 ** 70)', lambda: ~-(2 ** 70))
show('1 << 62', lambda: 1 << 62)
show('1 << 63', lambda: 1 << 63)
show('1 << 64', lambda: 1 << 64)
show('-1 << 70', lambda: -1 << 70)
show('(1 << 100) >> 98', lambda: (1 << 100) >> 98)
show('-5 >> 1', lambda: -5 >> 1)
