# re: a catastrophic match is interrupted by a signal handler's exception
# (as CPython checks for signals while matching), and the pattern still
# works afterwards.
import re
import signal


class Timeout(Exception):
    pass


def on_alarm(signum, frame):
    raise Timeout("took too long")


signal.signal(signal.SIGALRM, on_alarm)
slow = re.compile(r"(x+x+)+y")
signal.alarm(1)
try:
    slow.match("x" * 60)
    print("finished?")
except Timeout as e:
    print("interrupted:", e)
finally:
    signal.alarm(0)
print(slow.match("xxy"))
try:
    signal.alarm(1)
    re.sub(r"(a|aa)*b", "-", "a" * 200)
except Timeout as e:
    print("interrupted:", e)
finally:
    signal.alarm(0)
