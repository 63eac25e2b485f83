def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show("{'a': 1}['a']", lambda: {'a': 1}['a'])
show("{'a': 1}['b']", lambda: {'a': 1}['b'])
show("{'a': 1}.get('b')", lambda: {'a': 1}.get('b'))
show("{'a': 1}.get('b', 5)", lambda: {'a': 1}.get('b', 5))
show('dict(a=1, b=2)', lambda: dict(a=1, b=2))
show("dict([('a', 1), ('b', 2)])", lambda: dict([('a', 1), ('b', 2)]))
show("dict(zip('ab', [1, 2]))", lambda: dict(zip('ab', [1, 2])))
show("dict({'a': 1}, b=2)", lambda: dict({'a': 1}, b=2))
show('dict([1, 2])', lambda: dict([1, 2]))
show("dict.fromkeys('abc')", lambda: dict.fromkeys('abc'))
show("dict.fromkeys([1, 2], 'v')", lambda: dict.fromkeys([1, 2], 'v'))
show("{'a': 1, 'b': 2}.keys()", lambda: {'a': 1, 'b': 2}.keys())
