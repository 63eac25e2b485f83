def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show('[1, 2][0] + [3][0]', lambda: [1, 2][0] + [3][0])
show("{'a': 1}['a'] * 3", lambda: {'a': 1}['a'] * 3)
show('(1, 2)[1] ** 3', lambda: (1, 2)[1] ** 3)
show("'abc'[1] + 'def'[-1]", lambda: 'abc'[1] + 'def'[-1])
show("len('ab') * len('cde')", lambda: len('ab') * len('cde'))
show('abs(-3) + abs(3)', lambda: abs(-3) + abs(3))
show('max(1, 2) - min(3, 4)', lambda: max(1, 2) - min(3, 4))
show("int('3') + float('0.5')", lambda: int('3') + float('0.5'))
show('str(1) + str(2)', lambda: str(1) + str(2))
show('1e1 + 1', lambda: 1e1 + 1)
show('0.1 * 10 == 1', lambda: 0.1 * 10 == 1)
