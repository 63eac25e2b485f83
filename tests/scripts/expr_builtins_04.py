def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show("hasattr('', 'join')", lambda: hasattr('', 'join'))
show('hex(0)', lambda: hex(0))
show('hex(-1)', lambda: hex(-1))
show('hex(3.0)', lambda: hex(3.0))
show('isinstance(1, (int, str))', lambda: isinstance(1, (int, str)))
show('isinstance(1.0, int)', lambda: isinstance(1.0, int))
show('isinstance([], list)', lambda: isinstance([], list))
show('isinstance(int, type)', lambda: isinstance(int, type))
show('isinstance(1, 1)', lambda: isinstance(1, 1))
show('issubclass(int, object)', lambda: issubclass(int, object))
show('issubclass(bool, (str, int))', lambda: issubclass(bool, (str, int)))
show('issubclass(1, int)', lambda: issubclass(1, int))
