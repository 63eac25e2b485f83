def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show("format('text', '*^10.3')", lambda: format('text', '*^10.3'))
show("format('text', 's')", lambda: format('text', 's'))
show("format('text', 'd')", lambda: format('text', 'd'))
show("format(42, 's')", lambda: format(42, 's'))
show("format(float('inf'), 'f')", lambda: format(float('inf'), 'f'))
show("format(float('nan'), '.2f')", lambda: format(float('nan'), '.2f'))
show("format(-0.0, 'f')", lambda: format(-0.0, 'f'))
show("format(1e100, 'f')[:10]", lambda: format(1e100, 'f')[:10])
show("format(2.5, '.0f')", lambda: format(2.5, '.0f'))
show("format(3.5, '.0f')", lambda: format(3.5, '.0f'))
show("format(0.125, '.2f')", lambda: format(0.125, '.2f'))
show("format(0.375, '.2f')", lambda: format(0.375, '.2f'))
