def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show("int('_1')", lambda: int('_1'))
show("int(' 42\\n')", lambda: int(' 42\n'))
show("int('+7')", lambda: int('+7'))
show("int('-0')", lambda: int('-0'))
show("int('12', 2)", lambda: int('12', 2))
show("int('z', 37)", lambda: int('z', 37))
show('int(2.9e20)', lambda: int(2.9e20))
show('int(-0.5)', lambda: int(-0.5))
show("int('١٢٣')", lambda: int('١٢٣'))
show('(12345).bit_length()', lambda: (12345).bit_length())
show('(2 ** 100).bit_length()', lambda: (2 ** 100).bit_length())
show('(-1).bit_length()', lambda: (-1).bit_length())
