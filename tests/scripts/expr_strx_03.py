def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show("'mississippi'.count('i', 5)", lambda: 'mississippi'.count('i', 5))
show("'mississippi'.find('ss', 3)", lambda: 'mississippi'.find('ss', 3))
show("'mississippi'.rfind('ss')", lambda: 'mississippi'.rfind('ss'))
show("'mississippi'.index('pp')", lambda: 'mississippi'.index('pp'))
show("'mississippi'.replace('ss', 'SS', 1)", lambda: 'mississippi'.replace('ss', 'SS', 1))
show("'mississippi'.split('s')", lambda: 'mississippi'.split('s'))
show("'mississippi'.split('ss')", lambda: 'mississippi'.split('ss'))
show("'mississippi'.partition('ss')", lambda: 'mississippi'.partition('ss'))
show("'mississippi'.rsplit('i', 2)", lambda: 'mississippi'.rsplit('i', 2))
show("'  a  b  '.split(' ')", lambda: '  a  b  '.split(' '))
show("'a\\u2003b'.split()", lambda: 'a\u2003b'.split())
show("'a\\x1cb'.split()", lambda: 'a\x1cb'.split())
