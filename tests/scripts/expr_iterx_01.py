def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show('list(zip([1, 2], [3, 4], [5, 6]))', lambda: list(zip([1, 2], [3, 4], [5, 6])))
show("list(zip('abc', range(2)))", lambda: list(zip('abc', range(2))))
show("dict(zip(['a', 'b'], [1, 2]))", lambda: dict(zip(['a', 'b'], [1, 2])))
show('list(enumerate([]))', lambda: list(enumerate([])))
show("list(enumerate('ab', -1))", lambda: list(enumerate('ab', -1)))
show("list(map(str.upper, ['a', 'b']))", lambda: list(map(str.upper, ['a', 'b'])))
show("list(map(lambda x, y: x + y, 'ab', 'cd'))", lambda: list(map(lambda x, y: x + y, 'ab', 'cd')))
show('list(filter(lambda x: x > 1, [0, 1, 2, 3]))', lambda: list(filter(lambda x: x > 1, [0, 1, 2, 3])))
show("list(filter(None, ['', 'a', 0, [], [1]]))", lambda: list(filter(None, ['', 'a', 0, [], [1]])))
show('list(reversed([]))', lambda: list(reversed([])))
show('list(reversed((1, 2)))', lambda: list(reversed((1, 2))))
show('next(reversed(range(5)))', lambda: next(reversed(range(5))))
