def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show("format(1234567, '_')", lambda: format(1234567, '_'))
show("format(-1234567, ',d')", lambda: format(-1234567, ',d'))
show("format(1234567, '_x')", lambda: format(1234567, '_x'))
show("format(42, '=+8')", lambda: format(42, '=+8'))
show("format(42, '*<8')", lambda: format(42, '*<8'))
show("format(42, '*>8')", lambda: format(42, '*>8'))
show("format(42, '*^8')", lambda: format(42, '*^8'))
show("format(42.0, '=+8.1f')", lambda: format(42.0, '=+8.1f'))
show("format('text', '10')", lambda: format('text', '10'))
show("format('text', '>10')", lambda: format('text', '>10'))
show("format('text', '^10')", lambda: format('text', '^10'))
show("format('text', '.2')", lambda: format('text', '.2'))
