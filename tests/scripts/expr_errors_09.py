def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show('ord(1)', lambda: ord(1))
show("ord('')", lambda: ord(''))
show('getattr(1)', lambda: getattr(1))
show("setattr(1, 'x', 2)", lambda: setattr(1, 'x', 2))
show("delattr(1, 'real')", lambda: delattr(1, 'real'))
show("isinstance(1, 'int')", lambda: isinstance(1, 'int'))
show("issubclass('a', str)", lambda: issubclass('a', str))
show("type('X', 1, {})", lambda: type('X', 1, {}))
show('super()', lambda: super())
show('object().__dict__', lambda: object().__dict__)
show('(1).__dict__', lambda: (1).__dict__)
show('print(end=1)', lambda: print(end=1))
