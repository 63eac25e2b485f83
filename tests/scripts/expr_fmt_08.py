def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show("'{a}{b}'.format(a=1, b=2)", lambda: '{a}{b}'.format(a=1, b=2))
show("'{0}{1}{0}'.format(1, 2)", lambda: '{0}{1}{0}'.format(1, 2))
show("'{}'.format({'k': 1})", lambda: '{}'.format({'k': 1}))
show("'{!r:>6}'.format('a')", lambda: '{!r:>6}'.format('a'))
