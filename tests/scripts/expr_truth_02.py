def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show('bool(...)', lambda: bool(...))
show("bool(b'')", lambda: bool(b''))
show('bool(bytearray())', lambda: bool(bytearray()))
show('not 0', lambda: not 0)
show('not 1', lambda: not 1)
show("0 or 0.0 or ''", lambda: 0 or 0.0 or '')
show("1 and 'a' and [1]", lambda: 1 and 'a' and [1])
show('[] and 1', lambda: [] and 1)
show('None or []', lambda: None or [])
show("(0, 1)[bool('x')]", lambda: (0, 1)[bool('x')])
show('True + True', lambda: True + True)
show('True * 3', lambda: True * 3)
