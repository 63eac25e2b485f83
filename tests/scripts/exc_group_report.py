import traceback
def boom(i):
    try:
        raise KeyError(i)
    except KeyError as e:
        raise ValueError(f'v{i}') from e
excs = []
for i in range(17):
    try:
        boom(i) if i < 2 else int("x" * i)
    except Exception as e:
        excs.append(e)
g = ExceptionGroup('wide', excs)
g.add_note('group note')
print(traceback.format_exception(g)[-3:])
d = ValueError('leaf')
for k in range(12):
    d = ExceptionGroup(f'lvl{k}', [d])
try:
    raise RuntimeError('ctx')
except RuntimeError:
    try:
        raise d
    except ExceptionGroup as e:
        print(''.join(traceback.format_exception(e)).replace(__file__, 'F'))
raise g
