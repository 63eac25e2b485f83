def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show("{k: len(k) for k in ['a', 'bb', 'ccc']}", lambda: {k: len(k) for k in ['a', 'bb', 'ccc']})
show("{v: k for k, v in {'a': 1, 'b': 2}.items()}", lambda: {v: k for k, v in {'a': 1, 'b': 2}.items()})
show('dict.fromkeys(range(3), [])', lambda: dict.fromkeys(range(3), []))
show("{'a': 1}.keys() | {'b'}", lambda: {'a': 1}.keys() | {'b'})
show("{'a': 1, 'b': 2}.keys() & {'b', 'c'}", lambda: {'a': 1, 'b': 2}.keys() & {'b', 'c'})
show("list({'x': 1}.items())[0][0]", lambda: list({'x': 1}.items())[0][0])
show("sorted({'b': 2, 'a': 1}.items())", lambda: sorted({'b': 2, 'a': 1}.items()))
show("sorted({'b': 2, 'a': 1}, key=lambda k: -{'b': 2, 'a': 1}[k])", lambda: sorted({'b': 2, 'a': 1}, key=lambda k: -{'b': 2, 'a': 1}[k]))
show('len({i: i for i in range(100)})', lambda: len({i: i for i in range(100)}))
show('sum({1: 10, 2: 20}.values())', lambda: sum({1: 10, 2: 20}.values()))
show("list({1: 'a'}.values())", lambda: list({1: 'a'}.values()))
show("{'a': [1, 2]}['a'][-1]", lambda: {'a': [1, 2]}['a'][-1])
