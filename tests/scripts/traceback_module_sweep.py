import traceback, sys
def inner(): raise ValueError('bad value')
def outer(): inner()
try: outer()
except ValueError as e:
    tb = e.__traceback__
    fs = traceback.extract_tb(tb)
    print(len(fs), [f.name for f in fs], [f.lineno for f in fs], fs[-1].line, type(fs).__name__)
    print(traceback.format_exception_only(type(e), e))
    print(''.join(traceback.format_tb(tb)).replace(__file__, 'F'))
    print(traceback.format_list(fs)[-1].replace(__file__, 'F'))
    s = traceback.format_exc(); print(s.splitlines()[0], s.splitlines()[-1])
    te = traceback.TracebackException.from_exception(e); print(''.join(te.format_exception_only()))
    print([l for f, l in traceback.walk_tb(tb)])
traceback.print_exception(ValueError('direct'))
try: raise KeyError('x')
except KeyError: traceback.print_exc(file=sys.stdout)
print(traceback.format_exception(ValueError, ValueError('v'), None))
