def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show("{'a': 1, 'b': 2}.values()", lambda: {'a': 1, 'b': 2}.values())
show("{'a': 1, 'b': 2}.items()", lambda: {'a': 1, 'b': 2}.items())
show("list({'b': 1, 'a': 2})", lambda: list({'b': 1, 'a': 2}))
show("sorted({'b': 1, 'a': 2})", lambda: sorted({'b': 1, 'a': 2}))
show("len({'a': 1, 'a': 2})", lambda: len({'a': 1, 'a': 2}))
show("{1: 'a', 1.0: 'b'}", lambda: {1: 'a', 1.0: 'b'})
show('{True: 1, 1: 2}', lambda: {True: 1, 1: 2})
show("{'a': 1} == {'a': 1.0}", lambda: {'a': 1} == {'a': 1.0})
show("{'a': 1, 'b': 2} == {'b': 2, 'a': 1}", lambda: {'a': 1, 'b': 2} == {'b': 2, 'a': 1})
show("{'a': 1} | {'b': 2}", lambda: {'a': 1} | {'b': 2})
show("{'a': 1} | {'a': 2}", lambda: {'a': 1} | {'a': 2})
show("'a' in {'a': 1}", lambda: 'a' in {'a': 1})
