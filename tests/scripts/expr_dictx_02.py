def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show("dict(a=1) == {'a': 1}", lambda: dict(a=1) == {'a': 1})
show('{1: 2}.get(1, 3)', lambda: {1: 2}.get(1, 3))
show("{**{'a': 1}, 'b': 2}", lambda: {**{'a': 1}, 'b': 2})
show("{'a': 1, **{'a': 2}}", lambda: {'a': 1, **{'a': 2}})
show("dict({'a': 1}, a=3)", lambda: dict({'a': 1}, a=3))
show("dict(zip(range(3), 'abc'))", lambda: dict(zip(range(3), 'abc')))
show('dict([(i, i * i) for i in range(3)])', lambda: dict([(i, i * i) for i in range(3)]))
show("{(0, 0): 'origin'}.get((0, 0))", lambda: {(0, 0): 'origin'}.get((0, 0)))
show("'k' in {'k': None}", lambda: 'k' in {'k': None})
show("{'k': None}.get('k', 'default')", lambda: {'k': None}.get('k', 'default'))
show("list(reversed({'a': 1, 'b': 2}.items()))", lambda: list(reversed({'a': 1, 'b': 2}.items())))
show("list(reversed({'a': 1, 'b': 2}.values()))", lambda: list(reversed({'a': 1, 'b': 2}.values())))
