def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show('sum([True, True, False])', lambda: sum([True, True, False]))
show('max(False, True)', lambda: max(False, True))
show('str(True)', lambda: str(True))
show('repr(False)', lambda: repr(False))
show('int(False)', lambda: int(False))
show('type(True).__name__', lambda: type(True).__name__)
show("bool('False')", lambda: bool('False'))
show('bool.__name__', lambda: bool.__name__)
show('True.__class__', lambda: True.__class__)
show('isinstance(True, int)', lambda: isinstance(True, int))
show('hash(True) == hash(1)', lambda: hash(True) == hash(1))
show("{True: 'a', 1: 'b'}", lambda: {True: 'a', 1: 'b'})
