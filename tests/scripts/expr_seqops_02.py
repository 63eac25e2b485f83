def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show('min([3, 1, 2])', lambda: min([3, 1, 2]))
show("len('hello world'.split())", lambda: len('hello world'.split()))
show('[1, 2, 3].count(2)', lambda: [1, 2, 3].count(2))
show("'banana'.count('a')", lambda: 'banana'.count('a'))
show('(1, 1, 2).count(1)', lambda: (1, 1, 2).count(1))
show('[1, 2, 3].index(3)', lambda: [1, 2, 3].index(3))
show("'hello'.index('l')", lambda: 'hello'.index('l'))
show('(5, 6).index(6)', lambda: (5, 6).index(6))
show('3 in (1, 2, 3)', lambda: 3 in (1, 2, 3))
show("'ell' in 'hello'", lambda: 'ell' in 'hello')
show('4 not in [1, 2]', lambda: 4 not in [1, 2])
show('[1, 2] < [1, 2, 3]', lambda: [1, 2] < [1, 2, 3])
