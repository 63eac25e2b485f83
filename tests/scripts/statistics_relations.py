# statistics: mode/multimode, quantiles, covariance, correlation,
# linear_regression and NormalDist, with their error messages.
import random
import statistics as st
from fractions import Fraction as F

def t(label, fn, *a, **k):
    try:
        r = fn(*a, **k)
    except Exception as e:
        print(label, type(e).__name__, e)
    else:
        print(label, repr(r))

t('mode', st.mode, ['red', 'red', 'green', 'blue', 'blue'])
t('mode', st.mode, [1, 1, 2, 3, 3, 3, 3, 4])
t('mode', st.mode, iter('abracadabra'))
t('mode', st.mode, [(1, 2), (1, 2), None])
t('mode', st.mode, [[1]])
t('multimode', st.multimode, 'aabbbbccddddeeffffgg')
t('multimode', st.multimode, '')
t('multimode', st.multimode, [3, 1, 1, 3, 2])

rng = random.Random(7)
data = [round(rng.gauss(100, 15), 2) for _ in range(57)]
for n in (1, 2, 4, 10, 100):
    for method in ('exclusive', 'inclusive'):
        q = st.quantiles(data, n=n, method=method)
        print('quantiles', n, method, len(q), q[:5], q[-3:])
t('quantiles', st.quantiles, [105, 129, 87, 86, 111, 111, 89, 81, 108, 92, 110, 100, 75, 105, 103, 109, 76, 119, 99, 91, 103, 129, 106, 101, 84, 111, 74, 87, 86, 103, 103, 106, 86, 111, 75, 87, 102, 121, 111, 88, 89, 101, 106, 95, 103, 107, 101, 81, 109, 104], n=10)
t('quantiles ints', st.quantiles, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], n=4)
t('quantiles ints incl', st.quantiles, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], n=4, method='inclusive')
t('quantiles fracs', st.quantiles, [F(1, 2), F(1, 3), F(3, 4)], n=3)
t('quantiles two', st.quantiles, [1, 2], n=5)
t('quantiles n0', st.quantiles, [1, 2], n=0)
t('quantiles one', st.quantiles, [1], n=4)
t('quantiles method', st.quantiles, [1, 2, 3], method='nearest')
t('quantiles positional', st.quantiles, [1, 2, 3], 4)

x = [1, 2, 3, 4, 5, 6, 7, 8, 9]
y = [1, 2, 3, 1, 2, 3, 1, 2, 3]
z = [9, 8, 7, 6, 5, 4, 3, 2, 1]
w = [rng.random() for _ in x]
t('covariance', st.covariance, x, y)
t('covariance', st.covariance, x, z)
t('covariance', st.covariance, w, x)
t('correlation', st.correlation, x, x)
t('correlation', st.correlation, x, y)
t('correlation', st.correlation, x, z)
t('correlation', st.correlation, w, z)
t('correlation const', st.correlation, x, [5] * 9)
t('covariance len', st.covariance, x, y[:-1])
t('covariance short', st.covariance, [1], [2])
t('correlation len', st.correlation, x, y[:-1])
t('correlation short', st.correlation, [1], [2])
t('linear_regression', st.linear_regression, [1, 2, 3, 4, 5], [3, 5, 7, 9, 11])
t('linear_regression', st.linear_regression, x, w)
t('linear_regression prop', st.linear_regression, x, w, proportional=True)
r = st.linear_regression([1971, 1975, 1979, 1982, 1983], [1, 2, 3, 4, 5])
print(type(r).__name__, r.slope, r.intercept, round(r.slope * 2019 + r.intercept))
t('linear_regression const', st.linear_regression, [2, 2, 2], [1, 2, 3])
t('linear_regression len', st.linear_regression, [1, 2], [1])
t('linear_regression short', st.linear_regression, [1], [1])

N = st.NormalDist(100, 15)
print(N, N.mean, N.median, N.mode, N.stdev, N.variance)
print(N.pdf(110), N.cdf(110), N.inv_cdf(0.9), N.zscore(130))
print(N.quantiles(), N.quantiles(10))
for p in (1e-300, 1e-10, 0.001, 0.02, 0.0749, 0.075, 0.5, 0.925, 0.98, 0.999999, 1 - 1e-16):
    print('inv_cdf', p, N.inv_cdf(p), st.NormalDist().inv_cdf(p))
N1 = st.NormalDist(2.4, 1.6)
N2 = st.NormalDist(3.2, 2.0)
print(N1.overlap(N2), N2.overlap(N1), N1.overlap(st.NormalDist(5, 1.6)), N1.overlap(N1))
print(N1 + N2, N1 - N2, N1 + 3, 3 + N1, 10 - N1, N1 * 2, 2 * N1, N1 * -2, N1 / 4, -N1, +N1)
print(N1 == st.NormalDist(2.4, 1.6), N1 == N2, N1 == 2.4, hash(N1) == hash(st.NormalDist(2.4, 1.6)))
temps = [12.5, 14.25, 13.0, 15.5, 11.75, 12.0, 16.5, 14.0]
S = st.NormalDist.from_samples(temps)
print(S, S.cdf(15), round(S.inv_cdf(0.5), 12))
print(st.NormalDist.from_samples([1, 2, 3, 4]), st.NormalDist.from_samples(iter([F(1, 2), F(3, 2)])))
t('from_samples one', st.NormalDist.from_samples, [1])
t('sigma', st.NormalDist, 0, -1)
Z = st.NormalDist(5, 0)
t('pdf0', Z.pdf, 5); t('cdf0', Z.cdf, 5); t('inv0', Z.inv_cdf, 0.5); t('z0', Z.zscore, 5)
t('inv range', N.inv_cdf, 0.0); t('inv range', N.inv_cdf, 1.0)
t('overlap type', N.overlap, 3)
t('overlap zero', N.overlap, Z)
print(st.NormalDist(), repr(st.NormalDist(1, 2)), st.NormalDist(mu=3).stdev)
print(len(N.samples(5)), N.samples(3, seed=42))
d = {N1: 'a'}
print(d[st.NormalDist(2.4, 1.6)], N1.__getstate__())
print(sorted(st.__all__) == sorted(set(st.__all__)), len(st.__all__))
