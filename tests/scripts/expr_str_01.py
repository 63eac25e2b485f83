def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show("'hello world'.split()", lambda: 'hello world'.split())
show("'a,b,,c'.split(',')", lambda: 'a,b,,c'.split(','))
show("'  lead'.split(' ')", lambda: '  lead'.split(' '))
show("'a b c'.split(None, 1)", lambda: 'a b c'.split(None, 1))
show("'a\\tb\\nc  d'.split()", lambda: 'a\tb\nc  d'.split())
show("''.split()", lambda: ''.split())
show("''.split(',')", lambda: ''.split(','))
show("'abc'.split('')", lambda: 'abc'.split(''))
show("'a-b-c'.rsplit('-', 1)", lambda: 'a-b-c'.rsplit('-', 1))
show("'  x  '.rsplit()", lambda: '  x  '.rsplit())
show("'one\\ntwo\\r\\nthree\\r'.splitlines()", lambda: 'one\ntwo\r\nthree\r'.splitlines())
show("'x\\ny\\n'.splitlines(True)", lambda: 'x\ny\n'.splitlines(True))
