def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show('(1, 2) > (1,)', lambda: (1, 2) > (1,))
show("'abc' < 'abd'", lambda: 'abc' < 'abd')
show('[[1], [2]] == [[1], [2]]', lambda: [[1], [2]] == [[1], [2]])
show("list(zip('abc', (1, 2, 3)))", lambda: list(zip('abc', (1, 2, 3))))
show("dict(zip('ab', 'xy'))", lambda: dict(zip('ab', 'xy')))
show("list(enumerate('xy', start=10))", lambda: list(enumerate('xy', start=10)))
show('sum([[1], [2, 3]], [])', lambda: sum([[1], [2, 3]], []))
show('any([[], [0]])', lambda: any([[], [0]]))
show('all([[], [0]])', lambda: all([[], [0]]))
show('[x for x in (1, 2, 3)]', lambda: [x for x in (1, 2, 3)])
show("tuple(i for i in 'ab')", lambda: tuple(i for i in 'ab'))
show("set('aabbc') == set('abc')", lambda: set('aabbc') == set('abc'))
