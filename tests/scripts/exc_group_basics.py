eg = ExceptionGroup('m', [ValueError('a'), KeyError('b')])
print(eg, repr(eg), eg.message, eg.exceptions, eg.args, type(eg).__mro__)
print(isinstance(eg, Exception), isinstance(eg, BaseExceptionGroup), issubclass(ExceptionGroup, BaseExceptionGroup))
beg = BaseExceptionGroup('b', [ValueError(1)]); print(type(beg).__name__, repr(beg))
beg2 = BaseExceptionGroup('b', [KeyboardInterrupt()]); print(type(beg2).__name__, isinstance(beg2, Exception))
for args in [('x', []), (1, [ValueError()]), ('x', [1]), ('x', ValueError()), ('x',), ('x', [KeyboardInterrupt()])]:
    try:
        ExceptionGroup(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
nested = ExceptionGroup('outer', [ValueError(1), ExceptionGroup('inner', [TypeError(2), ValueError(3)]), KeyError(4)])
m, r = nested.split(ValueError)
print(repr(m), repr(r))
print(repr(nested.subgroup(lambda e: isinstance(e, (TypeError, KeyError)))))
print(nested.subgroup(OSError), nested.split(Exception)[0] is nested, nested.split((TypeError, KeyError)))
try: nested.split(5)
except TypeError as e: print(e)
class MyEG(ExceptionGroup):
    def derive(self, excs): return MyEG(self.message.upper(), excs)
me = MyEG('low', [ValueError(1), TypeError(2)])
me.add_note('a note')
sub = me.subgroup(ValueError); print(type(sub).__name__, repr(sub), sub.__notes__)
try:
    raise eg
except ExceptionGroup as e:
    print('caught', e.exceptions[0])
print(str(ExceptionGroup('one', [ValueError()])), ExceptionGroup[int])
