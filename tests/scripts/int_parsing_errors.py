for text in ["12", " 7 ", "-3", "+4", "1_000", "0x10", "1e5", "12.0", "", "abc", "٣", "1 2", "--1", "_1", "1_", "0b2"]:
    try:
        print(repr(text), "->", int(text))
    except ValueError as e:
        print(repr(text), "!!", e)
for text, base in [("ff", 16), ("FF", 16), ("777", 8), ("8", 8), ("z", 36), ("10", 2), ("0x1f", 16), ("0x1f", 0), ("010", 0), ("10", 37)]:
    try:
        print(text, base, "->", int(text, base))
    except ValueError as e:
        print(text, base, "!!", e)
