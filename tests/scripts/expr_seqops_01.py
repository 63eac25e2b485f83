def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show('[1, 2, 3] + [4]', lambda: [1, 2, 3] + [4])
show('(1, 2) + (3,)', lambda: (1, 2) + (3,))
show("'ab' + 'cd'", lambda: 'ab' + 'cd')
show('[1] * 3', lambda: [1] * 3)
show('(0,) * 2', lambda: (0,) * 2)
show("'-' * 5", lambda: '-' * 5)
show('2 * [None]', lambda: 2 * [None])
show('[3, 1, 2][::-1]', lambda: [3, 1, 2][::-1])
show('sorted((3, 1, 2))', lambda: sorted((3, 1, 2)))
show('reversed is not None', lambda: reversed is not None)
show('list(reversed((1, 2, 3)))', lambda: list(reversed((1, 2, 3))))
show("max('hello')", lambda: max('hello'))
