def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show("b'abc'", lambda: b'abc')
show("b'abc'[0]", lambda: b'abc'[0])
show("b'abc'[-1]", lambda: b'abc'[-1])
show("b'abc'[1:]", lambda: b'abc'[1:])
show("b'abc'[::-1]", lambda: b'abc'[::-1])
show("b'a' + b'b'", lambda: b'a' + b'b')
show("b'ab' * 2", lambda: b'ab' * 2)
show("b'a' + 'b'", lambda: b'a' + 'b')
show('bytes(2)', lambda: bytes(2))
show('bytes([1, 2, 255])', lambda: bytes([1, 2, 255]))
show('bytes([256])', lambda: bytes([256]))
show("bytes('hé', 'utf-8')", lambda: bytes('hé', 'utf-8'))
