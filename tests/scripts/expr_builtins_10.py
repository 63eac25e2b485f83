def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show('[].__len__()', lambda: [].__len__())
show('(5).__add__(3)', lambda: (5).__add__(3))
show("(5).__add__('a')", lambda: (5).__add__('a'))
show('(5).__radd__(1)', lambda: (5).__radd__(1))
show("'a'.__mul__(3)", lambda: 'a'.__mul__(3))
show('[1, 2].__contains__(2)', lambda: [1, 2].__contains__(2))
show("{'a': 1}.__getitem__('a')", lambda: {'a': 1}.__getitem__('a'))
show("(3.5).__floor__() if hasattr(3.5, '__floor__') else 3", lambda: (3.5).__floor__() if hasattr(3.5, '__floor__') else 3)
