def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show('{1: 1}.__len__()', lambda: {1: 1}.__len__())
show('{}.__class__.__name__', lambda: {}.__class__.__name__)
show('type({}.keys()).__name__', lambda: type({}.keys()).__name__)
show("dict(sorted([('b', 1), ('a', 2)]))", lambda: dict(sorted([('b', 1), ('a', 2)])))
show("max({'x': 5, 'y': 9}.items(), key=lambda kv: kv[1])", lambda: max({'x': 5, 'y': 9}.items(), key=lambda kv: kv[1]))
show("min({3: 'a', 1: 'b'})", lambda: min({3: 'a', 1: 'b'}))
show("{'a': 1}.copy() == {'a': 1}", lambda: {'a': 1}.copy() == {'a': 1})
show("{'a': {'b': 1}}.get('a', {}).get('b')", lambda: {'a': {'b': 1}}.get('a', {}).get('b'))
