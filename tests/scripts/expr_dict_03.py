def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show("1 in {'a': 1}", lambda: 1 in {'a': 1})
show("{'a': 1}.pop('a')", lambda: {'a': 1}.pop('a'))
show("{'a': 1}.pop('z')", lambda: {'a': 1}.pop('z'))
show("{'a': 1}.pop('z', None)", lambda: {'a': 1}.pop('z', None))
show('{}.popitem()', lambda: {}.popitem())
show("{'k': 'v'}.popitem()", lambda: {'k': 'v'}.popitem())
show("{'a': 1}.setdefault('a', 9)", lambda: {'a': 1}.setdefault('a', 9))
show("{'a': 1}.setdefault('b')", lambda: {'a': 1}.setdefault('b'))
show('{[]: 1}', lambda: {[]: 1})
show('{(1, [2]): 3}', lambda: {(1, [2]): 3})
show('{(1, 2): 3}[(1, 2)]', lambda: {(1, 2): 3}[(1, 2)])
show('{x: x * x for x in range(4)}', lambda: {x: x * x for x in range(4)})
