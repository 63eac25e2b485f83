def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show('(1, 2) + (3,)', lambda: (1, 2) + (3,))
show('(1,) * 3', lambda: (1,) * 3)
show('() * 5', lambda: () * 5)
show('tuple()', lambda: tuple())
show('tuple([1, 2])', lambda: tuple([1, 2]))
show('tuple(range(3))', lambda: tuple(range(3)))
show('(1, 2, 3)[1:]', lambda: (1, 2, 3)[1:])
show('(1, 2, 3)[::-1]', lambda: (1, 2, 3)[::-1])
show('(1, 2, 3)[-1]', lambda: (1, 2, 3)[-1])
show('(1, 2)[5]', lambda: (1, 2)[5])
show('(1, 2, 2).count(2)', lambda: (1, 2, 2).count(2))
show('(1, 2).index(2)', lambda: (1, 2).index(2))
