import time
t0 = time.time()
p0 = time.perf_counter()
m0 = time.monotonic()
time.sleep(0.05)
dt = time.perf_counter() - p0
print(0.04 < dt < 0.5, time.time() >= t0, time.monotonic() > m0)
print(type(time.time()).__name__, type(time.perf_counter_ns()).__name__, time.time_ns() > 0)
lt = time.localtime(0)
gt = time.gmtime(0)
print(gt.tm_year, gt.tm_mon, gt.tm_mday, gt[0])
print(time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(86400 * 365)))
