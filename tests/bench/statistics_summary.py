# statistics: summarising batches of request timings (exact mean and
# variances through Fractions, medians and quantiles by sorting) and a
# running Fraction total.
import random
import statistics
from fractions import Fraction

rng = random.Random(2024)
lines = []
for batch in range(40):
    timings = [rng.lognormvariate(-4.0, 0.5) for _ in range(5000)]
    lines.append((statistics.mean(timings), statistics.median(timings), statistics.stdev(timings),
                  statistics.quantiles(timings, n=20)[18], statistics.fmean(timings)))
    counts = [rng.randrange(1000) for _ in range(5000)]
    lines.append((statistics.mean(counts), statistics.pvariance(counts), statistics.mode(counts)))
total = Fraction(0)
for k in range(1, 3000):
    total += Fraction(1, k) - Fraction(1, k + 2)
print(len(lines), lines[0], lines[-1], float(total))
