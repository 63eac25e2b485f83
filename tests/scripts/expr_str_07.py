def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show("'abc'.partition('z')", lambda: 'abc'.partition('z'))
show("'abc'.rpartition('z')", lambda: 'abc'.rpartition('z'))
show("'hello'.removeprefix('he')", lambda: 'hello'.removeprefix('he'))
show("'hello'.removeprefix('x')", lambda: 'hello'.removeprefix('x'))
show("'hello'.removesuffix('llo')", lambda: 'hello'.removesuffix('llo'))
show("'abc'.translate(str.maketrans('ab', 'xy'))", lambda: 'abc'.translate(str.maketrans('ab', 'xy')))
show("'abc'.translate({97: None})", lambda: 'abc'.translate({97: None}))
show("str.maketrans({'a': 'A'})", lambda: str.maketrans({'a': 'A'}))
show("'abc' * 0", lambda: 'abc' * 0)
show("'abc' * -1", lambda: 'abc' * -1)
show("3 * 'ab'", lambda: 3 * 'ab')
show("'a' + 'b' * 2", lambda: 'a' + 'b' * 2)
