def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show("format(1.005, '.2f')", lambda: format(1.005, '.2f'))
show("format(10, '.2f')", lambda: format(10, '.2f'))
show("format(10, 'e')", lambda: format(10, 'e'))
show("format(10, '%')", lambda: format(10, '%'))
show("format(True, 'd')", lambda: format(True, 'd'))
show("format(True, '>5')", lambda: format(True, '>5'))
show("format(12.5, 'g')", lambda: format(12.5, 'g'))
show("format(12.5, '.1g')", lambda: format(12.5, '.1g'))
show("format(123.456, '.2g')", lambda: format(123.456, '.2g'))
show("format(0.0001234, '.3g')", lambda: format(0.0001234, '.3g'))
show("f'{1234.5:>12,.2f}'", lambda: f'{1234.5:>12,.2f}')
show('f\'{"s":>5}\'', lambda: f'{"s":>5}')
