def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show("bytes(bytearray(b'xy'))", lambda: bytes(bytearray(b'xy')))
show("'héllo'.encode()", lambda: 'héllo'.encode())
show("'abc'.encode('ascii')", lambda: 'abc'.encode('ascii'))
show("'é'.encode('latin-1')", lambda: 'é'.encode('latin-1'))
show("'€'.encode('ascii')", lambda: '€'.encode('ascii'))
show("'€'.encode('ascii', 'replace')", lambda: '€'.encode('ascii', 'replace'))
show("'€'.encode('ascii', 'ignore')", lambda: '€'.encode('ascii', 'ignore'))
show("'x'.encode('utf-16') if False else b'skip'", lambda: 'x'.encode('utf-16') if False else b'skip')
