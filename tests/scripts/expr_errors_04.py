def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show("int(' ')", lambda: int(' '))
show("float('1.2.3')", lambda: float('1.2.3'))
show("float('x')", lambda: float('x'))
show('[].index(1)', lambda: [].index(1))
show('(1,).index(2)', lambda: (1,).index(2))
show("'abc'.index('d')", lambda: 'abc'.index('d'))
show("'abc'.rindex('d')", lambda: 'abc'.rindex('d'))
show('[].remove(1)', lambda: [].remove(1))
show('{}.pop(1)', lambda: {}.pop(1))
show('set().remove(1)', lambda: set().remove(1))
show('set().pop()', lambda: set().pop())
show('[].pop()', lambda: [].pop())
