def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show('[1][1:2:0]', lambda: [1][1:2:0])
show("'abc'[::0]", lambda: 'abc'[::0])
show('hash(set())', lambda: hash(set()))
show('sorted([None, 1])', lambda: sorted([None, 1]))
show('max(None, 1)', lambda: max(None, 1))
show('[] < ()', lambda: [] < ())
show('{} < {}', lambda: {} < {})
show('None < None', lambda: None < None)
show('1 < None', lambda: 1 < None)
show("'%d' % 'x'", lambda: '%d' % 'x')
show("'%s %s' % 1", lambda: '%s %s' % 1)
show("'%s' % (1, 2)", lambda: '%s' % (1, 2))
