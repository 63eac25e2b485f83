def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show('sum([0.5, 0.25])', lambda: sum([0.5, 0.25]))
show('sum(range(101))', lambda: sum(range(101)))
show("tuple('ab')", lambda: tuple('ab'))
show('type(1)', lambda: type(1))
show("type('t', (), {})", lambda: type('t', (), {}))
show('type(type)', lambda: type(type))
show('type(None)', lambda: type(None))
show('type(len)', lambda: type(len))
show('type(1, 2)', lambda: type(1, 2))
show("list(zip('ab', 'xyz'))", lambda: list(zip('ab', 'xyz')))
show('list(zip())', lambda: list(zip()))
show('vars(1)', lambda: vars(1))
