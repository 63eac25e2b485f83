# Generator expressions abandoned early by all()/any()/next(): a prime sieve
# by trial division, and first-match searches.
def primes(limit):
    return [p for p in range(2, limit) if all(p % d for d in range(2, int(p ** 0.5) + 1))]


words = ["w%d" % i for i in range(200)]
found = 0
for rep in range(3000):
    found += any(w.endswith("7") for w in words)
    found += next((w for w in words if w == "w50"), None) is not None
ps = primes(150_000)
print(len(ps), ps[-1], found)
