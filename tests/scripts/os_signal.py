import signal, os, time
print(signal.getsignal(signal.SIGINT) is signal.default_int_handler, signal.getsignal(signal.SIGTERM) == signal.SIG_DFL)
got = []
def h(signum, frame):
    got.append(signum)
old = signal.signal(signal.SIGUSR1, h)
print(old == signal.SIG_DFL, signal.getsignal(signal.SIGUSR1) is h)
signal.raise_signal(signal.SIGUSR1)
print(got)
os.kill(os.getpid(), signal.SIGUSR1)
for i in range(1000): pass
time.sleep(0.01)
print(got)
print(signal.signal(signal.SIGUSR1, signal.SIG_IGN) is h, signal.getsignal(signal.SIGUSR1) == signal.SIG_IGN)
signal.raise_signal(signal.SIGUSR1); print(got)
signal.signal(signal.SIGTERM, h); os.kill(os.getpid(), signal.SIGTERM); time.sleep(0.01); print(got)
try: signal.signal(signal.SIGKILL, h)
except OSError as e: print(e)
try: signal.signal(signal.SIGINT, 5)
except TypeError as e: print(e)
try: signal.signal(1000, h)
except ValueError as e: print(e)
def kb(s, f): raise KeyboardInterrupt
try:
    signal.raise_signal(signal.SIGINT)
except KeyboardInterrupt: print("KeyboardInterrupt")
print(signal.strsignal(signal.SIGTERM), signal.SIGINT == 2, signal.NSIG, len(signal.valid_signals()) > 30)
signal.signal(signal.SIGALRM, h); print(signal.alarm(0))
