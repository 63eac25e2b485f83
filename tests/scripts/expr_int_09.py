def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show('repr(-2 ** 65)', lambda: repr(-2 ** 65))
show('len(str(3 ** 1000))', lambda: len(str(3 ** 1000)))
show("format(2 ** 70, ',')", lambda: format(2 ** 70, ','))
show("format(-255, '#x')", lambda: format(-255, '#x'))
show("format(255, '010b')", lambda: format(255, '010b'))
show("format(1234, '_')", lambda: format(1234, '_'))
show("format(3, 'c')", lambda: format(3, 'c'))
