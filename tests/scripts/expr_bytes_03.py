def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show("b'hello'.endswith(b'lo')", lambda: b'hello'.endswith(b'lo'))
show("b'abc'.hex()", lambda: b'abc'.hex())
show("bytes.fromhex('00ff10')", lambda: bytes.fromhex('00ff10'))
show("b'\\x00\\x7f\\x80'", lambda: b'\x00\x7f\x80')
show("b'\\n\\t\\\\'", lambda: b'\n\t\\')
show('b"it\'s"', lambda: b"it's")
show('b\'"q"\'', lambda: b'"q"')
show("b'caf\\xc3\\xa9'.decode()", lambda: b'caf\xc3\xa9'.decode())
show("b'\\xff'.decode()", lambda: b'\xff'.decode())
show("b'\\xff'.decode('latin-1')", lambda: b'\xff'.decode('latin-1'))
show("b'abc'.decode('ascii')", lambda: b'abc'.decode('ascii'))
show("b'\\xe9'.decode('utf-8', 'replace')", lambda: b'\xe9'.decode('utf-8', 'replace'))
