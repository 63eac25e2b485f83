def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show("f'{3:03}'", lambda: f'{3:03}')
show("f'{-3:03}'", lambda: f'{-3:03}')
show("f'{3.0:03}'", lambda: f'{3.0:03}')
show("f'{0.1:.1e}'", lambda: f'{0.1:.1e}')
show("f'{255:08b}'", lambda: f'{255:08b}')
show("f'{65:c}'", lambda: f'{65:c}')
show("f'{1e6:.0f}'", lambda: f'{1e6:.0f}')
show("f'{12345.6789:.3e}'", lambda: f'{12345.6789:.3e}')
show("'{:>{}}'.format('x', 4)", lambda: '{:>{}}'.format('x', 4))
show("'{:.{}f}'.format(3.14159, 2)", lambda: '{:.{}f}'.format(3.14159, 2))
show("'{0:{1}}'.format(5, '03')", lambda: '{0:{1}}'.format(5, '03'))
show("'{:{fill}^7}'.format('m', fill='=')", lambda: '{:{fill}^7}'.format('m', fill='='))
