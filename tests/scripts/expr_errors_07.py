def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show("'{0}'.format()", lambda: '{0}'.format())
show("'{x}'.format()", lambda: '{x}'.format())
show("'{'.format()", lambda: '{'.format())
show("'}'.format()", lambda: '}'.format())
show("format(1, 'q')", lambda: format(1, 'q'))
show("format('a', 'd')", lambda: format('a', 'd'))
show("format(1.5, 'd')", lambda: format(1.5, 'd'))
show("'abc'.join([1])", lambda: 'abc'.join([1]))
show("','.join(None)", lambda: ','.join(None))
show("'a'.split('')", lambda: 'a'.split(''))
show('int(None)', lambda: int(None))
show('int([])', lambda: int([]))
