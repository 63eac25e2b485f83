def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show("'\\u00e9' == 'é'", lambda: '\u00e9' == 'é')
show("'\\N{BULLET}'", lambda: '\N{BULLET}')
show("'ab'.center(7, 'xy'[0])", lambda: 'ab'.center(7, 'xy'[0]))
show("'   '.strip() == ''", lambda: '   '.strip() == '')
show("'a b'.split(' ', 0)", lambda: 'a b'.split(' ', 0))
show("'a b c'.split(' ', -1)", lambda: 'a b c'.split(' ', -1))
show("'abc'.find('')", lambda: 'abc'.find(''))
show("'abc'.rfind('')", lambda: 'abc'.rfind(''))
show("'abc'.index('c', -1)", lambda: 'abc'.index('c', -1))
show("'aXbXc'.split('X', 1)", lambda: 'aXbXc'.split('X', 1))
show("'aXbXc'.rsplit('X', 1)", lambda: 'aXbXc'.rsplit('X', 1))
show("'Python'[::2]", lambda: 'Python'[::2])
