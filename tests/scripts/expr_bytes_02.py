def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show("bytes('x')", lambda: bytes('x'))
show("bytes(b'ab')", lambda: bytes(b'ab'))
show("b'hello'.upper()", lambda: b'hello'.upper())
show("b'Hello'.lower()", lambda: b'Hello'.lower())
show("b'a b  c'.split()", lambda: b'a b  c'.split())
show("b'a,b'.split(b',')", lambda: b'a,b'.split(b','))
show("b'x'.join([b'a', b'b'])", lambda: b'x'.join([b'a', b'b']))
show("b'  s  '.strip()", lambda: b'  s  '.strip())
show("b'hello'.replace(b'l', b'L')", lambda: b'hello'.replace(b'l', b'L'))
show("b'hello'.find(b'l')", lambda: b'hello'.find(b'l'))
show("b'hello'.count(b'l')", lambda: b'hello'.count(b'l'))
show("b'hello'.startswith(b'he')", lambda: b'hello'.startswith(b'he'))
