def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show("ord('日')", lambda: ord('日'))
show('chr(26085)', lambda: chr(26085))
show("'%s-%s' % ('a', 'b')", lambda: '%s-%s' % ('a', 'b'))
show("'%5.2f' % 3.14159", lambda: '%5.2f' % 3.14159)
show("'%-4s|' % 'x'", lambda: '%-4s|' % 'x')
show("'%03d' % 7", lambda: '%03d' % 7)
show("'%x' % 255", lambda: '%x' % 255)
show("'%X' % 255", lambda: '%X' % 255)
show("'%o' % 8", lambda: '%o' % 8)
show("'%e' % 12345.678", lambda: '%e' % 12345.678)
show("'%g' % 0.0001", lambda: '%g' % 0.0001)
show("'%g' % 1e20", lambda: '%g' % 1e20)
