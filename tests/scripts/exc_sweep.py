print(repr(KeyError('a')), str(KeyError('a')), str(KeyError()), str(KeyError('a', 'b')), repr(ValueError()), repr(OSError(2, 'x')))
e = OSError(2, 'No such file', 'f.txt'); print(e, type(e).__name__, e.errno, e.filename, str(FileNotFoundError(2, 'nf')))
print(repr(StopIteration(5).value), SystemExit(3).code, repr(UnicodeDecodeError('utf-8', b'\xff', 0, 1, 'bad')))
print(str(UnicodeDecodeError('utf-8', b'\xff', 0, 1, 'invalid start byte')), BaseException.__subclasses__()[:0])
try:
    try: 1/0
    except ZeroDivisionError as e: raise ValueError('v') from e
except ValueError as e: print(repr(e.__cause__), e.__suppress_context__, repr(e.__context__))
e = ValueError('x'); e.add_note('note1'); print(e.__notes__)
eg = ExceptionGroup('m', [ValueError('a'), KeyError('b')]); print(eg, repr(eg), eg.split(ValueError)[0])
class MyErr(Exception):
    def __init__(self, a, b): super().__init__(a); self.b = b
try: raise MyErr(1, 2)
except MyErr as e: print(e, e.args, e.b, repr(e))
class E2(Exception):
    def __str__(self): return 'custom'
print(E2(), repr(E2('q')), Exception('a', 1), repr(Exception('a', 1)))
import traceback
def f(): return 1/0
try: f()
except Exception: print(traceback.format_exc().replace(__file__, 'F'))
print(isinstance(KeyError(), LookupError), issubclass(ModuleNotFoundError, ImportError), BaseException().args)
try: import nonexistent_mod
except ImportError as e: print(e, e.name)
try: from sys import nonexist
except ImportError as e: print(e)
def g():
    try: return 'try'
    finally: print('fin')
print(g())
def h():
    for i in range(3):
        try:
            if i == 1: continue
            if i == 2: break
        finally: print('f', i)
h()
class CM:
    def __enter__(self): print('enter'); return self
    def __exit__(self, *a): print('exit', a[0].__name__ if a[0] else None); return True
with CM() as c: raise ValueError
with CM(): pass
print(ValueError('a') == ValueError('a'), ZeroDivisionError.__mro__)
e = Exception(); e.__traceback__ = None; print(e.with_traceback(None) is e)
import sys; print(sys.exc_info())
try: raise TypeError('t')
except TypeError: print(sys.exc_info()[0].__name__, repr(sys.exc_info()[1]))
def gen():
    try: yield 1
    except GeneratorExit: print('gexit'); raise
g2 = gen(); next(g2); g2.close(); print(next(g2, 'done'))
def gen2():
    x = yield 1
    print('got', x)
    yield 2
g3 = gen2(); print(next(g3), g3.send('s'))
try: g3.throw(KeyError('k'))
except KeyError as e: print('thrown', e)
def raiser(): raise NotImplementedError
try: raiser()
except NotImplementedError as e: print(repr(e), str(e) == '')
assert_ok = True
try: assert 1 == 2, 'msg'
except AssertionError as e: print(e)
raise KeyError('final') from None
