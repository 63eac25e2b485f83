def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show('{1, 2} | {2, 3}', lambda: {1, 2} | {2, 3})
show('{1, 2} & {2, 3}', lambda: {1, 2} & {2, 3})
show('{1, 2} - {2, 3}', lambda: {1, 2} - {2, 3})
show('{1, 2} ^ {2, 3}', lambda: {1, 2} ^ {2, 3})
show('{1, 2} <= {1, 2}', lambda: {1, 2} <= {1, 2})
show('{1, 2} < {1, 2}', lambda: {1, 2} < {1, 2})
show('{1} < {1, 2}', lambda: {1} < {1, 2})
show('{1, 2} >= {1}', lambda: {1, 2} >= {1})
show('{1, 2} == {2, 1}', lambda: {1, 2} == {2, 1})
show('{1, 2} != {1}', lambda: {1, 2} != {1})
show('set()', lambda: set())
show('set([3, 1, 3])', lambda: set([3, 1, 3]))
