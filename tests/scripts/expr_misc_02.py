def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show('not []', lambda: not [])
show("not not 'x'", lambda: not not 'x')
show('None is None', lambda: None is None)
show('type(None)()', lambda: type(None)())
show('NotImplemented', lambda: NotImplemented)
show('...', lambda: ...)
show('Ellipsis is ...', lambda: Ellipsis is ...)
show('(1, 2) == (1, 2) == (1, 2)', lambda: (1, 2) == (1, 2) == (1, 2))
show('1 < 2 > 1', lambda: 1 < 2 > 1)
show("'a' < 'b' < 'c'", lambda: 'a' < 'b' < 'c')
show('1 == 1 != 2', lambda: 1 == 1 != 2)
show('isinstance(..., type(...))', lambda: isinstance(..., type(...)))
