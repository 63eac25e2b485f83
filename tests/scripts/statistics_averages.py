# statistics: averages and spread over ints, floats and Fractions; float
# results must be bit-identical to CPython's (exact sums, one rounding).
import math
import random
import statistics as st
from fractions import Fraction as F

def t(name, *a, **k):
    fn = getattr(st, name)
    try:
        r = fn(*a, **k)
    except Exception as e:
        print(name, type(e).__name__, e)
    else:
        print(name, repr(r), type(r).__name__)

rng = random.Random(12345)
floats = [rng.random() * 100 - 30 for _ in range(200)]
ints = [rng.randrange(-1000, 1000) for _ in range(101)]
tricky = [1e50, 1, -1e50] * 100 + [0.1] * 10
small = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]
fracs = [F(1, 3), F(2, 7), F(5, 11), F(-1, 13)]
timings = [0.0123, 0.0131, 0.0119, 0.0127, 0.0502, 0.0125, 0.0122]
datasets = [('floats', floats), ('ints', ints), ('tricky', tricky), ('small', small), ('fracs', fracs),
            ('timings', timings), ('bools', [True, False, True]), ('mixed', [1, 2.5, F(1, 2)]),
            ('one', [5]), ('two', [1, 4]), ('inf', [1.0, float('inf'), 2.0]), ('nan', [1.0, float('nan')]),
            ('neginf', [float('-inf'), 1.0, float('inf')])]

for label, data in datasets:
    print('--', label)
    for name in ('mean', 'fmean', 'median', 'median_low', 'median_high', 'median_grouped',
                 'variance', 'pvariance', 'stdev', 'pstdev'):
        t(name, data)
    t('mean', iter(data))
    t('variance', iter(data))

print('-- geometric / harmonic')
for data in ([54, 24, 36], [1.5, 2.5, 10.0], timings, [F(1, 2), F(3, 4)], [2.0], [40, 60], [0.0, 5.0], [1, 0, 3]):
    t('geometric_mean', data)
    t('harmonic_mean', data)
t('harmonic_mean', [40, 60], weights=[5, 30])
t('harmonic_mean', [40, 60], weights=[5])
t('harmonic_mean', [40, 60], weights=[0, 0])
t('harmonic_mean', [40, -60])
t('harmonic_mean', [40, 60], weights=[-1, 2])
t('harmonic_mean', [-5])
t('harmonic_mean', ['x'])
t('harmonic_mean', [])
t('harmonic_mean', iter([1, 2, 4]))
t('geometric_mean', [])
t('geometric_mean', [1, -2])
t('fmean', [3.5, 4.0, 5.25], [1, 2, 3])
t('fmean', iter([1, 2, 3]))
t('fmean', (x for x in [1, 2, 3]), [1, 1, 1])
t('fmean', [1, 2], [1])
t('fmean', [1, 2], [1, -1])
t('fmean', [])
t('fmean', iter([]))

print('-- with given means')
t('variance', floats, st.mean(floats))
t('pvariance', floats, 10)
t('stdev', [1.5, 2.5, 2.5, 2.75, 3.25, 4.75], 2.875)
t('pstdev', ints, F(1, 3))

print('-- errors')
for name in ('mean', 'median', 'median_low', 'median_high', 'median_grouped', 'mode', 'pvariance', 'pstdev'):
    t(name, [])
for name in ('variance', 'stdev'):
    t(name, [1])
t('mean', ['a', 'b'])
t('mean', [1.5, F(1, 2), 2])
t('median_grouped', ['a', 'b'])
t('median_grouped', [None, None, None])
t('median_grouped', [1, 2, 2, 3, 4, 4, 4, 4, 4, 5])
t('median_grouped', [52, 52, 53, 54], interval=2)
t('median_grouped', [1, 3, 3, 5, 7], '2')
t('median_grouped', [1, 3, 3, 5, 7], 'x')
print(issubclass(st.StatisticsError, ValueError), st.StatisticsError.__module__)
try:
    st.mean([])
except ValueError as e:
    print('ValueError caught:', e)
