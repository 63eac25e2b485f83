def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show("''.join([])", lambda: ''.join([]))
show("'-'.join('abc')", lambda: '-'.join('abc'))
show("', '.join(['x'])", lambda: ', '.join(['x']))
show("'.'.join([1, 2])", lambda: '.'.join([1, 2]))
show("'xxabcxx'.strip('x')", lambda: 'xxabcxx'.strip('x'))
show("'\\t\\n hi \\r'.strip()", lambda: '\t\n hi \r'.strip())
show("'abcba'.lstrip('ab')", lambda: 'abcba'.lstrip('ab'))
show("'abcba'.rstrip('ab')", lambda: 'abcba'.rstrip('ab'))
show("'hello'.replace('l', '')", lambda: 'hello'.replace('l', ''))
show("'aaaa'.replace('a', 'b', 2)", lambda: 'aaaa'.replace('a', 'b', 2))
show("'abc'.replace('', '-')", lambda: 'abc'.replace('', '-'))
show("'abc'.replace('x', 'y')", lambda: 'abc'.replace('x', 'y'))
