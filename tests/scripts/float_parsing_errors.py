for text in ["1.5", " -2.5e3 ", "inf", "-Infinity", "nan", "1_0.5", ".5", "5.", "1e", "e5", "", "abc", "1.2.3", "0x1p3", "1__0", "١.٥"]:
    try:
        v = float(text)
        print(repr(text), "->", v)
    except ValueError as e:
        print(repr(text), "!!", e)
