# ProcessPoolExecutor: a worker that dies abruptly (os._exit, a signal, a
# kill from outside while idle) breaks the pool as in CPython, and the
# futures still pending get BrokenProcessPool.
import os
import signal
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool


def die(code):
    os._exit(code)


def kill_self():
    os.kill(os.getpid(), signal.SIGKILL)


def slow(x):
    time.sleep(0.3)
    return x


def square(x):
    return x * x


def report(f):
    e = f.exception()
    print(' ', type(e).__name__, e)


def try_submit(ex):
    try:
        ex.submit(square, 2)
    except BrokenProcessPool as e:
        print('  submit:', type(e).__name__, e)


def wait_broken(ex):
    deadline = time.monotonic() + 10
    while not ex._broken and time.monotonic() < deadline:
        time.sleep(0.01)
    return bool(ex._broken)


if __name__ == '__main__':
    print('os._exit in a worker:')
    ex = ProcessPoolExecutor(max_workers=2)
    print(ex.submit(square, 3).result())
    f = ex.submit(die, 3)
    report(f)
    print(' ', isinstance(f.exception(), RuntimeError))
    try_submit(ex)
    ex.shutdown()
    print(' ', ex._processes)

    print('SIGKILL in a worker, with more work pending:')
    with ProcessPoolExecutor(max_workers=1) as ex:
        first = ex.submit(slow, 1)
        bad = ex.submit(kill_self)
        rest = [ex.submit(square, i) for i in range(5)]
        print(' ', first.result())
        report(bad)
        print(' ', all(type(r.exception()) is BrokenProcessPool for r in rest))
    try_submit(ex)

    print('idle worker killed from outside:')
    ex = ProcessPoolExecutor(max_workers=2)
    print(' ', ex.submit(square, 4).result())
    pid = sorted(ex._processes)[0]
    os.kill(pid, signal.SIGKILL)
    print(' ', wait_broken(ex))
    try_submit(ex)
    ex.shutdown(wait=True)

    print('map over a dying worker:')
    with ProcessPoolExecutor(max_workers=2) as ex:
        try:
            print(list(ex.map(die, [0, 1, 2])))
        except BrokenProcessPool as e:
            print(' ', type(e).__name__, e)
    print('done')
