def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show("' \\t'.isspace()", lambda: ' \t'.isspace())
show("'Title Case'.istitle()", lambda: 'Title Case'.istitle())
show("'ABC1'.isupper()", lambda: 'ABC1'.isupper())
show("'abc '.islower()", lambda: 'abc '.islower())
show("'_x1'.isidentifier()", lambda: '_x1'.isidentifier())
show("'abc'.isascii()", lambda: 'abc'.isascii())
show("'é'.isascii()", lambda: 'é'.isascii())
show("'\\n'.isprintable()", lambda: '\n'.isprintable())
show("'a\\tb\\tc'.expandtabs()", lambda: 'a\tb\tc'.expandtabs())
show("'a\\tbc\\td'.expandtabs(4)", lambda: 'a\tbc\td'.expandtabs(4))
show("'key=value=x'.partition('=')", lambda: 'key=value=x'.partition('='))
show("'key=value=x'.rpartition('=')", lambda: 'key=value=x'.rpartition('='))
