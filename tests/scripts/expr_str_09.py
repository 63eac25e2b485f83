def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show("'' in 'x'", lambda: '' in 'x')
show("1 in 'abc'", lambda: 1 in 'abc')
show('str(12)', lambda: str(12))
show('str(1.5)', lambda: str(1.5))
show('str(None)', lambda: str(None))
show("str([1, 'a'])", lambda: str([1, 'a']))
show("str(b'x')", lambda: str(b'x'))
show("str(b'caf\\xc3\\xa9', 'utf-8')", lambda: str(b'caf\xc3\xa9', 'utf-8'))
show('str()', lambda: str())
show('str(object=3)', lambda: str(object=3))
show("len('')", lambda: len(''))
show("len('日本語')", lambda: len('日本語'))
