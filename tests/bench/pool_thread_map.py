# ThreadPoolExecutor.map over 10 000 small jobs.
from concurrent.futures import ThreadPoolExecutor


def job(i):
    s = i
    for k in range(400):
        s += (i ^ k) & 7
    return s


with ThreadPoolExecutor(max_workers=8) as ex:
    results = list(ex.map(job, range(10_000)))
print("results:", len(results))
print("checksum:", sum(results))
