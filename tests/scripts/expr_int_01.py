def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show('7 // 2', lambda: 7 // 2)
show('-7 // 2', lambda: -7 // 2)
show('7 // -2', lambda: 7 // -2)
show('-7 // -2', lambda: -7 // -2)
show('7 % 3', lambda: 7 % 3)
show('-7 % 3', lambda: -7 % 3)
show('7 % -3', lambda: 7 % -3)
show('-7 % -3', lambda: -7 % -3)
show('7 / 2', lambda: 7 / 2)
show('-7 / 2', lambda: -7 / 2)
show('1 / 3', lambda: 1 / 3)
show('2 ** 10', lambda: 2 ** 10)
