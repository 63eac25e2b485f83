def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show('divmod(10.5, 3)', lambda: divmod(10.5, 3))
show("enumerate('ab', 10).__next__()", lambda: enumerate('ab', 10).__next__())
show("format(5, '03')", lambda: format(5, '03'))
show("format('x', '^5')", lambda: format('x', '^5'))
show("format(0.125, '.2f')", lambda: format(0.125, '.2f'))
show('format(True)', lambda: format(True))
show('format(None)', lambda: format(None))
show("format([1], '')", lambda: format([1], ''))
show("format(1, 'z')", lambda: format(1, 'z'))
show("getattr('x', 'upper')()", lambda: getattr('x', 'upper')())
show("getattr(1, 'nope')", lambda: getattr(1, 'nope'))
show("getattr(1, 'nope', 'dflt')", lambda: getattr(1, 'nope', 'dflt'))
