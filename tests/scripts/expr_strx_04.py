def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show("'1\\n2\\r3\\r\\n4'.splitlines()", lambda: '1\n2\r3\r\n4'.splitlines())
show("'\\n'.splitlines()", lambda: '\n'.splitlines())
show("''.splitlines()", lambda: ''.splitlines())
show("'abc\\n'.splitlines()", lambda: 'abc\n'.splitlines())
show("'a\\x0bb'.splitlines()", lambda: 'a\x0bb'.splitlines())
show("'%s|%5s|%-5s|%.1s' % ('a', 'b', 'c', 'de')", lambda: '%s|%5s|%-5s|%.1s' % ('a', 'b', 'c', 'de'))
show("'%d|%5d|%-5d|%05d|%+d' % (1, 2, 3, 4, 5)", lambda: '%d|%5d|%-5d|%05d|%+d' % (1, 2, 3, 4, 5))
show("'%.2f|%8.3f|%-8.1f|' % (1.234, 2.3456, 3.0)", lambda: '%.2f|%8.3f|%-8.1f|' % (1.234, 2.3456, 3.0))
show("'%e|%E|%g|%G' % (1234.5, 1234.5, 0.00001234, 1e20)", lambda: '%e|%E|%g|%G' % (1234.5, 1234.5, 0.00001234, 1e20))
show("'%x|%X|%#x|%o|%#o' % (255, 255, 255, 8, 8)", lambda: '%x|%X|%#x|%o|%#o' % (255, 255, 255, 8, 8))
show("'%(a)s-%(b)03d' % {'a': 'x', 'b': 7}", lambda: '%(a)s-%(b)03d' % {'a': 'x', 'b': 7})
show("'%5.1f%%' % 99.44", lambda: '%5.1f%%' % 99.44)
