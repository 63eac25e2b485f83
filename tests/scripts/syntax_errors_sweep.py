cases = ['f(a for a in b, c)', 'x = 1 if 2', 'def f(*): pass', 'def f(**k, a): pass', 'import a.b as', 'x = [i for i in]',
 'class A(: pass', 'x = {1: 2, **}', 'print(1 2)', 'x = a b', 'if x = 1: pass', 'while x := : pass', 'x += 1 = 2',
 'for x in 1, 2: pass\nelse pass', 'try: pass\nexcept X, Y: pass', 'with a as b, : pass', 
 'x = not', 'x = 1 +* 2', 'a[1:2:3:4]', 'f(x=)', 'f(=1)', '@\ndef f(): pass', 'del 1', 'del (a, 1)', '(a, b) += 1',
 'x = yield = 1', 'async x = 1',  'x = "a" "b" 1', "x = f'{}'", "x = f'{a b}'",
 'global x, ', 'assert', 'raise from x', 'x.1', 'x = ...x', 'def f(a, /, b, /): pass', 'lambda: (yield)', 'x = *a',
 'print(*)', 'a = b = ', '[x for x in y if]', '{**a for a in b}', '[*a for a in b]', 'f(**a for a in b)', 
 'if 1:\npass', 'def f():\n\tx=1\n        y=2', "x = '''a", 'x = (1,\n2', 'else: pass', 'elif x: pass', 'except: pass',
 'continue', 'x = [1, 2 3]', 'x = (1 2)', 'f(a b)', 'import 1', 'from . import *\nfrom x import (a, *)', 'x = a if b else',
 'nonlocal', 'def f(x, *, ): pass', 'x = {1 2}', 'obj.attr = yield', 'for in x: pass', 'class: pass', 'def (): pass']
for src in cases:
    try:
        compile(src, 'f', 'exec')
        print(repr(src), 'OK')
    except SyntaxError as e:
        print(repr(src), type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
