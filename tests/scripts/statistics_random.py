# statistics: randomized data of every supported kind through every function;
# each result must match CPython exactly (floats bit for bit).
import random, statistics as st
from fractions import Fraction as F
rng = random.Random(5)
out = []
for trial in range(60):
    k = rng.randrange(4)
    n = rng.randrange(1, 40)
    if k == 0: data = [rng.uniform(-1e6, 1e6) for _ in range(n)]
    elif k == 1: data = [rng.randrange(-100, 100) for _ in range(n)]
    elif k == 2: data = [F(rng.randrange(-100, 100), rng.randrange(1, 50)) for _ in range(n)]
    else: data = [rng.choice([1e300, -1e300, 1e-300, 0.1, 3, 2.5e10]) for _ in range(n)]
    for name in ['mean','fmean','median','median_low','median_high','median_grouped','mode','multimode','pvariance','pstdev','variance','stdev','geometric_mean','harmonic_mean']:
        try: r = getattr(st, name)(data)
        except Exception as e: r = type(e).__name__ + str(e)
        out.append(repr(r))
    for m in ('exclusive', 'inclusive'):
        try: out.append(repr(st.quantiles(data, n=rng.randrange(1, 12), method=m)))
        except Exception as e: out.append(type(e).__name__ + str(e))
    y = [rng.uniform(-5, 5) for _ in data]
    for fn in (st.covariance, st.correlation, st.linear_regression):
        try: out.append(repr(fn(data, y)))
        except Exception as e: out.append(type(e).__name__ + str(e))
    try:
        N = st.NormalDist.from_samples(data)
        out.append(repr((N, N.cdf(1.0), N.pdf(0.5), N.inv_cdf(rng.random()), N.quantiles(5))))
    except Exception as e: out.append(type(e).__name__ + str(e))
print("\n".join(out))
