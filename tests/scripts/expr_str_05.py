def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show("'x'.center(4)", lambda: 'x'.center(4))
show("'x'.center(5, '-')", lambda: 'x'.center(5, '-'))
show("'ab'.ljust(1)", lambda: 'ab'.ljust(1))
show("'ab'.rjust(6, '0')", lambda: 'ab'.rjust(6, '0'))
show("'abc'.center(2)", lambda: 'abc'.center(2))
show("'123'.isdigit()", lambda: '123'.isdigit())
show("'½'.isnumeric()", lambda: '½'.isnumeric())
show("'½'.isdigit()", lambda: '½'.isdigit())
show("'٣'.isdecimal()", lambda: '٣'.isdecimal())
show("'abcé'.isalpha()", lambda: 'abcé'.isalpha())
show("''.isalpha()", lambda: ''.isalpha())
show("'a1'.isalnum()", lambda: 'a1'.isalnum())
