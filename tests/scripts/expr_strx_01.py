def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show("'abc'.center(7, '*')", lambda: 'abc'.center(7, '*'))
show("'abc'.ljust(7, '-')", lambda: 'abc'.ljust(7, '-'))
show("'abc'.rjust(7, '-')", lambda: 'abc'.rjust(7, '-'))
show("'a'.zfill(3)", lambda: 'a'.zfill(3))
show("'tEST sTRING'.capitalize()", lambda: 'tEST sTRING'.capitalize())
show("'hello world'.title()", lambda: 'hello world'.title())
show("'HELLO'.istitle()", lambda: 'HELLO'.istitle())
show("'Hello World'.istitle()", lambda: 'Hello World'.istitle())
show("'a1b2'.isalnum()", lambda: 'a1b2'.isalnum())
show("'a b'.isalnum()", lambda: 'a b'.isalnum())
show("'12.5'.isdigit()", lambda: '12.5'.isdigit())
show("'-1'.isdigit()", lambda: '-1'.isdigit())
