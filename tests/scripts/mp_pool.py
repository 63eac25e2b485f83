# multiprocessing.Pool: map, apply_async, imap, errors from a worker.
import multiprocessing
import os


def square(x):
    return x * x


def add(a, b):
    return a + b


def fail(x):
    if x == 3:
        raise ValueError(f'bad value {x}')
    return x


def pid_of(_):
    return os.getpid()


if __name__ == '__main__':
    with multiprocessing.Pool(3) as pool:
        print(pool.map(square, range(10)))
        r = pool.apply_async(add, (2, 3))
        print(r.get(timeout=5), r.ready(), r.successful())
        print(pool.apply(add, (10,), {'b': 5}))
        print(list(pool.imap(square, [4, 5, 6])))
        print(sorted(pool.imap_unordered(square, [1, 2, 3])))
        print(pool.starmap(add, [(1, 2), (3, 4)]))
        pids = set(pool.map(pid_of, range(12)))
        print(os.getpid() not in pids, 1 <= len(pids) <= 3)
        try:
            pool.map(fail, range(6))
        except ValueError as e:
            print('ValueError', e)
        r = pool.apply_async(fail, (3,))
        try:
            r.get()
        except ValueError as e:
            print('apply_async raised', e, r.successful())
        got = []
        pool.apply_async(square, (9,), callback=got.append).wait()
        print(got)
        errs = []
        pool.apply_async(fail, (3,), error_callback=lambda e: errs.append(repr(e))).wait()
        print(errs)
        print(pool.map(lambda x: x + 1, [1, 2]) if False else 'lambda skipped')

    pool = multiprocessing.Pool(2)
    results = [pool.apply_async(square, (i,)) for i in range(5)]
    pool.close()
    pool.join()
    print([r.get() for r in results])
    try:
        pool.apply_async(square, (1,))
    except ValueError as e:
        print(e)
