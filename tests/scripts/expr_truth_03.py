def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show('True / 2', lambda: True / 2)
show('True // 1', lambda: True // 1)
show('-True', lambda: -True)
show('~True', lambda: ~True)
show('True & 2', lambda: True & 2)
show('True | 2', lambda: True | 2)
show('True ^ True', lambda: True ^ True)
show('False ** 0', lambda: False ** 0)
show('True == 1', lambda: True == 1)
show('True is True', lambda: True is True)
show('False < True', lambda: False < True)
show('sorted([True, False, True])', lambda: sorted([True, False, True]))
