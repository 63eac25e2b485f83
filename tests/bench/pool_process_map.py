# ProcessPoolExecutor.map over 1 000 jobs (each a little arithmetic).
from concurrent.futures import ProcessPoolExecutor


def job(i):
    s = 0
    for k in range(8000):
        s += (i * k) % 7
    return s


if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=2) as ex:
        results = list(ex.map(job, range(1000), chunksize=10))
    print("results:", len(results))
    print("checksum:", sum(results))
