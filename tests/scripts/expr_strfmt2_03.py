def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show("'{0.real}'.format(3)", lambda: '{0.real}'.format(3))
show("'{:d}'.format(True)", lambda: '{:d}'.format(True))
show("'{:.2f}'.format(1)", lambda: '{:.2f}'.format(1))
show("'{:x}'.format(-255)", lambda: '{:x}'.format(-255))
show("'{:c}'.format(9731)", lambda: '{:c}'.format(9731))
show("'{:08.3f}'.format(-3.14159)", lambda: '{:08.3f}'.format(-3.14159))
show("'{:+,}'.format(1000000)", lambda: '{:+,}'.format(1000000))
show("'{:_b}'.format(255)", lambda: '{:_b}'.format(255))
