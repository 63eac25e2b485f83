def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show("'ⅧⅨ'.isnumeric()", lambda: 'ⅧⅨ'.isnumeric())
show("'x'.isspace()", lambda: 'x'.isspace())
show("'\\u00a0'.isspace()", lambda: '\u00a0'.isspace())
show("'Ab'.isupper()", lambda: 'Ab'.isupper())
show("'ab1'.islower()", lambda: 'ab1'.islower())
show("'x'.join(['1', '2', '3'])", lambda: 'x'.join(['1', '2', '3']))
show("''.join(['a', 'b'])", lambda: ''.join(['a', 'b']))
show("'\\n'.join(['l1', 'l2'])", lambda: '\n'.join(['l1', 'l2']))
show("' '.join('abc')", lambda: ' '.join('abc'))
show("'a'.join([])", lambda: 'a'.join([]))
show("str.join('-', ['x', 'y'])", lambda: str.join('-', ['x', 'y']))
show("'mississippi'.count('ss')", lambda: 'mississippi'.count('ss'))
