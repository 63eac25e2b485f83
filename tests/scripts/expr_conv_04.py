def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show('str(None)', lambda: str(None))
show("list('ab')", lambda: list('ab'))
show("list({'a': 1, 'b': 2}.values())", lambda: list({'a': 1, 'b': 2}.values()))
show('tuple({1: 2})', lambda: tuple({1: 2}))
show("set('aab') == {'a', 'b'}", lambda: set('aab') == {'a', 'b'})
show("dict([('a', 1)])", lambda: dict([('a', 1)]))
show('dict(a=1)', lambda: dict(a=1))
show('list(range(0))', lambda: list(range(0)))
show("tuple(x for x in 'ab')", lambda: tuple(x for x in 'ab'))
show("list(map(float, ['1', '2.5']))", lambda: list(map(float, ['1', '2.5'])))
show("[int(c) for c in '1234']", lambda: [int(c) for c in '1234'])
show("bool('0')", lambda: bool('0'))
