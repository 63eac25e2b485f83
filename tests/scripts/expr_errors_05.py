def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show('{}.popitem()', lambda: {}.popitem())
show('iter(1)', lambda: iter(1))
show('iter(None)', lambda: iter(None))
show('next(5)', lambda: next(5))
show('len(None)', lambda: len(None))
show('len(iter([]))', lambda: len(iter([])))
show('reversed({1})', lambda: reversed({1}))
show("'x'[1]", lambda: 'x'[1])
show("str('x')[1.0]", lambda: str('x')[1.0])
show('list([1])[None]', lambda: list([1])[None])
show("tuple((1,))['a']", lambda: tuple((1,))['a'])
show('{}[[]]', lambda: {}[[]])
