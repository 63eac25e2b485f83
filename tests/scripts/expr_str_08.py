def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show("'abc'[1]", lambda: 'abc'[1])
show("'abc'[-4]", lambda: 'abc'[-4])
show("'abc'[::-1]", lambda: 'abc'[::-1])
show("'abcdef'[1:5:2]", lambda: 'abcdef'[1:5:2])
show("'abcdef'[5:1:-2]", lambda: 'abcdef'[5:1:-2])
show("'abc'[10:]", lambda: 'abc'[10:])
show("str('abc')['a']", lambda: str('abc')['a'])
show("'abc' < 'abd'", lambda: 'abc' < 'abd')
show("'a' < 'B'", lambda: 'a' < 'B')
show("'abc' == 'abc'", lambda: 'abc' == 'abc')
show("'é' > 'z'", lambda: 'é' > 'z')
show("'abc' in 'xabcx'", lambda: 'abc' in 'xabcx')
