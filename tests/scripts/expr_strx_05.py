def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show("'%s' % None", lambda: '%s' % None)
show("'%s %s' % ([1], (2,))", lambda: '%s %s' % ([1], (2,)))
show("'%r' % {'k': 'v'}", lambda: '%r' % {'k': 'v'})
show("'%*d' % (5, 42)", lambda: '%*d' % (5, 42))
show("'%-*s|' % (6, 'ab')", lambda: '%-*s|' % (6, 'ab'))
show("'%.*f' % (2, 3.14159)", lambda: '%.*f' % (2, 3.14159))
show("'%c' % 'x'", lambda: '%c' % 'x')
show("'%i' % 3.7", lambda: '%i' % 3.7)
show("'%d' % True", lambda: '%d' % True)
show("'%s' % b'x'", lambda: '%s' % b'x')
show("'%a' % 'ü'", lambda: '%a' % 'ü')
show("'ΑΒΓ'.lower()", lambda: 'ΑΒΓ'.lower())
