def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show("format(-42, '05d')", lambda: format(-42, '05d'))
show("format(42, '+d')", lambda: format(42, '+d'))
show("format(42, ' d')", lambda: format(42, ' d'))
show("format(42, 'x')", lambda: format(42, 'x'))
show("format(42, 'X')", lambda: format(42, 'X'))
show("format(42, '#x')", lambda: format(42, '#x'))
show("format(42, '#o')", lambda: format(42, '#o'))
show("format(42, '#b')", lambda: format(42, '#b'))
show("format(42, 'o')", lambda: format(42, 'o'))
show("format(42, 'c')", lambda: format(42, 'c'))
show("format(42, 'n')", lambda: format(42, 'n'))
show("format(1234567, ',')", lambda: format(1234567, ','))
