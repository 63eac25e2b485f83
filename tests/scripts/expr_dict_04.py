def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show("{k: v for k, v in [('a', 1), ('a', 2)]}", lambda: {k: v for k, v in [('a', 1), ('a', 2)]})
show("{'a': {'b': {'c': 1}}}['a']['b']['c']", lambda: {'a': {'b': {'c': 1}}}['a']['b']['c'])
show("dict(sorted({'z': 1, 'a': 2}.items()))", lambda: dict(sorted({'z': 1, 'a': 2}.items())))
show("list({'a': 1}.items())[0]", lambda: list({'a': 1}.items())[0])
show("max({'a': 3, 'b': 1})", lambda: max({'a': 3, 'b': 1}))
show("max({'a': 3, 'b': 1}, key={'a': 3, 'b': 1}.get)", lambda: max({'a': 3, 'b': 1}, key={'a': 3, 'b': 1}.get))
