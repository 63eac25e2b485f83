def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show("b'\\xe9x'.decode('utf-8', 'ignore')", lambda: b'\xe9x'.decode('utf-8', 'ignore'))
show("len(b'\\x00\\x00')", lambda: len(b'\x00\x00'))
show("98 in b'abc'", lambda: 98 in b'abc')
show("b'bc' in b'abc'", lambda: b'bc' in b'abc')
show("list(b'hi')", lambda: list(b'hi'))
show("b'abc' == b'abc'", lambda: b'abc' == b'abc')
show("b'abc' < b'abd'", lambda: b'abc' < b'abd')
show("b'a' == 'a'", lambda: b'a' == 'a')
show("hash(b'ab') == hash(b'ab')", lambda: hash(b'ab') == hash(b'ab'))
show("bytearray(b'ab')", lambda: bytearray(b'ab'))
show('bytearray(3)', lambda: bytearray(3))
show('bytearray([65, 66])', lambda: bytearray([65, 66]))
