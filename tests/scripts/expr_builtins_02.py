def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show('bin(-10)', lambda: bin(-10))
show('bin(2 ** 65)', lambda: bin(2 ** 65))
show('bin(1.5)', lambda: bin(1.5))
show('bool([])', lambda: bool([]))
show('bool([0])', lambda: bool([0]))
show('callable(print)', lambda: callable(print))
show("callable('s')", lambda: callable('s'))
show('chr(0x1F600)', lambda: chr(0x1F600))
show('chr(0x110000)', lambda: chr(0x110000))
show("chr('a')", lambda: chr('a'))
show('divmod(10, 3)', lambda: divmod(10, 3))
show('divmod(-10, 3)', lambda: divmod(-10, 3))
