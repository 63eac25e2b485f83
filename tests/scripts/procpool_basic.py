# concurrent.futures.ProcessPoolExecutor: submit, map, exceptions, shutdown.
import os
from concurrent.futures import ProcessPoolExecutor, as_completed, wait


def cube(x):
    return x ** 3


def div(a, b):
    return a / b


def whoami(_):
    return os.getpid()


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def norm2(p):
    return p.x * p.x + p.y * p.y


if __name__ == '__main__':
    with ProcessPoolExecutor(max_workers=2) as ex:
        f = ex.submit(cube, 3)
        print(f.result(timeout=5), f.done(), f.exception())
        print(list(ex.map(cube, range(6))))
        print(list(ex.map(div, [1, 4], [2, 8])))
        bad = ex.submit(div, 1, 0)
        try:
            bad.result()
        except ZeroDivisionError as e:
            print('ZeroDivisionError', e)
        print(type(bad.exception()).__name__)
        fs = [ex.submit(cube, i) for i in range(5)]
        print(sorted(f.result() for f in as_completed(fs)))
        done, not_done = wait(fs)
        print(len(done), len(not_done))
        print(ex.submit(norm2, Point(3, 4)).result())
        pids = set(ex.map(whoami, range(8)))
        print(os.getpid() not in pids)
    try:
        ex.submit(cube, 1)
    except RuntimeError as e:
        print(e)

    # Never shut down: the interpreter still exits cleanly after the work.
    ex2 = ProcessPoolExecutor(max_workers=1)
    print(ex2.submit(cube, 5).result())
    ex2.submit(print, 'printed by a worker')
