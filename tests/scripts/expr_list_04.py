def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show('[[1, 2]] < [[1, 3]]', lambda: [[1, 2]] < [[1, 3]])
show('3 in [1, 2, 3]', lambda: 3 in [1, 2, 3])
show('[1] in [[1]]', lambda: [1] in [[1]])
show('len([1, [2, 3]])', lambda: len([1, [2, 3]]))
show('max([1, 5, 3])', lambda: max([1, 5, 3]))
show('min([])', lambda: min([]))
show('sum([1, 2, 3])', lambda: sum([1, 2, 3]))
show('sum([[1], [2]], [])', lambda: sum([[1], [2]], []))
show('[x for x in range(3)]', lambda: [x for x in range(3)])
show('[x * y for x in range(3) for y in range(2)]', lambda: [x * y for x in range(3) for y in range(2)])
show("[i for i in 'ab' if i != 'a']", lambda: [i for i in 'ab' if i != 'a'])
show('list(reversed([1, 2, 3]))', lambda: list(reversed([1, 2, 3])))
