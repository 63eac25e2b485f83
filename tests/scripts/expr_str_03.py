def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show("'hello'.find('l')", lambda: 'hello'.find('l'))
show("'hello'.find('l', 3)", lambda: 'hello'.find('l', 3))
show("'hello'.find('l', 0, 2)", lambda: 'hello'.find('l', 0, 2))
show("'hello'.rfind('l')", lambda: 'hello'.rfind('l'))
show("'hello'.index('z')", lambda: 'hello'.index('z'))
show("'hello'.rindex('h')", lambda: 'hello'.rindex('h'))
show("'hello'.count('l')", lambda: 'hello'.count('l'))
show("'aaa'.count('')", lambda: 'aaa'.count(''))
show("'Hello'.startswith('he')", lambda: 'Hello'.startswith('he'))
show("'Hello'.startswith('He', 0)", lambda: 'Hello'.startswith('He', 0))
show("'Hello'.startswith(('x', 'H'))", lambda: 'Hello'.startswith(('x', 'H')))
show("'Hello'.endswith('lo', 0, 5)", lambda: 'Hello'.endswith('lo', 0, 5))
