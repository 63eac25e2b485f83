"""sys.getswitchinterval(): how long a thread may keep the GIL when others wait.

Run: build/gilpy samples/gil/switch_interval.py

Every switch interval (5 ms by default) a waiting thread asks the running one
to drop the GIL, so two busy threads take turns instead of one starving.
"""
import sys
import threading

print("default switch interval:", sys.getswitchinterval())

# Two CPU-bound threads count until both have seen the other make progress.
# Without forced switching the first one would finish before the second began.
progress = [0, 0]
saw_other = [False, False]


def spin(me):
    other = 1 - me
    while not (saw_other[0] and saw_other[1]):
        progress[me] += 1
        if progress[other] > 0:
            saw_other[me] = True


threads = [threading.Thread(target=spin, args=(i,)) for i in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("both threads ran while the other was busy:", saw_other)

# A longer interval means fewer switches (less overhead, worse latency).
sys.setswitchinterval(0.02)
print("new switch interval:", sys.getswitchinterval())
try:
    sys.setswitchinterval(0)
except ValueError as e:
    print("ValueError:", e)
sys.setswitchinterval(0.005)
