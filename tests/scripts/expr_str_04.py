def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show("'Hello'.endswith(('l',))", lambda: 'Hello'.endswith(('l',)))
show("'abc'.startswith(1)", lambda: 'abc'.startswith(1))
show("'hello world'.title()", lambda: 'hello world'.title())
show('"they\'re bill\'s".title()', lambda: "they're bill's".title())
show("'HeLLo'.swapcase()", lambda: 'HeLLo'.swapcase())
show("'hello'.capitalize()", lambda: 'hello'.capitalize())
show("'HELLO'.lower()", lambda: 'HELLO'.lower())
show("'ß'.casefold()", lambda: 'ß'.casefold())
show("'mIxEd'.upper()", lambda: 'mIxEd'.upper())
show("'42'.zfill(6)", lambda: '42'.zfill(6))
show("'+42'.zfill(6)", lambda: '+42'.zfill(6))
show("'abc'.zfill(2)", lambda: 'abc'.zfill(2))
