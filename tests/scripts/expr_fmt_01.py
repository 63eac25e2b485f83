def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show("format(3.14159, '.3f')", lambda: format(3.14159, '.3f'))
show("format(3.14159, '10.2f')", lambda: format(3.14159, '10.2f'))
show("format(3.14159, '<10.2f')", lambda: format(3.14159, '<10.2f'))
show("format(3.14159, '^10.2f')", lambda: format(3.14159, '^10.2f'))
show("format(3.14159, '+.1f')", lambda: format(3.14159, '+.1f'))
show("format(-3.14159, ' .1f')", lambda: format(-3.14159, ' .1f'))
show("format(1234567.891, ',.1f')", lambda: format(1234567.891, ',.1f'))
show("format(1234567.891, '_.1f')", lambda: format(1234567.891, '_.1f'))
show("format(0.000123, 'e')", lambda: format(0.000123, 'e'))
show("format(0.000123, '.2E')", lambda: format(0.000123, '.2E'))
show("format(123456789, 'e')", lambda: format(123456789, 'e'))
show("format(0.000123, 'g')", lambda: format(0.000123, 'g'))
