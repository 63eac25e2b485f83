def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show("sorted([(1, 'b'), (1, 'a')])", lambda: sorted([(1, 'b'), (1, 'a')]))
show('len([[]] * 3)', lambda: len([[]] * 3))
show('[1, 2, 3] * 0', lambda: [1, 2, 3] * 0)
show('[None] * 2', lambda: [None] * 2)
show('list(range(3)) == [0, 1, 2]', lambda: list(range(3)) == [0, 1, 2])
show('[1, [2, [3]]] == [1, [2, [3]]]', lambda: [1, [2, [3]]] == [1, [2, [3]]])
show('[1, 2] + []', lambda: [1, 2] + [])
show('[] * 10', lambda: [] * 10)
show('max([[1, 2], [1, 3]])', lambda: max([[1, 2], [1, 3]]))
show("min(['b', 'a', 'c'])", lambda: min(['b', 'a', 'c']))
show("[c for c in 'hello' if c not in 'aeiou']", lambda: [c for c in 'hello' if c not in 'aeiou'])
show("[w.capitalize() for w in 'a b c'.split()]", lambda: [w.capitalize() for w in 'a b c'.split()])
