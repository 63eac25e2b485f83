def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show('(1, 2).index(5)', lambda: (1, 2).index(5))
show('(1, 2) < (1, 3)', lambda: (1, 2) < (1, 3))
show('(1, 2) < (1, 2, 3)', lambda: (1, 2) < (1, 2, 3))
show('(2,) > (1, 100)', lambda: (2,) > (1, 100))
show("(1, 'a') < (1, 'b')", lambda: (1, 'a') < (1, 'b'))
show("(1, 'a') < (1, 2)", lambda: (1, 'a') < (1, 2))
show('() == ()', lambda: () == ())
show('(1,) == [1]', lambda: (1,) == [1])
show('len((1, (2, 3)))', lambda: len((1, (2, 3))))
show('(1, [2])[1]', lambda: (1, [2])[1])
show('hash((1, [2]))', lambda: hash((1, [2])))
show('repr((1,))', lambda: repr((1,)))
