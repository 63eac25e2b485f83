def f():
    raise ValueError('inner')
try:
    f()
except ValueError as e:
    err = e
raise ExceptionGroup('many', [err, ExceptionGroup('nested', [TypeError('t'), KeyError('k')]), OSError(2, 'x')])
