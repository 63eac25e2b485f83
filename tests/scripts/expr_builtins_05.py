def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show('len({})', lambda: len({}))
show('len(range(10, 0, -2))', lambda: len(range(10, 0, -2)))
show('len(5)', lambda: len(5))
show('len([1, 2, 3])', lambda: len([1, 2, 3]))
show('max(3, 1, 2)', lambda: max(3, 1, 2))
show('max([1, 3], [2])', lambda: max([1, 3], [2]))
show("max('ab', 'b')", lambda: max('ab', 'b'))
show("max(1, 'a')", lambda: max(1, 'a'))
show('max([])', lambda: max([]))
show('max([], default=0)', lambda: max([], default=0))
show('min(3, 1, key=lambda x: -x)', lambda: min(3, 1, key=lambda x: -x))
show("min((i for i in []), default='e')", lambda: min((i for i in []), default='e'))
