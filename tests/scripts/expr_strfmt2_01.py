def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show("'{:,}'.format(1234567890)", lambda: '{:,}'.format(1234567890))
show("'{:.3}'.format(3.14159)", lambda: '{:.3}'.format(3.14159))
show("'{:.3}'.format('abcdef')", lambda: '{:.3}'.format('abcdef'))
show("'{:10.3}'.format(3.14159)", lambda: '{:10.3}'.format(3.14159))
show("'{:g}'.format(1e-5)", lambda: '{:g}'.format(1e-5))
show("'{:G}'.format(1e20)", lambda: '{:G}'.format(1e20))
show("'{:n}'.format(1000)", lambda: '{:n}'.format(1000))
show("'{:%}'.format(1)", lambda: '{:%}'.format(1))
show("'{:.0%}'.format(0.333)", lambda: '{:.0%}'.format(0.333))
show("'{0:b}|{0:o}|{0:x}|{0:X}'.format(99)", lambda: '{0:b}|{0:o}|{0:x}|{0:X}'.format(99))
show("'{:#010x}'.format(255)", lambda: '{:#010x}'.format(255))
show("'{:=^11}'.format(' hi ')", lambda: '{:=^11}'.format(' hi '))
