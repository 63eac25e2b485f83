def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show('{1, 2}.pop() in {1, 2}', lambda: {1, 2}.pop() in {1, 2})
show('set([[]])', lambda: set([[]]))
show("{frozenset({1}): 'x'}", lambda: {frozenset({1}): 'x'})
show('{1, 2} | [3]', lambda: {1, 2} | [3])
show('frozenset({1, 2}) | {3}', lambda: frozenset({1, 2}) | {3})
show('{1, 2} | frozenset({3})', lambda: {1, 2} | frozenset({3}))
show('sorted({3, 1, 2})', lambda: sorted({3, 1, 2}))
show('{1, True, 1.0}', lambda: {1, True, 1.0})
show('{0, False}', lambda: {0, False})
show('hash(frozenset()) == hash(frozenset())', lambda: hash(frozenset()) == hash(frozenset()))
show('sum({1, 2, 3})', lambda: sum({1, 2, 3}))
show('max({1, 5, 2})', lambda: max({1, 5, 2}))
