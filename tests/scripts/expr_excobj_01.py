def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show("ValueError('x').args", lambda: ValueError('x').args)
show('ValueError().args', lambda: ValueError().args)
show("ValueError('a', 2).args", lambda: ValueError('a', 2).args)
show("str(ValueError('a', 2))", lambda: str(ValueError('a', 2)))
show("repr(ValueError('a', 2))", lambda: repr(ValueError('a', 2)))
show("str(KeyError('k'))", lambda: str(KeyError('k')))
show("repr(KeyError('k'))", lambda: repr(KeyError('k')))
show('str(KeyError())', lambda: str(KeyError()))
show('str(KeyError(1, 2))', lambda: str(KeyError(1, 2)))
show('repr(Exception())', lambda: repr(Exception()))
show('str(Exception(None))', lambda: str(Exception(None)))
show("repr(TypeError(''))", lambda: repr(TypeError('')))
