def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show('list(enumerate([5, 6]))', lambda: list(enumerate([5, 6])))
show('[1, 2, 3].copy()', lambda: [1, 2, 3].copy())
show('[1, 2][::0]', lambda: [1, 2][::0])
show('[1, 2, 3, 4][1:3]', lambda: [1, 2, 3, 4][1:3])
show('[1, 2, 3, 4][-100:100]', lambda: [1, 2, 3, 4][-100:100])
show('list(map(abs, [-1, -2]))', lambda: list(map(abs, [-1, -2])))
show('list(filter(None, [0, 1, 2]))', lambda: list(filter(None, [0, 1, 2])))
