def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show("'{:>+6}'.format(3)", lambda: '{:>+6}'.format(3))
show("'{:<06}'.format(3)", lambda: '{:<06}'.format(3))
show("'{:^+7.2f}'.format(1.5)", lambda: '{:^+7.2f}'.format(1.5))
show("'{:e}'.format(0)", lambda: '{:e}'.format(0))
show("'{:.2e}'.format(-1234.5)", lambda: '{:.2e}'.format(-1234.5))
show("'{}'.format(None)", lambda: '{}'.format(None))
show("'{}'.format([1, 'a'])", lambda: '{}'.format([1, 'a']))
show("'{!r}'.format('x')", lambda: '{!r}'.format('x'))
show("'{0!s:>5}'.format(1.5)", lambda: '{0!s:>5}'.format(1.5))
show("'{:}'.format(5)", lambda: '{:}'.format(5))
show("'{0[0]}{0[1]}'.format('ab')", lambda: '{0[0]}{0[1]}'.format('ab'))
show("'{a[x]}'.format(a={'x': 7})", lambda: '{a[x]}'.format(a={'x': 7}))
