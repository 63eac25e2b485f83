import time
print(time.strptime("2021-03-04 05:06:07", "%Y-%m-%d %H:%M:%S"))
print(time.strptime("Thu Mar  4 05:06:07 2021"))
print(time.clock_gettime(time.CLOCK_MONOTONIC) > 0, type(time.clock_gettime_ns(time.CLOCK_REALTIME)).__name__, time.clock_getres(time.CLOCK_MONOTONIC), time.thread_time_ns() >= 0)
time.tzset(); print(time.tzname, time.timezone, time.daylight)
print(time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(86400 * 365)), time.gmtime(0).tm_year, time.localtime(0)[:3], time.mktime(time.localtime(1000)))
print(time.struct_time((2020, 1, 2, 3, 4, 5, 6, 7, 0)).tm_mday, time.asctime(time.gmtime(0)), time.time_ns() > 0)
try: time.sleep(-1)
except ValueError as e: print(e)
